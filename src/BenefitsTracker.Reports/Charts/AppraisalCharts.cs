using System.Globalization;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;
using ScottPlot;

namespace BenefitsTracker.Reports.Charts;

/// <summary>The Green Book charts (issue 12): the tornado of NPV by input, and the Monte Carlo histogram when there is one.</summary>
public static class AppraisalCharts
{
    /// <summary>The tornado shows the inputs with the largest swings; the table beside it lists them all.</summary>
    public const int TornadoBars = 10;

    public static IReadOnlyList<ReportChart> Build(SavingsResult result, ReportText? text = null)
    {
        if (result.Appraisal is not { } a) return [];
        var T = text ?? ReportText.En;
        var charts = new List<ReportChart> { Tornado(a, T) };
        if (a.MonteCarlo is { } mc) charts.Add(Histogram(mc, T));
        return charts;
    }

    internal static ReportChart Tornado(AppraisalFigures a, ReportText T)
    {
        var title = T["chart.tornado.title"];
        var plot = ChartStyle.NewPlot(title, T["chart.npv_axis"], "");
        string Label(TornadoBar b) => Html.AppraisalSection.InputLabel(T, b.Input, b.Label);
        var shown = a.Tornado.Take(TornadoBars).ToList();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var bars = new List<Bar>();
        for (var i = 0; i < shown.Count; i++)
        {
            var b = shown[i];
            var pos = shown.Count - 1 - i;
            bars.Add(new Bar
            {
                Position = pos, ValueBase = (double)Math.Min(b.NpvAtLow, b.NpvAtHigh), Value = (double)Math.Max(b.NpvAtLow, b.NpvAtHigh),
                FillColor = b.NpvAtHigh >= b.NpvAtLow ? Palette.Blue : Palette.Vermillion, LineWidth = 0, Size = 0.7,
                Orientation = Orientation.Horizontal,
            });
            ticks.AddMajor(pos, Label(b));
        }
        if (bars.Count > 0)
        {
            plot.Add.Bars(bars);
            var central = plot.Add.VerticalLine((double)a.Npv, 2, Palette.Black);
            central.LinePattern = LinePattern.Dotted;
            central.LegendText = T["chart.tornado.central"];
            plot.Axes.Left.TickGenerator = ticks;
            ChartStyle.MoneyAxis(plot.Axes.Bottom);
            plot.Axes.SetLimitsY(-0.6, shown.Count - 0.4);
            ChartStyle.Legend(plot, Alignment.LowerRight);
        }
        else ChartStyle.EmptyNote(plot, T["chart.tornado.empty"]);
        var rows = a.Tornado.Select(b => (IReadOnlyList<string>)[Label(b), Value(b.Input, b.Low), Value(b.Input, b.High),
            Fmt.Money(b.NpvAtLow), Fmt.Money(b.NpvAtHigh), Fmt.Money(b.Swing)]).ToList();
        var alt = shown.Count == 0 ? T["chart.tornado.empty"] + "." :
            T.F("chart.tornado.alt", ("npv", Fmt.Money(a.Npv)), ("swings",
                string.Join("; ", shown.Take(3).Select(b =>
                    T.F("chart.tornado.swing", ("input", Label(b)), ("low", Fmt.Money(b.NpvAtLow)), ("high", Fmt.Money(b.NpvAtHigh)))))));
        return ChartStyle.Render(plot, "tornado", title, alt,
            [T["col.input"], T["chart.col.low"], T["chart.col.high"], T["chart.col.npv_low"], T["chart.col.npv_high"], T["chart.col.swing"]], rows);
    }

    internal static ReportChart Histogram(MonteCarloFigures mc, ReportText T)
    {
        var title = T["chart.mc.title"];
        var plot = ChartStyle.NewPlot(title, T["chart.npv_axis"], T["chart.col.draws"]);
        var bars = mc.Histogram.Select(bin => new Bar
        {
            Position = (double)((bin.From + bin.To) / 2), Value = bin.Count, FillColor = bin.To <= 0m ? Palette.Vermillion : Palette.Blue,
            LineWidth = 0, Size = mc.Histogram.Count > 1 ? (double)(bin.To - bin.From) * 0.9 : 1,
        }).ToList();
        plot.Add.Bars(bars);
        ChartStyle.MoneyAxis(plot.Axes.Bottom);
        var rows = mc.Histogram.Select(b => (IReadOnlyList<string>)[T.Range(Fmt.Money(b.From), Fmt.Money(b.To)), Fmt.Count(b.Count)]).ToList();
        var alt = T.F("chart.mc.alt", ("draws", Fmt.Count(mc.Draws)), ("seed", mc.Seed.ToString(CultureInfo.InvariantCulture)),
            ("p10", Fmt.Money(mc.P10Npv)), ("p50", Fmt.Money(mc.P50Npv)), ("p90", Fmt.Money(mc.P90Npv)),
            ("positive", Fmt.Percent(mc.ProbabilityNpvPositive)));
        return ChartStyle.Render(plot, "monte-carlo", title, alt, [T["chart.col.npv_range"], T["chart.col.draws"]], rows);
    }

    /// <summary>An input's value as the reader knows it: pounds for costs, a fraction for rates, a factor for total costs.</summary>
    public static string Value(string input, decimal value) =>
        input.StartsWith("adjustments.", StringComparison.Ordinal) ? value.ToString("0.####", CultureInfo.InvariantCulture)
        : input == "total_costs" ? "× " + value.ToString("0.####", CultureInfo.InvariantCulture)
        : "£" + value.ToString("#,##0.00##", CultureInfo.InvariantCulture);
}
