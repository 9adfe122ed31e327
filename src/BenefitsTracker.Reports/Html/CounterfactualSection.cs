using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Charts;
using BenefitsTracker.Reports.Formatting;
using static BenefitsTracker.Reports.Html.HtmlWriter;

namespace BenefitsTracker.Reports.Html;

/// <summary>
/// "Would it have happened anyway?" (issue 17; docs/method.md): per service, the estimated deadweight
/// and its interval in plain English beside the assumed value, which one the figures use, the refusals
/// with their reasons, and (in a council's report) the chart of observed against projected offline
/// volumes. A consortium's report shows the members it may show (<see cref="DisclosureView"/>) and no chart.
/// </summary>
internal static class CounterfactualSection
{
    public static void Write(HtmlWriter h, ReportFacts f, IReadOnlyDictionary<string, ReportChart> charts, Func<ReportChart, int> figure)
    {
        var r = f.Result;
        if (r.Counterfactual.Count == 0) return;
        var view = f.Disclosure;
        var consortium = r.Scope.Kind == ScopeKind.Consortium;
        var shown = r.Counterfactual.Where(e => !consortium || view.Member(e.Council) == Shown.Value).ToList();
        var withheld = r.Counterfactual.Select(e => e.Council).Distinct().Count(c => consortium && view.Member(c) != Shown.Value);

        h.Line("<section aria-labelledby=\"counterfactual\">");
        h.Line("<h2 id=\"counterfactual\">Would it have happened anyway?</h2>");
        h.P(E("Deadweight is the share of the saving that would have come without the digital service, as people moved online anyway. " +
            "Rather than only assume it, BenefitsTracker estimates it from the data: from the council's own months before go-live, projected past it " +
            "(its own time series), and from councils in the consortium that launched later or not at all (comparison with peers). " +
            "Each estimate comes with a 95% interval from a seeded bootstrap; where the data cannot support an estimate, the reason is given. " +
            "docs/method.md, \"Reading the estimates\", says what each assumes and when not to trust it."));

        foreach (var service in shown.GroupBy(e => (e.Council, e.Service)).OrderBy(g => g.Key.Council, StringComparer.Ordinal).ThenBy(g => g.Key.Service, StringComparer.Ordinal))
        {
            var who = consortium ? $"{CouncilName(r, service.Key.Council)}, {service.Key.Service}" : service.Key.Service;
            h.Line($"<h3>{E(who)}</h3>");
            var sentences = new List<string>();
            foreach (var e in service.OrderBy(e => e.Method == CounterfactualEstimate.Peers ? 0 : 1))
                sentences.Add(Sentence(e));
            var used = Used(r, service.Key.Council, service.Key.Service);
            if (used is not null) sentences.Add(used);
            h.P(E(string.Join(" ", sentences)));
            if (!consortium && CounterfactualEstimate.Preferred(service) is { } preferred
                && charts.TryGetValue(CounterfactualCharts.Stem(preferred.Service), out var chart))
                figure(chart);
        }
        if (withheld > 0)
            h.P(E($"The estimates of {withheld} member council{(withheld == 1 ? " is" : "s are")} withheld with their figures (small numbers); each member's own report has them."));
        if (consortium && shown.Count > 0)
            h.P(E("Each member's own report charts its observed and projected offline volumes; they are not shown beyond the council."));
        h.Table("Estimated deadweight by service and method",
            consortium ? ["Council", "Service", "Method", "Estimated deadweight", "95% interval", "Assumed", "Change in offline transactions", "95% interval", "Months before / after"]
                       : ["Service", "Method", "Estimated deadweight", "95% interval", "Assumed", "Change in offline transactions", "95% interval", "Months before / after"],
            shown.Select(e => Row(e, consortium ? CouncilName(r, e.Council) : null)), i => i >= (consortium ? 3 : 2));
        h.Line("</section>");
    }

    private static IReadOnlyList<string> Row(CounterfactualEstimate e, string? council)
    {
        List<string> cells = council is null ? [e.Service, e.Method] : [council, e.Service, e.Method];
        if (e.Refused is not null)
            cells.AddRange(["not estimated", e.Refused, Fmt.Percent(e.AssumedDeadweight), "", "", $"{e.MonthsBefore} / {e.MonthsAfter}"]);
        else
            cells.AddRange([Fmt.Percent(e.EstimatedDeadweight!.Value), Interval(e.DeadweightCi95!, v => Fmt.Percent(v)), Fmt.Percent(e.AssumedDeadweight),
                Fmt.Number(e.EffectTransactions!.Value, 0), Interval(e.EffectCi95!, v => Fmt.Number(v, 0)), $"{e.MonthsBefore} / {e.MonthsAfter}"]);
        return cells;
    }

    private static string Interval(Interval i, Func<decimal, string> fmt) => $"{fmt(i.Low)} to {fmt(i.High)}";

    /// <summary>One method's finding in plain English.</summary>
    internal static string Sentence(CounterfactualEstimate e)
    {
        var method = char.ToUpperInvariant(e.MethodName[0]) + e.MethodName[1..];
        if (e.Refused is not null) return $"{method} could not estimate it: {e.Refused}.";
        var change = e.EffectTransactions!.Value;
        var direction = change <= 0 ? "fewer" : "more";
        static string Change(decimal v) => v <= 0 ? $"{Fmt.Number(-v, 0)} fewer" : $"{Fmt.Number(v, 0)} more";
        return $"{method} estimates that {Fmt.Percent(e.EstimatedDeadweight!.Value)} of the observed shift would have happened anyway " +
               $"(95% interval {Fmt.Percent(e.DeadweightCi95!.Low)} to {Fmt.Percent(e.DeadweightCi95.High)}), against the assumed {Fmt.Percent(e.AssumedDeadweight)}: " +
               $"over {e.MonthsAfter} months after go-live there were {Fmt.Number(Math.Abs(change), 0)} {direction} offline transactions than projected without the service " +
               $"(95% interval {Change(e.EffectCi95!.Low)} to {Change(e.EffectCi95.High)})." +
               (e.DeadweightNote is { } note ? " " + note : "");
    }

    /// <summary>Which deadweight the figures use for the service, where the file asked for the estimate; null for an assumed number.</summary>
    private static string? Used(SavingsResult r, string council, string service)
    {
        var working = r.Scope.Kind == ScopeKind.Consortium
            ? r.Members.FirstOrDefault(m => m.Scope.Id == council)?.Services.FirstOrDefault(s => s.Service == service)
            : r.Services.FirstOrDefault(s => s.Service == service);
        return working?.Assumptions.DeadweightSource is { } source
            ? $"The figures in this report use the deadweight {source}."
            : null;
    }

    private static string CouncilName(SavingsResult r, string code) =>
        r.Members.FirstOrDefault(m => m.Scope.Id == code) is { } m ? $"{m.Scope.Name} ({code})" : code;
}
