using BenefitsTracker.Core.Domain;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace BenefitsTracker.Reports.Charts;

/// <summary>The look every chart shares: the embedded sans font, readable sizes, months as "MMM yyyy", money in £.</summary>
internal static class ChartStyle
{
    public const int Width = 960, Height = 540;

    /// <summary>
    /// The phone rendition (issue 13): drawn at about a phone's width, so that its text, the same sizes in pixels as
    /// the wide one's, stays legible at 390 px (the wide chart shrinks there to labels about 4 px high). No title (the
    /// figure's caption gives it) and at most <see cref="NarrowMonthLabels"/> month labels.
    /// </summary>
    public const int NarrowWidth = 400, NarrowHeight = 420, NarrowMonthLabels = 4;

    /// <summary>The months each plot's axis was given, so that the phone rendition can label fewer of them.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Plot, AxisInfo> AxisMonths = [];

    private sealed record AxisInfo(IReadOnlyList<Month> Months, ReportText Text);

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        ChartFonts.Register();
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Title(title, 22);
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(xLabel, 16);
        plot.YLabel(yLabel, 16);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Color(Color.FromHex("#222222"));
        plot.Grid.MajorLineColor = Color.FromHex("#DDDDDD");
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        return plot;
    }

    /// <summary>Month positions 0..n-1 on the x axis, labelled "Jan 2024", at most about eight labels.</summary>
    public static void MonthAxis(Plot plot, IReadOnlyList<Month> months, ReportText? text = null) =>
        MonthAxis(plot, months, 8, text ?? ReportText.En);

    private static void MonthAxis(Plot plot, IReadOnlyList<Month> months, int labels, ReportText text)
    {
        AxisMonths.AddOrUpdate(plot, new AxisInfo(months, text));
        var step = Math.Max(1, (int)Math.Ceiling(months.Count / (double)labels));
        var ticks = new NumericManual();
        for (var i = 0; i < months.Count; i += step) ticks.AddMajor(i, text.MonthShort(months[i]));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(-0.7, Math.Max(months.Count - 0.3, 0.7));
    }

    public static void MoneyAxis(IAxis axis) =>
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = v => Fmt.MoneyWhole(v) };

    public static void PercentAxis(IAxis axis) =>
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = v => (Math.Round(v) < 0 ? Fmt.Minus : "") + Math.Abs(Math.Round(v))
            .ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%" };

    public static void Legend(Plot plot, Alignment where)
    {
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = where;
        plot.Legend.FontSize = 14;
        plot.Legend.FontName = ChartFonts.Family;
    }

    /// <summary>A note in the middle of an empty chart, so that it still says something.</summary>
    public static void EmptyNote(Plot plot, string text)
    {
        var t = plot.Add.Text(text, 0, 0);
        t.LabelFontSize = 18;
        t.LabelFontName = ChartFonts.Family;
        t.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
    }

    public static ReportChart Render(Plot plot, string stem, string title, string alt, IReadOnlyList<string> headers,
        IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        var svg = SolidSvg(plot, Width, Height);
        return new ReportChart(stem, title, alt, headers, rows, png, svg) { NarrowSvg = Narrow(plot) };
    }

    /// <summary>The phone rendition's SVG: the same plot, narrower, untitled, with fewer month labels; the plot is left as it was.</summary>
    private static string Narrow(Plot plot)
    {
        var titled = plot.Axes.Title.IsVisible;
        var axis = AxisMonths.TryGetValue(plot, out var m) ? m : null;
        var months = axis?.Months;
        var limits = plot.Axes.GetLimits();
        // A legend beside the plot (the channel mix's) takes half a phone's width and squeezes the months' labels into one
        // another: on a phone it goes below the plot, as the cumulative chart's does everywhere.
        var beside = plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Where(p => p.Edge == Edge.Right).ToList();
        try
        {
            foreach (var p in beside) p.Edge = Edge.Bottom;
            plot.Axes.Title.IsVisible = false;
            if (months is not null)
            {
                MonthAxis(plot, months, NarrowMonthLabels, axis!.Text);
                plot.Axes.SetLimits(limits);
            }
            return SolidSvg(plot, NarrowWidth, NarrowHeight);
        }
        finally
        {
            foreach (var p in beside) p.Edge = Edge.Right;
            plot.Axes.Title.IsVisible = titled;
            if (months is not null)
            {
                MonthAxis(plot, months, 8, axis!.Text);
                plot.Axes.SetLimits(limits);
            }
        }
    }

    /// <summary>
    /// The SVG with every dashed or dotted line drawn solid. Skia's SVG canvas cannot write a path
    /// effect: it would draw the line solid anyway and print "Unsupported path effect in addPaint."
    /// to the console once per line. Series differ by colour and marker as well, and the PNG (drawn
    /// first) keeps its dashes; the patterns are put back afterwards.
    /// </summary>
    private static string SolidSvg(Plot plot, int width, int height)
    {
        var patterned = plot.GetPlottables().OfType<IHasLine>()
            .Where(p => !Equals(p.LinePattern, LinePattern.Solid))
            .Select(p => (Plottable: p, Pattern: p.LinePattern)).ToList();
        try
        {
            foreach (var (p, _) in patterned) p.LinePattern = LinePattern.Solid;
            return plot.GetSvgXml(width, height);
        }
        finally
        {
            foreach (var (p, pattern) in patterned) p.LinePattern = pattern;
        }
    }
}
