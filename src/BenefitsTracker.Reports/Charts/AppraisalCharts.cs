using System.Globalization;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using ScottPlot;

namespace BenefitsTracker.Reports.Charts;

/// <summary>The Green Book charts (issue 12): the tornado of NPV by input, and the Monte Carlo histogram when there is one.</summary>
public static class AppraisalCharts
{
    /// <summary>The tornado shows the inputs with the largest swings; the table beside it lists them all.</summary>
    public const int TornadoBars = 10;

    public static IReadOnlyList<ReportChart> Build(SavingsResult result)
    {
        if (result.Appraisal is not { } a) return [];
        var charts = new List<ReportChart> { Tornado(a) };
        if (a.MonteCarlo is { } mc) charts.Add(Histogram(mc));
        return charts;
    }

    internal static ReportChart Tornado(AppraisalFigures a)
    {
        const string title = "NPV with each input at its low and high";
        var plot = ChartStyle.NewPlot(title, "Net present value (£)", "");
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
                FillColor = b.NpvAtHigh >= b.NpvAtLow ? Palette.Blue : Palette.Vermillion, LineWidth = 0, Size = 0.7, Orientation = Orientation.Horizontal,
            });
            ticks.AddMajor(pos, b.Label);
        }
        if (bars.Count > 0)
        {
            plot.Add.Bars(bars);
            var central = plot.Add.VerticalLine((double)a.Npv, 2, Palette.Black);
            central.LinePattern = LinePattern.Dotted;
            central.LegendText = "Central NPV";
            plot.Axes.Left.TickGenerator = ticks;
            ChartStyle.MoneyAxis(plot.Axes.Bottom);
            plot.Axes.SetLimitsY(-0.6, shown.Count - 0.4);
            ChartStyle.Legend(plot, Alignment.LowerRight);
        }
        else ChartStyle.EmptyNote(plot, "No inputs to vary");
        var rows = a.Tornado.Select(b => (IReadOnlyList<string>)[b.Label, Value(b.Input, b.Low), Value(b.Input, b.High),
            Fmt.Money(b.NpvAtLow), Fmt.Money(b.NpvAtHigh), Fmt.Money(b.Swing)]).ToList();
        var alt = shown.Count == 0 ? "No inputs to vary." :
            $"Tornado chart of NPV, central {Fmt.Money(a.Npv)}. Largest swings: " +
            string.Join("; ", shown.Take(3).Select(b => $"{b.Label} from {Fmt.Money(b.NpvAtLow)} to {Fmt.Money(b.NpvAtHigh)}")) + ".";
        return ChartStyle.Render(plot, "tornado", title, alt, ["Input", "Low", "High", "NPV at low", "NPV at high", "Swing"], rows);
    }

    internal static ReportChart Histogram(MonteCarloFigures mc)
    {
        const string title = "Monte Carlo: how often each NPV came up";
        var plot = ChartStyle.NewPlot(title, "Net present value (£)", "Draws");
        var bars = mc.Histogram.Select(bin => new Bar
        {
            Position = (double)((bin.From + bin.To) / 2), Value = bin.Count, FillColor = bin.To <= 0m ? Palette.Vermillion : Palette.Blue,
            LineWidth = 0, Size = mc.Histogram.Count > 1 ? (double)(bin.To - bin.From) * 0.9 : 1,
        }).ToList();
        plot.Add.Bars(bars);
        ChartStyle.MoneyAxis(plot.Axes.Bottom);
        var rows = mc.Histogram.Select(b => (IReadOnlyList<string>)[$"{Fmt.Money(b.From)} to {Fmt.Money(b.To)}", Fmt.Count(b.Count)]).ToList();
        var alt = $"Histogram of {Fmt.Count(mc.Draws)} simulated NPVs (seed {mc.Seed.ToString(CultureInfo.InvariantCulture)}): " +
            $"P10 {Fmt.Money(mc.P10Npv)}, P50 {Fmt.Money(mc.P50Npv)}, P90 {Fmt.Money(mc.P90Npv)}; NPV above zero in {Fmt.Percent(mc.ProbabilityNpvPositive)} of draws.";
        return ChartStyle.Render(plot, "monte-carlo", title, alt, ["NPV range", "Draws"], rows);
    }

    /// <summary>An input's value as the reader knows it: pounds for costs, a fraction for rates, a factor for total costs.</summary>
    public static string Value(string input, decimal value) =>
        input.StartsWith("adjustments.", StringComparison.Ordinal) ? value.ToString("0.####", CultureInfo.InvariantCulture)
        : input == "total_costs" ? "× " + value.ToString("0.####", CultureInfo.InvariantCulture)
        : "£" + value.ToString("#,##0.00##", CultureInfo.InvariantCulture);
}
