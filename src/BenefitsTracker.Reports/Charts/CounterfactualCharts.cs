using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using ScottPlot;

namespace BenefitsTracker.Reports.Charts;

/// <summary>
/// "Would it have happened anyway?" (issue 17): for each service of a council's report with an
/// estimate, offline transactions observed against the counterfactual's, the 95% band after go-live
/// and the go-live month marked. A consortium's report draws none: a member's monthly volumes are not
/// shown beyond the council (each member's own report has its charts).
/// </summary>
public static class CounterfactualCharts
{
    /// <summary>The chart's file stem for a service: counterfactual-garden-waste.</summary>
    public static string Stem(string service) => "counterfactual-" + service;

    public static IReadOnlyList<ReportChart> Build(SavingsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Scope.Kind == ScopeKind.Consortium) return [];
        return [.. result.Counterfactual.GroupBy(e => e.Service).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => CounterfactualEstimate.Preferred(g)).OfType<CounterfactualEstimate>().Select(Chart)];
    }

    internal static ReportChart Chart(CounterfactualEstimate e)
    {
        var title = $"{e.Service}: offline transactions observed and projected without the service";
        var plot = ChartStyle.NewPlot(title, "Month", "Offline transactions");
        var months = e.Months.Select(m => m.Month).ToList();
        var xs = Enumerable.Range(0, months.Count).Select(i => (double)i).ToArray();
        var after = e.Months.Select((m, i) => (m, i)).Where(p => p.m.AfterGoLive && p.m.Low is not null && p.m.High is not null).ToList();
        if (after.Count > 0)
        {
            var band = plot.Add.FillY([.. after.Select(p => (double)p.i)], [.. after.Select(p => (double)p.m.Low!.Value)], [.. after.Select(p => (double)p.m.High!.Value)]);
            band.FillColor = Palette.SkyBlue.WithAlpha(0.35);
            band.LegendText = "95% band of the projection";
        }
        var observed = plot.Add.ScatterLine(xs, [.. e.Months.Select(m => (double)m.Observed)], Palette.Black);
        observed.LineWidth = 2; observed.MarkerSize = 6; observed.MarkerShape = MarkerShape.FilledCircle; observed.LegendText = "Observed";
        var projected = plot.Add.ScatterLine(xs, [.. e.Months.Select(m => (double)m.Projected)], Palette.Blue);
        projected.LineWidth = 3; projected.MarkerSize = 6; projected.MarkerShape = MarkerShape.FilledSquare; projected.LinePattern = LinePattern.Dashed;
        projected.LegendText = "Fitted before go-live, projected after";
        var goLive = e.GoLive is { } g ? months.IndexOf(g) : -1;
        if (goLive >= 0)
        {
            var line = plot.Add.VerticalLine(goLive - 0.5, 2, Palette.Vermillion);
            line.LinePattern = LinePattern.Dotted;
            line.LegendText = "Go-live";
        }
        ChartStyle.MonthAxis(plot, months);
        ChartStyle.Legend(plot, Alignment.UpperRight);
        plot.ShowLegend(Edge.Bottom);
        var rows = e.Months.Select(m => (IReadOnlyList<string>)[Fmt.MonthShort(m.Month), Fmt.Number(m.Observed, 0), Fmt.Number(m.Projected, 0),
            m.Low is { } lo ? Fmt.Number(lo, 0) : "", m.High is { } hi ? Fmt.Number(hi, 0) : "", m.AfterGoLive ? "after" : "before"]).ToList();
        var projectedAfter = e.Months.Where(m => m.AfterGoLive).ToList();
        var alt = $"Line chart of {e.Service}'s offline transactions a month, observed against the counterfactual of {e.MethodName}, " +
            (e.GoLive is { } gl ? $"go-live {Fmt.MonthLong(gl)} marked. " : "") +
            $"Over the {projectedAfter.Count} months after go-live, {Fmt.Number(projectedAfter.Sum(m => m.Observed), 0)} offline transactions were observed " +
            $"against {Fmt.Number(projectedAfter.Sum(m => m.Projected), 0)} projected without the service.";
        return ChartStyle.Render(plot, Stem(e.Service), title, alt,
            ["Month", "Observed offline", "Projected offline", "95% band low", "95% band high", "Go-live"], rows);
    }
}
