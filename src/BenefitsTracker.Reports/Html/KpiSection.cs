using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using static BenefitsTracker.Reports.Html.HtmlWriter;

namespace BenefitsTracker.Reports.Html;

/// <summary>
/// The four service KPIs of the GOV.UK Service Manual, per service: the period against its targets and
/// the same months a year earlier, then month by month. Drawn from <see cref="SavingsResult.Kpis"/>,
/// through <see cref="KpiDisclosure"/> in a shared report.
/// </summary>
internal static class KpiSection
{
    public static void Write(HtmlWriter h, SavingsResult r)
    {
        if (r.Kpis.Count == 0) return;
        var T = h.T;
        var view = KpiDisclosure.Of(r);
        bool controlled = view.View.Controlled;
        h.Line("<section aria-labelledby=\"kpis\">");
        h.Line($"<h2 id=\"kpis\">{E(T["kpi.heading"])}</h2>");
        h.P(E(T.F("kpi.text",
            ("measures", string.Join("; ", Kpis.All.Select(k => $"{KpiText.Label(k, T).ToLowerInvariant()} ({KpiText.Definition(k, T)})"))))));
        var table = 0;
        var notHeld = T["kpi.not_held"];
        foreach (var k in r.Kpis)
        {
            Shown Now(Kpi kpi) => controlled ? view.Period(k.Service, kpi) : Shown.Value;
            Shown Before(Kpi kpi) => controlled ? view.Period(k.Service, kpi, yearEarlier: true) : Shown.Value;
            var rows = Kpis.All.Select(kpi => (IReadOnlyList<string>)[
                KpiText.Label(kpi, T),
                KpiText.Value(kpi, k.Period, Now(kpi), T),
                KpiText.Target(k.Targets, kpi, T),
                KpiText.Met(k.Targets, kpi, k.Period, Now(kpi), T),
                k.YearEarlier is null ? notHeld : KpiText.Value(kpi, k.YearEarlier, Before(kpi), T),
                KpiText.Change(kpi, k.Period, k.YearEarlier, Now(kpi), Before(kpi), T)]).ToList();
            var ratings = Now(Kpi.UserSatisfaction) is var s && s != Shown.Value ? view.View.Symbol(s) : Fmt.Count(k.Period.Ratings);
            var ratingsBefore = k.YearEarlier is null ? notHeld
                : Before(Kpi.UserSatisfaction) is var sb && sb != Shown.Value ? view.View.Symbol(sb) : Fmt.Count(k.YearEarlier.Ratings);
            rows.Add([T["kpi.ratings_given"], ratings, "", "", ratingsBefore, ""]);
            var name = ServiceNames.Of(r, k.Service);
            h.Line($"<h3>{E(name)}</h3>");
            h.Table(T.F("kpi.period.caption", ("service", name)),
                [T["col.measure"], T["col.this_period"], T["col.target"], T["col.target_met"], T["col.year_earlier"], T["col.change"]], rows,
                i => i is 1 or 4 or 5);

            var months = k.Months.Select((m, i) => (IReadOnlyList<string>)[
                T.MonthShort(m.Month),
                .. Kpis.All.Select(kpi => KpiText.Value(kpi, m.Figures, controlled ? view.Month(k.Service, i, kpi) : Shown.Value, T)),
                m.Figures is null ? T["common.unknown"] : controlled && view.Month(k.Service, i, Kpi.UserSatisfaction) is var ms
                    && ms != Shown.Value ? view.View.Symbol(ms) : Fmt.Count(m.Figures.Ratings),
                KpiText.Value(Kpi.UserSatisfaction, m.YearEarlier,
                    controlled ? view.Month(k.Service, i, Kpi.UserSatisfaction, yearEarlier: true) : Shown.Value, T)]);
            h.DataTable(T["kpi.months.lead"], T.F("kpi.months.caption", ("service", name)), $"kpi-months-{++table}",
                [T["col.month"], .. Kpis.All.Select(x => KpiText.Label(x, T)), T["col.ratings"], T["col.satisfaction_year_earlier"]],
                months, i => i > 0);
        }
        h.Line("</section>");
    }
}
