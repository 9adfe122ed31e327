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
        var view = KpiDisclosure.Of(r);
        bool controlled = view.View.Controlled;
        h.Line("<section aria-labelledby=\"kpis\">");
        h.Line("<h2 id=\"kpis\">Service performance: the four KPIs</h2>");
        h.P(E("The GOV.UK Service Manual asks every service to measure four things: " +
            string.Join("; ", Kpis.All.Select(k => $"{KpiText.Label(k).ToLowerInvariant()} ({KpiText.Definition(k)})")) +
            ". Each is shown against the service's target, where one is set, and against the same months a year earlier. A month without data is unknown, not zero."));
        var table = 0;
        foreach (var k in r.Kpis)
        {
            Shown Now(Kpi kpi) => controlled ? view.Period(k.Service, kpi) : Shown.Value;
            Shown Before(Kpi kpi) => controlled ? view.Period(k.Service, kpi, yearEarlier: true) : Shown.Value;
            var rows = Kpis.All.Select(kpi => (IReadOnlyList<string>)[
                KpiText.Label(kpi),
                KpiText.Value(kpi, k.Period, Now(kpi)),
                KpiText.Target(k.Targets, kpi),
                KpiText.Met(k.Targets, kpi, k.Period, Now(kpi)),
                k.YearEarlier is null ? "not held" : KpiText.Value(kpi, k.YearEarlier, Before(kpi)),
                KpiText.Change(kpi, k.Period, k.YearEarlier, Now(kpi), Before(kpi))]).ToList();
            var ratings = Now(Kpi.UserSatisfaction) is var s && s != Shown.Value ? view.View.Symbol(s) : Fmt.Count(k.Period.Ratings);
            var ratingsBefore = k.YearEarlier is null ? "not held"
                : Before(Kpi.UserSatisfaction) is var sb && sb != Shown.Value ? view.View.Symbol(sb) : Fmt.Count(k.YearEarlier.Ratings);
            rows.Add(["Satisfaction ratings given", ratings, "", "", ratingsBefore, ""]);
            var name = ServiceNames.Of(r, k.Service);
            h.Line($"<h3>{E(name)}</h3>");
            h.Table($"{name}: the four KPIs over the period, against target and a year earlier",
                ["Measure", "This period", "Target", "Target met", "Same months a year earlier", "Change"], rows, i => i is 1 or 4 or 5);

            var months = k.Months.Select((m, i) => (IReadOnlyList<string>)[
                Fmt.MonthShort(m.Month),
                .. Kpis.All.Select(kpi => KpiText.Value(kpi, m.Figures, controlled ? view.Month(k.Service, i, kpi) : Shown.Value)),
                m.Figures is null ? "unknown" : controlled && view.Month(k.Service, i, Kpi.UserSatisfaction) is var ms && ms != Shown.Value ? view.View.Symbol(ms) : Fmt.Count(m.Figures.Ratings),
                KpiText.Value(Kpi.UserSatisfaction, m.YearEarlier, controlled ? view.Month(k.Service, i, Kpi.UserSatisfaction, yearEarlier: true) : Shown.Value)]);
            h.DataTable("Month by month:", $"{name}: the four KPIs month by month", $"kpi-months-{++table}",
                ["Month", .. Kpis.All.Select(KpiText.Label), "Ratings", "User satisfaction a year earlier"], months, i => i > 0);
        }
        h.Line("</section>");
    }
}
