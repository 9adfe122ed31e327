using System.Xml.Linq;
using BenefitsTracker.Reports.Charts;
using SkiaSharp;

namespace BenefitsTracker.Reports.Tests;

public class ChartTests
{
    public static TheoryData<string> Scopes => new() { "worked", "council", "consortium" };

    private static IReadOnlyList<ReportChart> ChartsFor(string scope) => ReportCharts.Build(scope switch
    {
        "worked" => Results.WorkedExampleResult,
        "council" => Results.SampleConwy,
        _ => Results.SampleNorthWales,
    });

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Every_chart_is_a_valid_non_blank_png_with_text_drawn(string scope)
    {
        var charts = ChartsFor(scope);
        Assert.Equal(["cumulative", "channel-mix", "digital-take-up", "officer-minutes", "benefit-by-line"], charts.Select(c => c.Stem).ToArray());
        foreach (var chart in charts)
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.Png[..4]);
            using var bitmap = SKBitmap.Decode(chart.Png);
            Assert.NotNull(bitmap);
            Assert.Equal((960, 540), (bitmap.Width, bitmap.Height));

            // Not blank: plenty of pixels that are not the white background, in several colours.
            var nonWhite = 0;
            var colours = new HashSet<uint>();
            for (var y = 0; y < bitmap.Height; y += 2)
                for (var x = 0; x < bitmap.Width; x += 2)
                {
                    var p = bitmap.GetPixel(x, y);
                    if (p.Red < 240 || p.Green < 240 || p.Blue < 240) nonWhite++;
                    colours.Add((uint)p);
                }
            Assert.True(nonWhite > 2_000, $"{chart.Stem}: only {nonWhite} non-white pixels");
            Assert.True(colours.Count > 20, $"{chart.Stem}: only {colours.Count} colours");

            // Text drawn: the title band (above the plot area) has dark anti-aliased glyph pixels.
            var dark = 0;
            for (var y = 0; y < 36; y++)
                for (var x = 0; x < bitmap.Width; x++)
                {
                    var p = bitmap.GetPixel(x, y);
                    if (p.Red < 120 && p.Green < 120 && p.Blue < 120) dark++;
                }
            Assert.True(dark > 300, $"{chart.Stem}: the title band has {dark} dark pixels; is a font available?");
        }
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Every_chart_is_valid_svg_with_its_title_as_text(string scope)
    {
        foreach (var chart in ChartsFor(scope))
        {
            var doc = XDocument.Parse(chart.Svg);
            XNamespace svg = "http://www.w3.org/2000/svg";
            Assert.Equal(svg + "svg", doc.Root!.Name);
            var texts = doc.Descendants(svg + "text").Select(t => t.Value).ToList();
            Assert.True(texts.Count > 5, $"{chart.Stem}: {texts.Count} text elements");
            Assert.Contains(chart.Title, string.Join("", texts).Replace("\n", ""), StringComparison.Ordinal);
            Assert.Contains("DejaVu Sans", chart.Svg, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(chart.AltText));
            Assert.NotEmpty(chart.Rows);
        }
    }

    [Fact]
    public void Month_axes_read_as_MMM_yyyy_and_money_axes_in_pounds()
    {
        var charts = ReportCharts.Build(Results.WorkedExampleResult).ToDictionary(c => c.Stem);
        Assert.Contains("Jan 2024", charts["cumulative"].Svg.Replace("\n", ""), StringComparison.Ordinal);
        Assert.Contains("£", charts["cumulative"].Svg, StringComparison.Ordinal);
        Assert.Contains("Payback: May 2024", charts["cumulative"].Svg.Replace("\n", ""), StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_font_is_the_embedded_DejaVu_Sans_not_whatever_the_machine_has()
    {
        ReportCharts.Build(Results.WorkedExampleResult);
        Assert.Equal("DejaVu Sans", ScottPlot.Fonts.Default);
        Assert.IsType<ChartFonts>(ScottPlot.Fonts.FontResolvers[0]);
        var typeface = ScottPlot.Fonts.FontResolvers[0].CreateTypeface("DejaVu Sans", false, false);
        Assert.NotNull(typeface);
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.True(typeface.GlyphCount > 1000);
        Assert.Contains(typeof(ChartFonts).Assembly.GetManifestResourceNames(), n => n.EndsWith("DejaVuSans.ttf", StringComparison.Ordinal));
    }
}

public class SuppressionInChartsTests
{
    [Fact]
    public void A_consortium_channel_table_hides_small_counts_by_the_engine_rule()
    {
        var r = Results.SampleNorthWales;
        var th = r.Assumptions.SuppressionThreshold;
        var mix = ReportCharts.Build(r).Single(c => c.Stem == "channel-mix");
        var channels = mix.Headers.Skip(1).Take(mix.Headers.Count - 2).ToList();
        for (var i = 0; i < r.Months.Count; i++)
        {
            var hidden = Core.Method.Suppression.HiddenCells(r.Months[i].ByChannel, th);
            foreach (var (name, k) in channels.Select((c, k) => (c, k)))
            {
                var key = r.Months[i].ByChannel.Keys.Single(ch => Formatting.Fmt.Channel(ch) == name);
                var shown = mix.Rows[i][k + 1];
                // A small count is "<10"; one hidden beside it (not small itself) is "[c]".
                if (hidden.Contains(key)) Assert.Equal(Core.Method.Suppression.Hides(r.Months[i].ByChannel[key], th) ? $"<{th}" : "[c]", shown);
                else Assert.Equal(Formatting.Fmt.Count(r.Months[i].ByChannel[key]), shown);
            }
        }
    }
}
