using System.Globalization;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Charts;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;
using static BenefitsTracker.Reports.Html.HtmlWriter;

namespace BenefitsTracker.Reports.Html;

/// <summary>
/// The Green Book parts of report.html (issue 12): the cash view in the headline, then the appraisal
/// section: horizon (projected months apart from observed), real terms, switching values, the tornado,
/// the scenarios and the Monte Carlo range. Every figure comes from <see cref="SavingsResult.Appraisal"/>.
/// </summary>
internal static class AppraisalSection
{
    /// <summary>The headline's sentence on cash: a case that pays back only with non-cashable benefit says so here.</summary>
    public static string CashSentence(SavingsResult r, ReportText? text = null)
    {
        if (r.Appraisal is not { } a) return "";
        var T = text ?? ReportText.En;
        var cash = a.Cash;
        var paidBack = cash.CashablePaybackMonth is { } pm
            ? T.F("appraisal.cash.paid_back", ("month", T.MonthLong(pm)))
            : T["appraisal.cash.not_paid_back"];
        var key = r.Totals.PaybackMonth is not null
            && cash.CashablePaybackMonth is null ? "appraisal.cash.only_non_cashable" : "appraisal.cash.counting";
        // A sentence, so rounded for people as the headline's figures are (Fmt's rounding rule).
        return " " + T.F(key, ("net", T.About(cash.CashableNet)), ("paid_back", paidBack));
    }

    /// <summary>The cash view and the appraisal NPV as headline figures, beside the full ones.</summary>
    public static void HeadlineCards(HtmlWriter h, SavingsResult r)
    {
        if (r.Appraisal is not { } a) return;
        var T = h.T;
        h.Line($"<dl class=\"figures\" aria-label=\"{E(T["appraisal.cards.label"])}\">");
        void Card(string key, string value, string note) =>
            h.Line($"<div class=\"figure\"><dt>{E(T["card." + key])}</dt><dd>{E(value)}<small>{E(note)}</small></dd></div>");
        Card("cashable_net", Fmt.Money(a.Cash.CashableNet), T["card.cashable_net.note"]);
        Card("cashable_roi", a.Cash.CashableRoi is { } roi ? Fmt.Percent(roi) : T["common.undefined"], T["card.cashable_roi.note"]);
        Card("cashable_payback", a.Cash.CashablePaybackMonth is { } pm ? T.MonthLong(pm) : T["card.payback.none"], T["card.cashable_payback.note"]);
        if (a.Horizon is { } hz)
            Card("appraisal_npv", Fmt.Money(hz.Npv), T.F("card.appraisal_npv.note", ("years", hz.Years), ("projected", hz.ProjectedMonths.Count)));
        if (a.Real is { } real)
            Card("real_npv", Fmt.Money(real.Npv), T.F("card.real_npv.note", ("base", real.PriceBase)));
        h.Line("</dl>");
    }

    public static void Write(HtmlWriter h, SavingsResult r, IReadOnlyDictionary<string, ReportChart> charts, Func<ReportChart, int> figure)
    {
        if (r.Appraisal is not { } a) return;
        var T = h.T;
        h.Line("<section aria-labelledby=\"appraisal\">");
        h.Line($"<h2 id=\"appraisal\">{E(T["appraisal.heading"])}</h2>");
        h.P(E(T["appraisal.text"] + " " +
            (a.OptimismBiasCosts != 0m
                ? T.F("appraisal.optimism_costs", ("percent", Pct(a.OptimismBiasCosts)),
                    ("factor", (1m + a.OptimismBiasCosts).ToString("0.####", CultureInfo.InvariantCulture)))
                : T["appraisal.no_optimism_costs"])));

        if (a.Horizon is { } hz) Horizon(h, r, hz);
        if (a.Real is { } real) Real(h, r, real);
        // Why, in the page's language (the engine keeps it as a phrase); only a reason given as text alone is still English.
        else if (CoreText.RealWithheld(a, T) is { } why)
            h.P(h.MarkEnglish(E(T.F("appraisal.nominal_only", ("why", why))), a.RealWithheldReason is null ? why : null));

        h.Line($"<h3>{E(T["appraisal.switching.heading"])}</h3>");
        h.P(E(T.F("appraisal.switching.text", ("npv", Fmt.Money(a.Npv)))));
        h.Table(T["appraisal.switching.caption"],
            [T["col.input"], T["col.input_key"], T["col.assumed"], T["col.switching_value"], T["col.change"]],
            a.SwitchingValues.Select(s => (IReadOnlyList<string>)[InputLabel(T, s.Input, s.Label), s.Input, AppraisalCharts.Value(s.Input, s.Assumed),
                s.Value is { } v ? AppraisalCharts.Value(s.Input, v) : T["appraisal.switching.none"],
                s.ChangePct is { } c ? Fmt.SignedPercent(c / 100m) : T["common.na"]]),
            i => i >= 2);

        h.Line($"<h3>{E(T["appraisal.scenarios.heading"])}</h3>");
        h.P(E(T.F("appraisal.scenarios.text", ("low", Fmt.Money(a.Scenarios.LowNpv)), ("central", Fmt.Money(a.Scenarios.CentralNpv)),
            ("high", Fmt.Money(a.Scenarios.HighNpv)))));
        if (charts.TryGetValue("tornado", out var tornado)) figure(tornado);

        if (a.MonteCarlo is { } mc)
        {
            h.Line($"<h3>{E(T["appraisal.mc.heading"])}</h3>");
            h.P(E(T.F("appraisal.mc.text", ("draws", Fmt.Count(mc.Draws)), ("inputs", string.Join(", ", mc.Inputs)),
                ("seed", mc.Seed.ToString(CultureInfo.InvariantCulture)),
                ("p10", Fmt.Money(mc.P10Npv)), ("p50", Fmt.Money(mc.P50Npv)), ("p90", Fmt.Money(mc.P90Npv)),
                ("p10net", Fmt.Money(mc.P10Net)), ("p50net", Fmt.Money(mc.P50Net)), ("p90net", Fmt.Money(mc.P90Net)),
                ("positive", Fmt.Percent(mc.ProbabilityNpvPositive)))));
            if (charts.TryGetValue("monte-carlo", out var histogram)) figure(histogram);
        }
        h.Line("</section>");
    }

