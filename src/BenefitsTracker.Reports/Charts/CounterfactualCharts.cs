using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;
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

    public static IReadOnlyList<ReportChart> Build(SavingsResult result, ReportText? text = null)
    {
        var T = text ?? ReportText.En;
        ArgumentNullException.ThrowIfNull(result);
        if (result.Scope.Kind == ScopeKind.Consortium) return [];
        return [.. result.Counterfactual.GroupBy(e => e.Service).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => CounterfactualEstimate.Preferred(g)).OfType<CounterfactualEstimate>()
            .Select(e => Chart(e, T, ServiceNames.Of(result, e.Service)))];
    }

    /// <param name="service">The service's name ("Planning maps and enquiries"), as the rest of the page calls it, not its slug.</param>
    internal static ReportChart Chart(CounterfactualEstimate e, ReportText T, string service)
    {
        var title = T.F("chart.cf.title", ("service", service));
        var plot = ChartStyle.NewPlot(title, T["col.month"], T["chart.cf.y"]);
        var months = e.Months.Select(m => m.Month).ToList();
        var xs = Enumerable.Range(0, months.Count).Select(i => (double)i).ToArray();
        var after = e.Months.Select((m, i) => (m, i)).Where(p => p.m.AfterGoLive && p.m.Low is not null && p.m.High is not null).ToList();
        if (after.Count > 0)
        {
            var band = plot.Add.FillY([.. after.Select(p => (double)p.i)], [.. after.Select(p => (double)p.m.Low!.Value)],
                [.. after.Select(p => (double)p.m.High!.Value)]);
            band.FillColor = Palette.SkyBlue.WithAlpha(0.35);
            band.LegendText = T["chart.cf.band"];
        }
        var observed = plot.Add.ScatterLine(xs, [.. e.Months.Select(m => (double)m.Observed)], Palette.Black);
        observed.LineWidth = 2; observed.MarkerSize = 6; observed.MarkerShape = MarkerShape.FilledCircle;
        observed.LegendText = T["chart.cf.observed"];
        var projected = plot.Add.ScatterLine(xs, [.. e.Months.Select(m => (double)m.Projected)], Palette.Blue);
        projected.LineWidth = 3; projected.MarkerSize = 6; projected.MarkerShape = MarkerShape.FilledSquare;
        projected.LinePattern = LinePattern.Dashed;
        projected.LegendText = T["chart.cf.projected"];
        var goLive = e.GoLive is { } g ? months.IndexOf(g) : -1;
        if (goLive >= 0)
        {
            var line = plot.Add.VerticalLine(goLive - 0.5, 2, Palette.Vermillion);
            line.LinePattern = LinePattern.Dotted;
            line.LegendText = T["chart.cf.go_live"];
        }
        ChartStyle.MonthAxis(plot, months, T);
        ChartStyle.Legend(plot, Alignment.UpperRight);
        plot.ShowLegend(Edge.Bottom);
        var rows = e.Months.Select(m => (IReadOnlyList<string>)[T.MonthShort(m.Month), Fmt.Number(m.Observed, 0), Fmt.Number(m.Projected, 0),
            m.Low is { } lo ? Fmt.Number(lo, 0) : "", m.High is { } hi ? Fmt.Number(hi, 0) : "",
            T[m.AfterGoLive ? "chart.cf.after" : "chart.cf.before"]]).ToList();
        var projectedAfter = e.Months.Where(m => m.AfterGoLive).ToList();
        var alt = T.F("chart.cf.alt.lead", ("service", service), ("method", Html.CounterfactualSection.MethodName(e, T))) + " " +
            (e.GoLive is { } gl ? T.F("chart.cf.alt.go_live", ("month", T.MonthLong(gl))) + " " : "") +
            T.F("chart.cf.alt.after", ("months", projectedAfter.Count), ("observed", Fmt.Number(projectedAfter.Sum(m => m.Observed), 0)),
                ("projected", Fmt.Number(projectedAfter.Sum(m => m.Projected), 0)));
        return ChartStyle.Render(plot, Stem(e.Service), title, alt,
            [T["col.month"], T["chart.cf.col.observed"], T["chart.cf.col.projected"], T["chart.cf.col.low"], T["chart.cf.col.high"],
                T["chart.cf.go_live"]], rows);
    }
}
