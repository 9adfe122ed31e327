using System.Globalization;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Charts;
using BenefitsTracker.Reports.Formatting;
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
    public static string CashSentence(SavingsResult r)
    {
        if (r.Appraisal is not { } a) return "";
        var cash = a.Cash;
        var paidBack = cash.CashablePaybackMonth is { } pm
            ? $"in cash terms it paid back by {Fmt.MonthLong(pm)}"
            : "in cash terms it has not yet paid back";
        var lead = r.Totals.PaybackMonth is not null && cash.CashablePaybackMonth is null
            ? " It pays back only once non-cashable benefit (such as staff time) is counted: in cash alone"
            : " Counting only cashable benefit";
        // A sentence, so rounded for people as the headline's figures are (Fmt's rounding rule).
        return $"{lead}, the net benefit is {Fmt.About(cash.CashableNet)}, so {paidBack}.";
    }

    /// <summary>The cash view and the appraisal NPV as headline figures, beside the full ones.</summary>
    public static void HeadlineCards(HtmlWriter h, SavingsResult r)
    {
        if (r.Appraisal is not { } a) return;
        h.Line("<dl class=\"figures\" aria-label=\"The case in cash terms\">");
        void Card(string label, string value, string note) =>
            h.Line($"<div class=\"figure\"><dt>{E(label)}</dt><dd>{E(value)}<small>{E(note)}</small></dd></div>");
        Card("Cashable net benefit", Fmt.Money(a.Cash.CashableNet), "cashable adjusted benefit less costs");
        Card("Cashable ROI", a.Cash.CashableRoi is { } roi ? Fmt.Percent(roi) : "undefined", "cashable net ÷ costs");
        Card("Cashable payback month", a.Cash.CashablePaybackMonth is { } pm ? Fmt.MonthLong(pm) : "not within the period", "cash only");
        if (a.Horizon is { } hz)
            Card("Appraisal NPV", Fmt.Money(hz.Npv), $"over {hz.Years} years, {hz.ProjectedMonths.Count} months of them projected");
        if (a.Real is { } real)
            Card("Real NPV", Fmt.Money(real.Npv), $"in {real.PriceBase} prices");
        h.Line("</dl>");
    }

    public static void Write(HtmlWriter h, SavingsResult r, IReadOnlyDictionary<string, ReportChart> charts, Func<ReportChart, int> figure)
    {
        if (r.Appraisal is not { } a) return;
        h.Line("<section aria-labelledby=\"appraisal\">");
        h.Line("<h2 id=\"appraisal\">Appraisal: how sure is the case?</h2>");
        h.P(E("HM Treasury's Green Book asks how the case looks in cash, over its whole life, in real prices, and how wrong an assumption can be before the case fails. " +
            (a.OptimismBiasCosts != 0m
                ? $"Costs here include optimism bias of {Pct(a.OptimismBiasCosts)}: every month's cost is multiplied by {(1m + a.OptimismBiasCosts).ToString("0.####", CultureInfo.InvariantCulture)}."
                : "No optimism bias is added to the costs (adjustments.optimism_bias_costs is 0).")));

        if (a.Horizon is { } hz) Horizon(h, r, hz);
        if (a.Real is { } real) Real(h, r, real);
        else if (a.RealWithheld is { } why) h.P(E($"The figures are nominal: each month in its own prices. Real terms are not stated, because {why}."));

        h.Line("<h3>Switching values</h3>");
        h.P(E($"Each row shows the value an input would have to take, all else as assumed, for the NPV ({Fmt.Money(a.Npv)}) to fall to zero. " +
            "\"None in range\" means no sensible value of that input (a cost of £0 or more, a rate between 0 and 1) does it."));
        h.Table("Switching values: the value of each input at which NPV is zero",
            ["Input", "Key in the assumptions file", "Assumed", "Switching value", "Change"],
            a.SwitchingValues.Select(s => (IReadOnlyList<string>)[s.Label, s.Input, AppraisalCharts.Value(s.Input, s.Assumed),
                s.Value is { } v ? AppraisalCharts.Value(s.Input, v) : "none in range",
                s.ChangePct is { } c ? Fmt.SignedPercent(c / 100m) : "n/a"]),
            i => i >= 2);

        h.Line("<h3>Sensitivity and scenarios</h3>");
        h.P(E($"With every input at the end of its range that hurts the case, the NPV is {Fmt.Money(a.Scenarios.LowNpv)}; as assumed, {Fmt.Money(a.Scenarios.CentralNpv)}; " +
            $"with every input at the end that helps, {Fmt.Money(a.Scenarios.HighNpv)}. Ranges come from the assumptions file's ranges, else 20% either side of the assumed value."));
        if (charts.TryGetValue("tornado", out var tornado)) figure(tornado);

        if (a.MonteCarlo is { } mc)
        {
            h.Line("<h3>Monte Carlo range</h3>");
            h.P(E($"{Fmt.Count(mc.Draws)} draws of {string.Join(", ", mc.Inputs)} from their distributions (seed {mc.Seed.ToString(CultureInfo.InvariantCulture)}; the same seed gives the same figures). " +
                $"NPV: P10 {Fmt.Money(mc.P10Npv)}, P50 {Fmt.Money(mc.P50Npv)}, P90 {Fmt.Money(mc.P90Npv)}. Net benefit over the period: P10 {Fmt.Money(mc.P10Net)}, " +
                $"P50 {Fmt.Money(mc.P50Net)}, P90 {Fmt.Money(mc.P90Net)}. The NPV was above zero in {Fmt.Percent(mc.ProbabilityNpvPositive)} of draws."));
            if (charts.TryGetValue("monte-carlo", out var histogram)) figure(histogram);
        }
        h.Line("</section>");
    }

    private static void Horizon(HtmlWriter h, SavingsResult r, HorizonFigures hz)
    {
        h.Line("<h3>Over the appraisal horizon</h3>");
        var last = r.Months.Count > 0 ? Fmt.MonthLong(r.Months[^1].Month) : "the period";
        h.P(E($"The appraisal runs {hz.Years} years from {Fmt.MonthLong(r.Request.From)}. The observed months end in {last}; the {hz.ProjectedMonths.Count} months after it are projected, not measured: " +
            $"each benefit line at its average over the last 12 observed months, less {Pct(hz.BenefitDropOff)} a year, and recurring costs (licence, hosting, support) at their last 12 months' average. " +
            $"The NPV over the horizon is {Fmt.Money(hz.Npv)} (observed months {Fmt.Money(r.Totals.Npv)}, projected months {Fmt.Money(hz.Npv - r.Totals.Npv)})."));
        if (hz.ProjectedMonths.Count == 0) return;
        var years = hz.ProjectedMonths.GroupBy(m => m.ProjectedYear).Select(g => (IReadOnlyList<string>)[
            $"Projected year {g.Key}", $"{Fmt.MonthShort(g.First().Month)} to {Fmt.MonthShort(g.Last().Month)}", Fmt.Count(g.Count()),
            Fmt.Money(g.Sum(m => m.AdjustedBenefit)), Fmt.Money(g.Sum(m => m.Cashable)), Fmt.Money(g.Sum(m => m.Costs)), Fmt.Money(g.Sum(m => m.Net * m.DiscountFactor))]);
        IReadOnlyList<string> observed = ["Observed", $"{Fmt.MonthShort(r.Request.From)} to {Fmt.MonthShort(r.Request.To)}", Fmt.Count(r.Months.Count),
            Fmt.Money(r.Totals.AdjustedBenefit), Fmt.Money(r.Totals.Cashable), Fmt.Money(r.Totals.Costs), Fmt.Money(r.Totals.Npv)];
        h.Table("Observed and projected months, kept apart",
            ["Part", "Months", "Count", "Adjusted benefit", "Cashable", "Costs", "Discounted net"], [observed, .. years], i => i >= 2);
    }

    private static void Real(HtmlWriter h, SavingsResult r, RealFigures real)
    {
        h.Line("<h3>In real terms</h3>");
        h.P(E($"The figures above are nominal: each month in its own prices. In {real.PriceBase} prices (GDP deflators, {real.DeflatorSource}), " +
            $"the adjusted benefit is {Fmt.Money(real.AdjustedBenefit)}, the costs {Fmt.Money(real.Costs)}, the net benefit {Fmt.Money(real.NetBenefit)} " +
            $"and the NPV of the real flows {Fmt.Money(real.Npv)}."));
        var nominalNpv = r.Appraisal?.Npv ?? r.Totals.Npv;
        h.Table($"Nominal and real ({real.PriceBase} prices) figures side by side",
            ["Figure", "Nominal", $"Real, {real.PriceBase} prices"],
            [
                ["Adjusted benefit", Fmt.Money(r.Totals.AdjustedBenefit), Fmt.Money(real.AdjustedBenefit)],
                ["Costs", Fmt.Money(r.Totals.Costs), Fmt.Money(real.Costs)],
                ["Net benefit", Fmt.Money(r.Totals.NetBenefit), Fmt.Money(real.NetBenefit)],
                ["NPV", Fmt.Money(nominalNpv), Fmt.Money(real.Npv)],
            ],
            i => i >= 1);
    }

    private static string Pct(decimal fraction) => Fmt.Percent(fraction);
}
