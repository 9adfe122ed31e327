using System.Text.RegularExpressions;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Localisation;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// Issue 13, the page as its readers meet it: on a phone (charts legible at 390 px, nothing scrolls sideways) and
/// on paper (the headline, the key chart and the main caveats on page one; long data tables after the story).
/// </summary>
public class PageLayoutTests(ITestOutputHelper output)
{
    private static SavingsResult For(string scope) => scope == "council" ? Results.SampleConwy : Results.SampleNorthWales;

    /// <summary>
    /// The sample with every service's deadweight estimates refused, as the demo's are (`benefits demo`): the reason is the
    /// estimator's, a sentence of some 40 words. By hand, as CounterfactualOutputTests builds them.
    /// </summary>
    internal static SavingsResult WithRefusedEstimates(SavingsResult r) => r with
    {
        Counterfactual = [.. (r.Members.Count > 0 ? r.Members.Select(m => (m.Scope.Id, m.Services)) : [(r.Scope.Id, r.Services)])
            .SelectMany(c => c.Services.Select(s => (Council: c.Id, s.Service)))
            .SelectMany(cs => new[] { CounterfactualEstimate.Its, CounterfactualEstimate.Peers }.Select(method => new CounterfactualEstimate
            {
                Council = cs.Council, Service = cs.Service, Method = method, GoLive = new Core.Domain.Month(2023, 4),
                Refused = method == CounterfactualEstimate.Its
                    ? "the model of a trend and one yearly harmonic misses the 12 months before go-live by 47% on average (root mean square " +
                      "of the log ratio; at most 25% is projected), so its projection would not be evidence; 24 months before go-live let " +
                      "each month of the year have its own level"
                    : "every peer had launched the service (or has no data) in the months after go-live, so none is left to compare with",
                MonthsBefore = 12, MonthsAfter = 24, AssumedDeadweight = 0.1m,
            }))],
    };

