using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Charts;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;
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
        var T = f.T;
        if (r.Counterfactual.Count == 0) return;
        var view = f.Disclosure;
        var consortium = r.Scope.Kind == ScopeKind.Consortium;
        var shown = r.Counterfactual.Where(e => !consortium || view.Member(e.Council) == Shown.Value).ToList();
        var withheld = r.Counterfactual.Select(e => e.Council).Distinct().Count(c => consortium && view.Member(c) != Shown.Value);

        h.Line("<section aria-labelledby=\"counterfactual\">");
        h.Line($"<h2 id=\"counterfactual\">{E(T["counterfactual.heading"])}</h2>");
        h.P(E(T["counterfactual.text"]));

        foreach (var service in shown.GroupBy(e => (e.Council, e.Service)).OrderBy(g => g.Key.Council, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Service, StringComparer.Ordinal))
        {
            // The service by its name, as the KPI section and the tables call it ("Garden waste subscriptions"), not its slug.
            var name = ServiceNames.Of(r, service.Key.Service);
            var who = consortium ? $"{CouncilName(r, service.Key.Council)}, {name}" : name;
            h.Line($"<h3>{E(who)}</h3>");
            var sentences = new List<string>();
            foreach (var e in service.OrderBy(e => e.Method == CounterfactualEstimate.Peers ? 0 : 1))
                sentences.Add(Sentence(e, T));
            var used = Used(r, service.Key.Council, service.Key.Service, T);
            if (used is not null) sentences.Add(used);
            var working = (r.Scope.Kind == ScopeKind.Consortium
                ? r.Members.FirstOrDefault(m => m.Scope.Id == service.Key.Council)?.Services : r.Services)?
                .FirstOrDefault(s => s.Service == service.Key.Service);
            // Every sentence is in the page's language (the engine's reasons and notes come as phrases); only one given
            // as text alone (no phrase) would still be English, and is marked so.
            h.P(h.MarkEnglish(E(string.Join(" ", sentences)),
                [.. service.Where(e => e.RefusedReason is null).Select(e => e.Refused),
                 .. service.Where(e => e.DeadweightNotes.Count == 0).Select(e => e.DeadweightNote),
                 working?.Assumptions.DeadweightBasis is null ? working?.Assumptions.DeadweightSource : null]));
            if (!consortium && CounterfactualEstimate.Preferred(service) is { } preferred
                && charts.TryGetValue(CounterfactualCharts.Stem(preferred.Service), out var chart))
                figure(chart);
        }
        if (withheld > 0)
            h.P(E(T.F(withheld == 1 ? "counterfactual.withheld.one" : "counterfactual.withheld.many", ("n", withheld))));
        if (consortium && shown.Count > 0)
            h.P(E(T["counterfactual.own_report"]));
        string[] tail = [T["col.method"], T["col.estimated_deadweight"], T["col.interval"], T["col.assumed"], T["col.offline_change"],
            T["col.interval"], T["col.before_after"]];
        h.Table(T["counterfactual.caption"],
            consortium ? [T["col.council"], T["col.service"], .. tail] : [T["col.service"], .. tail],
            shown.Select(e => Row(e, ServiceNames.Of(r, e.Service), consortium ? CouncilName(r, e.Council) : null, T)),
            i => i >= (consortium ? 3 : 2), cls: HtmlWriter.Compact);
        h.Line("</section>");
    }

    private static IReadOnlyList<string> Row(CounterfactualEstimate e, string service, string? council, ReportText T)
    {
        var method = T.Has("method." + e.Method) ? T["method." + e.Method] : e.Method;
        List<string> cells = council is null ? [service, method] : [council, service, method];
        if (e.Refused is not null)
            cells.AddRange([T["counterfactual.not_estimated"], CoreText.Refused(e, T)!, Fmt.Percent(e.AssumedDeadweight), "", "",
                $"{e.MonthsBefore} / {e.MonthsAfter}"]);
        else
            cells.AddRange(
                [Fmt.Percent(e.EstimatedDeadweight!.Value), Interval(e.DeadweightCi95!, v => Fmt.Percent(v), T), Fmt.Percent(e.AssumedDeadweight),
                Fmt.Number(e.EffectTransactions!.Value, 0), Interval(e.EffectCi95!, v => Fmt.Number(v, 0), T),
                $"{e.MonthsBefore} / {e.MonthsAfter}"]);
        return cells;
    }

    private static string Interval(Interval i, Func<decimal, string> fmt, ReportText T) => T.Range(fmt(i.Low), fmt(i.High));

    /// <summary>The method's name for a sentence: "the comparison with peers" / "y gymhariaeth â chymheiriaid".</summary>
    internal static string MethodName(CounterfactualEstimate e, ReportText T) =>
        T.Has("method.name." + e.Method) ? T["method.name." + e.Method] : e.MethodName;

    /// <summary>One method's finding in plain English.</summary>
    internal static string Sentence(CounterfactualEstimate e, ReportText? text = null)
    {
        var T = text ?? ReportText.En;
        var name = MethodName(e, T);
        var method = char.ToUpperInvariant(name[0]) + name[1..];
        if (e.Refused is not null) return T.F("counterfactual.refused", ("Method", method), ("reason", CoreText.Refused(e, T)));
        var change = e.EffectTransactions!.Value;
        string Change(decimal v) =>
            v <= 0 ? T.F("counterfactual.fewer", ("n", Fmt.Number(-v, 0))) : T.F("counterfactual.more", ("n", Fmt.Number(v, 0)));
        return T.F("counterfactual.sentence", ("Method", method), ("estimate", Fmt.Percent(e.EstimatedDeadweight!.Value)),
                   ("low", Fmt.Percent(e.DeadweightCi95!.Low)), ("high", Fmt.Percent(e.DeadweightCi95.High)),
                   ("assumed", Fmt.Percent(e.AssumedDeadweight)),
                   ("months", e.MonthsAfter), ("change", Change(change)),
                   ("change_low", Change(e.EffectCi95!.Low)), ("change_high", Change(e.EffectCi95.High))) +
               (CoreText.BoundsNote(e, T) is { } note ? " " + note : "");
    }

    /// <summary>Which deadweight the figures use for the service, where the file asked for the estimate; null for an assumed number.</summary>
    private static string? Used(SavingsResult r, string council, string service, ReportText T)
    {
        var working = r.Scope.Kind == ScopeKind.Consortium
            ? r.Members.FirstOrDefault(m => m.Scope.Id == council)?.Services.FirstOrDefault(s => s.Service == service)
            : r.Services.FirstOrDefault(s => s.Service == service);
        return working is not null && CoreText.DeadweightSource(working.Assumptions, T) is { } source
            ? T.F("counterfactual.used", ("source", source))
            : null;
    }

    private static string CouncilName(SavingsResult r, string code) =>
        r.Members.FirstOrDefault(m => m.Scope.Id == code) is { } m ? $"{m.Scope.Name} ({code})" : code;
}
