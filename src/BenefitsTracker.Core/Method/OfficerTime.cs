using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// METHOD.md line 2, officer time: cases closed this month would have taken the baseline mean
/// M_B each; the minutes not spent, valued at the officer's hourly cost, are the benefit. Worked per
/// grade, so that each grade's hours carry its own rate: hours_mg = (M_B·N_mg − T_mg) / 60.
/// </summary>
public static class OfficerTime
{
    /// <summary>Cases closed in B and their total minutes; M_B = Minutes / Cases.</summary>
    public readonly record struct Baseline(long Cases, decimal Minutes)
    {
        /// <summary>M_B, or null when B has no closed cases (then the line is zero for the service).</summary>
        public decimal? MeanMinutes => Cases == 0 ? null : Minutes / Cases;
    }

    /// <summary>M_B is taken over every closed case of B: all channels and all grades.</summary>
    public static Baseline BaselineOf(IEnumerable<ClosedCases> baselineCases)
    {
        long cases = 0;
        var minutes = 0m;
        foreach (var c in baselineCases)
        {
            cases += c.Count;
            minutes += c.Count * c.OfficerMinutes;
        }
        return new Baseline(cases, minutes);
    }

    /// <summary>
    /// (M_B·N − T) / 60, written as (T_B·N / N_B − T) / 60 so that the multiplication comes before
    /// the one division and the figure stays exact wherever it can.
    /// </summary>
    public static decimal HoursReleased(Baseline baseline, long cases, decimal minutes) =>
        baseline.Cases == 0 ? 0m : (baseline.Minutes * cases / baseline.Cases - minutes) / 60m;

    /// <summary>The grade's hourly cost, else the default; an error naming the key when neither is set.</summary>
    public static decimal HourlyCost(ServiceAssumptions assumptions, string? grade, string council, string service)
    {
        if (grade is not null && assumptions.HourlyCostByGrade.TryGetValue(grade, out var rate)) return rate;
        if (assumptions.HasHourlyCostDefault) return assumptions.HourlyCostDefault;
        var which = grade is null ? Phrase.Of("cannot.no_hourly_cost.no_grade", "cases with no grade")
            : Phrase.Of("cannot.no_hourly_cost.grade", $"grade '{grade}', which has no rate of its own", ("grade", grade));
        throw new MethodException(Phrase.Of("cannot.no_hourly_cost",
            $"Council {council}, service '{service}': officer time must be valued for {which.English}, but the assumptions give no " +
            "officer_hourly_cost_gbp.default. Add it (pounds per hour, salary plus on-costs).",
            ("council", council), ("service", service), ("which", which)),
            "officer_hourly_cost_gbp.default");
    }

    /// <summary>The input key of the hourly cost that values <paramref name="grade"/>'s cases: the grade's own, else the default.</summary>
    public static string HourlyCostKey(ServiceAssumptions assumptions, string? grade) =>
        grade is not null && assumptions.HourlyCostByGrade.ContainsKey(grade) ? InputKeys.HourlyGrade(grade) : InputKeys.HourlyDefault;

    /// <summary>
    /// The grade's hourly cost (else the default) in the prices of <paramref name="month"/>: uprated from its price year
    /// where it has one (METHOD.md v2, Real prices).
    /// </summary>
    public static decimal HourlyCost(ServiceAssumptions assumptions, string? grade, string council, string service, Month month) =>
        HourlyCost(assumptions, grade, council, service)
        * Prices.Factor(assumptions.PriceYears, assumptions.Deflators, HourlyCostKey(assumptions, grade), month);

    /// <summary>One row per month and grade of the period's closed cases, each valued at its grade's rate in that month's prices.</summary>
    public static IReadOnlyList<OfficerTimeRow> Rows(Baseline baseline, IEnumerable<ClosedCases> periodCases,
        Func<string?, Month, decimal> hourlyCost)
    {
        var rows = new List<OfficerTimeRow>();
        var groups = periodCases
            .GroupBy(c => (c.Month, c.Grade))
            .OrderBy(g => g.Key.Month)
            .ThenBy(g => g.Key.Grade is null ? 0 : 1)
            .ThenBy(g => g.Key.Grade, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            long cases = 0;
            var minutes = 0m;
            foreach (var c in group)
            {
                cases += c.Count;
                minutes += c.Count * c.OfficerMinutes;
            }
            var rate = hourlyCost(group.Key.Grade, group.Key.Month);
            var hours = HoursReleased(baseline, cases, minutes);
            rows.Add(new OfficerTimeRow(group.Key.Month, group.Key.Grade, cases, minutes, rate, hours, hours * rate));
        }
        return rows;
    }

    /// <summary>
    /// The line month by month over <paramref name="from"/>..<paramref name="to"/>: each month's rows summed, grade by
    /// grade in row order.
    /// </summary>
    internal static decimal[] ByMonth(IEnumerable<OfficerTimeRow> rows, Month from, Month to)
    {
        var values = new decimal[Month.Count(from, to)];
        foreach (var row in rows) values[row.Month.Index - from.Index] += row.Gross;
        return values;
    }
}