    /// <summary>The scope's report written to a folder of its own and Chromium started; closed (and removed) when disposed.</summary>
    private sealed class Opened(IPlaywright playwright, IBrowser browser, string url, TempDir dir) : IAsyncDisposable
    {
        /// <summary>A page of this viewport with the report open in it.</summary>
        public async Task<IPage> PageAsync(int width, int height)
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            await page.GotoAsync(url);
            return page;
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            dir.Dispose();
        }
    }

    /// <summary>
    /// An input file whose name has nowhere to break (no space, no hyphen): 52 characters that a table cell kept on one line.
    /// </summary>
    internal const string LongInputName = "north_wales_contact_centre_events_export_2024_25.csv";

    /// <summary>The sample with one more input file, of a long name (<see cref="LongInputName"/>), beside its own.</summary>
    internal static SavingsResult WithLongInputName(SavingsResult r) => r with
    {
        Lineage = r.Lineage with
        {
            Inputs = [.. r.Lineage.Inputs,
                new InputFile(LongInputName, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 16_560, 0)],
        },
    };

    private async Task<Opened?> OpenAsync(string scope, bool refused = false, bool welsh = false, bool longInput = false)
    {
        var chromium = Tools.Require("chromium", "chromium", new Output(output), "/usr/bin/chromium");
        if (chromium is null) return null;
        var dir = new TempDir();
        var result = refused ? WithRefusedEstimates(For(scope)) : For(scope);
        if (longInput) result = WithLongInputName(result);
        if (welsh) ReportWriter.WriteAll(result, dir.Path, [ReportLanguage.En, ReportLanguage.Cy]);
        else ReportWriter.WriteAll(result, dir.Path);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
        return new Opened(playwright, browser, new Uri(dir.File(welsh ? "report.cy.html" : "report.html")).AbsoluteUri, dir);
    }

    [Theory]
    [InlineData("council")]
    [InlineData("consortium")]
    public async Task On_a_390_px_phone_chart_labels_are_legible_and_nothing_scrolls_sideways(string scope)
    {
        await using var opened = await OpenAsync(scope);
        if (opened is null) return;
        var page = await opened.PageAsync(390, 844);
        var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scroll <= 390, $"the page is {scroll} px wide at 390 px: it scrolls sideways");
        // The smallest text of every chart shown, in screen pixels (an SVG's text shrinks with the SVG).
        var sizes = await page.EvaluateAsync<double[]>("""
            () => [...document.querySelectorAll('figure.chart svg')].filter(s => s.getClientRects().length > 0)
                .map(s => Math.min(...[...s.querySelectorAll('text')].filter(t => t.textContent.trim().length > 0)
                    .map(t => t.getBoundingClientRect().height)))
            """);
        Assert.NotEmpty(sizes);
        var charts = await page.EvaluateAsync<int>("() => document.querySelectorAll('figure.chart').length");
        Assert.Equal(charts, sizes.Length);
        output.WriteLine($"smallest chart text at 390 px: " +
            $"{string.Join(", ", sizes.Select(s => s.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))} px");
        Assert.All(sizes, s => Assert.True(s >= 9, $"chart text {s:0.0} px high at 390 px"));
        // The months along the channel mix's axis do not run into one another (its legend, beside the plot, squeezed them so).
        var clashes = await page.EvaluateAsync<string[]>("""
            () => { const svg = [...document.querySelectorAll('#fig-channel-mix svg')].find(s => s.getClientRects().length > 0);
                    const labels = [...svg.querySelectorAll('text')].map(t => [t.textContent.trim(), t.getBoundingClientRect()])
                        .filter(([s]) => /^[A-Z][a-z]+ [0-9]{4}$/.test(s));
                    const out = [];
                    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
                        const a = labels[i][1], b = labels[j][1];
                        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0)
                            out.push(labels[i][0] + ' / ' + labels[j][0]);
                    }
                    return labels.length < 2 ? ['fewer than two month labels'] : out; }
            """);
        Assert.Empty(clashes);

        // On a desktop the wide rendition is shown, and its labels are full size.
        await page.SetViewportSizeAsync(1280, 900);
        var wide = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('.chart-wide svg')].filter(s => s.getClientRects().length > 0).length");
        Assert.Equal(charts, wide);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 1280);
    }

    /// <summary>
    /// No chart text is cut off at its chart's edge on a phone, in English or in Welsh (longer words): every text of every chart
    /// shown at 390 px lies inside its SVG, and no value label sits on another text (a negative bar's label sat on its line's
    /// name). At 390 px the phone rendition (400 px wide) is shown; the value labels' room was set in data units, enough at
    /// 960 px and too little at 400, and the legends and axis titles ran past the right edge ("£62,6…", "Budd wedi'i addasu fesul 1,0…").
    /// </summary>
    [Theory]
    [InlineData("council", false)]
    [InlineData("council", true)]
    [InlineData("consortium", false)]
    [InlineData("consortium", true)]
    public async Task On_a_390_px_phone_no_chart_text_is_cut_off_or_on_another(string scope, bool welsh)
    {
        await using var opened = await OpenAsync(scope, welsh: welsh);
        if (opened is null) return;
        var page = await opened.PageAsync(390, 844);
        var shown = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('figure.chart svg')].filter(s => s.getClientRects().length > 0).length");
        Assert.True(shown >= 5, $"{shown} charts shown at 390 px");
        // Text measured by its glyphs' box (getBBox), against the SVG's own box: outside it, the browser cuts it off.
        var problems = await page.EvaluateAsync<string[]>("""
            () => { const out = [];
              for (const svg of [...document.querySelectorAll('figure.chart svg')].filter(s => s.getClientRects().length > 0)) {
                const id = svg.closest('figure').id, box = svg.getBoundingClientRect();
                const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim().length > 0)
                  .map(t => [t.textContent.trim(), t.getBoundingClientRect()]);
                for (const [s, r] of texts)
                  if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
                    out.push(`${id}: "${s}" at ${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)} px ` +
                      `of ${Math.round(box.width)}, ${Math.round(r.top - box.top)}..${Math.round(r.bottom - box.top)} of ${Math.round(box.height)}`);
                for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
                  const a = texts[i][1], b = texts[j][1];
                  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                  if (w > 1 && h > 2) out.push(`${id}: "${texts[i][0]}" on "${texts[j][0]}" ` +
                    `(${Math.round(a.left - box.left)}..${Math.round(a.right - box.left)}, ` +
                    `${Math.round(b.left - box.left)}..${Math.round(b.right - box.left)})`);
                }
              }
              return out; }
            """);
        foreach (var p in problems) output.WriteLine(p);
        Assert.Empty(problems);
    }

    /// <summary>
    /// The deadweight table gives, where an estimate was refused, the reason in the interval's column. Kept on one line as a
    /// figure is, it made the table 2,800 px wide at 1,280 px: a desktop reader saw the sentence cut off at the page's edge and
    /// none of the columns after it (the assumed deadweight, the change in offline transactions). Now it wraps.
    /// </summary>
    /// <remarks>
    /// A consortium's table has two columns more (the council, the service), nine in all: it was still up to 1.2 times its box
    /// (1,050 px in 920, in Welsh 1,132; a Welsh council's 995), its last columns hidden past the edge. Now such a table
    /// (HtmlWriter.Compact) has smaller text and padding and its ranges wrap at their spaces, and it fits, in English and Welsh.
    /// </remarks>
    [Theory]
    [InlineData("council", false)]
    [InlineData("council", true)]
    [InlineData("consortium", false)]
    [InlineData("consortium", true)]
    public async Task On_a_desktop_a_reason_given_in_a_figures_place_wraps_and_the_deadweight_table_fits_its_box(string scope, bool welsh)
    {
        const double most = 1.0;
        await using var opened = await OpenAsync(scope, refused: true, welsh: welsh);
        if (opened is null) return;
        var page = await opened.PageAsync(1280, 900);
        var sentences = await page.EvaluateAsync<int>("() => document.querySelectorAll('td.words').length");
        Assert.True(sentences > 0, "the sample has refused estimates, whose reasons are sentences in a numeric column");
        var boxes = await page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll('.table-scroll')].filter(s => s.querySelector('td.words'))
                .map(s => [s.scrollWidth, s.clientWidth])
            """);
        Assert.NotEmpty(boxes);
        foreach (var b in boxes)
        {
            output.WriteLine($"a table with a reason: {b[0]} px wide in a box of {b[1]} px");
            Assert.True(b[0] <= b[1] * most + 1, $"the table is {b[0]} px wide in a box of {b[1]} px");
        }
    }

    /// <summary>
    /// The input files' table fits its box on a desktop and on a phone, in English and Welsh: a checksum (64 characters, no
    /// space) and a long file name wrap in their cells. Kept on one line, they made it 942 px wide in a box of 920 at 1,280 px
    /// (its last column, the rows rejected, cut off at the box's edge) and 999 px in Welsh; at 390 px it scrolled.
    /// Every character of each name and checksum is still there, in the order given.
    /// </summary>
    [Theory]
    [InlineData("council", false, 1280)]
    [InlineData("council", true, 1280)]
    [InlineData("consortium", false, 1280)]
    [InlineData("consortium", true, 1280)]
    [InlineData("council", false, 390)]
    [InlineData("consortium", true, 390)]
    public async Task The_input_files_table_fits_its_box_its_long_names_and_checksums_wrapping(string scope, bool welsh, int width)
    {
        await using var opened = await OpenAsync(scope, welsh: welsh, longInput: true);
        if (opened is null) return;
        var page = await opened.PageAsync(width, 900);
        var caption = (welsh ? ReportText.Cy : ReportText.En)["html.lineage.inputs.caption"];
        var box = await page.EvaluateAsync<double[]>("""
            caption => { const s = [...document.querySelectorAll('.table-scroll')].find(s => s.getAttribute('aria-label') === caption);
                         return s ? [s.scrollWidth, s.clientWidth, s.querySelectorAll('tbody tr').length] : []; }
            """, caption);
        Assert.Equal(3, box.Length);
        output.WriteLine($"input files at {width} px: {box[0]} px wide in a box of {box[1]} px, {box[2]} files");
        Assert.True(box[0] <= box[1] + 1, $"the input files' table is {box[0]} px wide in a box of {box[1]} px at {width} px");
        var result = WithLongInputName(For(scope));
        Assert.Equal(result.Lineage.Inputs.Count, (int)box[2]);
        var cells = await page.EvaluateAsync<string[]>("""
            caption => [...[...document.querySelectorAll('.table-scroll')].find(s => s.getAttribute('aria-label') === caption)
                .querySelectorAll('tbody tr')].map(r => [...r.children].slice(0, 2).map(c => c.textContent).join(' '))
            """, caption);
        Assert.Equal(result.Lineage.Inputs.Select(i => i.File + " " + i.Sha256), cells);
    }

    /// <summary>
    /// The cumulative chart's payback label ("Payback: Apr 2024", "Ad-dalu: Ebr 2024") crosses no plotted line or marker, on a
    /// phone (the 400 px rendition) or a desktop. It hung from the top of the plot beside the payback line, and on a phone the
    /// benefit line, rising steeply after payback, ran through it; now it sits above the highest point, room made for it.
    /// A line is measured along its path (points every half pixel, the label's box widened by half the line's width).
    /// </summary>
    [Theory]
    [InlineData("council", false, 390)]
    [InlineData("council", true, 390)]
    [InlineData("consortium", false, 390)]
    [InlineData("consortium", true, 390)]
    [InlineData("consortium", false, 1280)]
    [InlineData("council", true, 1280)]
    public async Task The_payback_label_crosses_no_plotted_data(string scope, bool welsh, int width)
    {
        await using var opened = await OpenAsync(scope, welsh: welsh);
        if (opened is null) return;
        var page = await opened.PageAsync(width, 900);
        var prefix = (welsh ? ReportText.Cy : ReportText.En).F("chart.cumulative.payback_label", ("month", "")).Trim();
        var found = await page.EvaluateAsync<string[]>("""
            prefix => { const svg = [...document.querySelectorAll('#fig-cumulative svg')].find(s => s.getClientRects().length > 0);
              const label = [...svg.querySelectorAll('text')].find(t => t.textContent.trim().startsWith(prefix));
              if (!label) return ['no label beginning ' + prefix];
              const r = label.getBoundingClientRect(), out = [label.textContent.trim()];
              const near = (x, y, m) => x > r.left - m && x < r.right + m && y > r.top - m && y < r.bottom + m;
              // The series' colours (Palette.Blue, Palette.Vermillion): their lines and markers, the legend's swatches too (far off).
              for (const p of svg.querySelectorAll('path[stroke="#0072B2"], path[stroke="#D55E00"]')) {
                const m = p.getScreenCTM(), n = p.getTotalLength(), half = (parseFloat(p.getAttribute('stroke-width')) || 1) / 2 * m.a;
                for (let d = 0; d <= n; d += 0.5) {
                  const q = p.getPointAtLength(d), x = m.a * q.x + m.c * q.y + m.e, y = m.b * q.x + m.d * q.y + m.f;
                  if (near(x, y, half)) { out.push(`${p.getAttribute('stroke')} line at ${Math.round(x - r.left)}, ${Math.round(y - r.top)} px ` +
                    `in the label (${Math.round(r.width)} x ${Math.round(r.height)} px)`); break; }
                }
              }
              for (const e of svg.querySelectorAll('[fill="#0072B2"], [fill="#D55E00"]')) {
                const b = e.getBoundingClientRect();
                if (Math.min(b.right, r.right) - Math.max(b.left, r.left) > 0 && Math.min(b.bottom, r.bottom) - Math.max(b.top, r.top) > 0)
                  out.push(`${e.getAttribute('fill')} marker at ${Math.round(b.left - r.left)}, ${Math.round(b.top - r.top)} px in the label`);
              }
              return out; }
            """, prefix);
        foreach (var f in found.Skip(1)) output.WriteLine(f);
        Assert.StartsWith(prefix, found[0], StringComparison.Ordinal);
        Assert.Single(found);
    }

    [Fact]
    public async Task On_paper_page_one_holds_the_headline_the_key_chart_and_the_main_caveats()
    {
        await using var opened = await OpenAsync("council");
        if (opened is null) return;
        // A4 less the print margins (report.css: 12 mm each side, 12 mm top, 14 mm bottom) at 96 px to the inch.
        const double mm = 96 / 25.4;
        var page = await opened.PageAsync((int)(186 * mm), (int)(271 * mm));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        // Nothing is wider than the page: a browser would shrink the whole document to fit it, and page one with it.
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var wide = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > " + ((int)(186 * mm) + 1) +
            ").slice(0, 8).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 60))");
        foreach (var w in wide) output.WriteLine("wider than the page: " + w);
        Assert.True(width <= (int)(186 * mm) + 1, $"the printed page is {width / mm:0} mm wide, more than A4's 186 mm");
        Task<double> Bottom(string selector) =>
            page.EvaluateAsync<double>($"() => document.querySelector('{selector}').getBoundingClientRect().bottom + window.scrollY");
        var headline = await Bottom("#headline");
        var chart = await Bottom("#fig-cumulative");
        var end = await Bottom(".main-caveats");
        var figureHeight = await page.EvaluateAsync<double>("() => document.querySelector('#fig-cumulative').getBoundingClientRect().height");
        var cards = await page.EvaluateAsync<double>("() => document.querySelector('.figures').getBoundingClientRect().height");
        output.WriteLine($"headline {headline / mm:0} mm, chart {chart / mm:0} mm (figure {figureHeight / mm:0} mm high), cards {cards / mm:0} mm " +
            $"high, caveats end {end / mm:0} mm");
        Assert.True(headline < chart && chart < end, "headline, key chart, caveats in that order");
        Assert.True(end <= 271 * mm, $"page one's content ends {end / mm:0} mm down a page of 271 mm");

        // The long data tables come after the story: after the last chart and the caveats.
        var html = await page.ContentAsync();
        var lastFigure = html.LastIndexOf("<figure class=\"chart\"", StringComparison.Ordinal);
        var caveats = html.IndexOf("id=\"caveats\"", StringComparison.Ordinal);
        var dataTables = Regex.Matches(html, "<table id=\"[^\"]*(-data|kpi-months-[0-9]+)\"").Select(m => m.Index).ToList();
        Assert.True(dataTables.Count >= 6, "every chart's data and the KPI months are tables");
        Assert.All(dataTables, i => Assert.True(i > lastFigure && i > caveats, "a data table before the end of the story"));
        // Every chart links to its data.
        foreach (Match m in Regex.Matches(html, "<figure class=\"chart\" id=\"(fig-[^\"]+)\""))
            Assert.Contains($"href=\"#{m.Groups[1].Value}-data\"", html, StringComparison.Ordinal);
    }
}