    /// <summary>An appraisal input's label (Core's, in English) in the report's language, by its key in the assumptions file.</summary>
    internal static string InputLabel(ReportText T, string input, string english)
    {
        if (!T.IsWelsh) return english;
        const string unit = "unit_costs_gbp.", grade = "officer_hourly_cost_gbp.grades.";
        if (input.StartsWith(unit, StringComparison.Ordinal)) return T.F("input.unit_cost", ("channel", T.ChannelLower(input[unit.Length..])));
        if (input.StartsWith(grade, StringComparison.Ordinal)) return T.F("input.grade", ("grade", input[grade.Length..]));
        return T.Has("input." + input) ? T["input." + input] : english;
    }

    private static void Horizon(HtmlWriter h, SavingsResult r, HorizonFigures hz)
    {
        var T = h.T;
        h.Line($"<h3>{E(T["appraisal.horizon.heading"])}</h3>");
        var last = r.Months.Count > 0 ? T.MonthLong(r.Months[^1].Month) : T["appraisal.horizon.the_period"];
        h.P(E(T.F("appraisal.horizon.text", ("years", hz.Years), ("from", T.MonthLong(r.Request.From)), ("last", last),
            ("projected", hz.ProjectedMonths.Count),
            ("drop", Pct(hz.BenefitDropOff)), ("npv", Fmt.Money(hz.Npv)), ("observed", Fmt.Money(r.Totals.Npv)),
            ("projected_npv", Fmt.Money(hz.Npv - r.Totals.Npv)))));
        if (hz.ProjectedMonths.Count == 0) return;
        var years = hz.ProjectedMonths.GroupBy(m => m.ProjectedYear).Select(g => (IReadOnlyList<string>)[
            T.F("appraisal.horizon.projected_year", ("n", g.Key)), T.Range(T.MonthShort(g.First().Month), T.MonthShort(g.Last().Month)),
            Fmt.Count(g.Count()),
            Fmt.Money(g.Sum(m => m.AdjustedBenefit)), Fmt.Money(g.Sum(m => m.Cashable)), Fmt.Money(g.Sum(m => m.Costs)),
            Fmt.Money(g.Sum(m => m.Net * m.DiscountFactor))]);
        IReadOnlyList<string> observed = [T["appraisal.horizon.observed"], T.Range(T.MonthShort(r.Request.From), T.MonthShort(r.Request.To)),
            Fmt.Count(r.Months.Count),
            Fmt.Money(r.Totals.AdjustedBenefit), Fmt.Money(r.Totals.Cashable), Fmt.Money(r.Totals.Costs), Fmt.Money(r.Totals.Npv)];
        h.Table(T["appraisal.horizon.caption"],
            [T["col.part"], T["col.months"], T["col.count"], T["col.adjusted_benefit"], T["col.cashable"], T["col.costs_short"],
                T["col.discounted_net"]],
            [observed, .. years], i => i >= 2);
    }

    private static void Real(HtmlWriter h, SavingsResult r, RealFigures real)
    {
        var T = h.T;
        h.Line($"<h3>{E(T["appraisal.real.heading"])}</h3>");
        // The deflator series' name is the publication's own title (data, like a council's name): marked as English in a Welsh page.
        h.P(h.MarkEnglish(
            E(T.F("appraisal.real.text", ("base", real.PriceBase), ("source", real.DeflatorSource), ("adjusted", Fmt.Money(real.AdjustedBenefit)),
            ("costs", Fmt.Money(real.Costs)), ("net", Fmt.Money(real.NetBenefit)), ("npv", Fmt.Money(real.Npv)))), real.DeflatorSource));
        var nominalNpv = r.Appraisal?.Npv ?? r.Totals.Npv;
        h.Table(T.F("appraisal.real.caption", ("base", real.PriceBase)),
            [T["col.figure"], T["col.nominal"], T.F("col.real", ("base", real.PriceBase))],
            [
                [T["col.adjusted_benefit"], Fmt.Money(r.Totals.AdjustedBenefit), Fmt.Money(real.AdjustedBenefit)],
                [T["col.costs_short"], Fmt.Money(r.Totals.Costs), Fmt.Money(real.Costs)],
                [T["col.net_benefit"], Fmt.Money(r.Totals.NetBenefit), Fmt.Money(real.NetBenefit)],
                ["NPV", Fmt.Money(nominalNpv), Fmt.Money(real.Npv)],
            ],
            i => i >= 1);
    }

    private static string Pct(decimal fraction) => Fmt.Percent(fraction);
}
