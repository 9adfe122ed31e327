using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// METHOD.md line 3, print and postage avoided: the baseline's average monthly spend of the
/// category, less this month's spend. S_B(cat) is the service's spread spend in B; month m gives
/// S_B/|B| − S_m. Cashable unless the assumptions say otherwise.
/// </summary>
public static class PrintAndPostage
{
    /// <summary>The benefit line a baseline cost category feeds.</summary>
    public static BenefitLine LineFor(string category) => category switch
    {
        CostCategories.Print => BenefitLine.Print,
        CostCategories.Postage => BenefitLine.Postage,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "only print and postage are baseline categories"),
    };

    /// <summary>S_B(cat): the category's spend spread into the months of B, month by month.</summary>
    public static decimal BaselineSpend(IEnumerable<CostLine> serviceLines, string category, Month from, Month to)
    {
        var total = 0m;
        foreach (var line in serviceLines)
            if (line.Category == category) total += CostSpreading.AmountIn(line, from, to);
        return total;
    }

    /// <summary>S_m(cat): the category's spend spread into month m.</summary>
    public static decimal MonthSpend(IEnumerable<CostLine> serviceLines, string category, Month month)
    {
        var total = 0m;
        foreach (var line in serviceLines)
            if (line.Category == category) total += CostSpreading.AmountIn(line, month);
        return total;
    }

    /// <summary>S_B/|B| − S_m.</summary>
    public static decimal Benefit(decimal baselineSpend, int baselineMonths, decimal monthSpend) =>
        baselineSpend / baselineMonths - monthSpend;

    /// <summary>
    /// The category's line month by month over <paramref name="from"/>..<paramref name="to"/>: S_B/|B| − S_m in
    /// each month, where <paramref name="baselineSpend"/> is S_B over <paramref name="baselineMonths"/> months;
    /// zero in every month when the line is switched off for the service.
    /// </summary>
    internal static decimal[] ByMonth(
        bool enabled, IReadOnlyCollection<CostLine> serviceLines, string category, decimal baselineSpend, int baselineMonths, Month from, Month to)
    {
        var values = new decimal[Month.Count(from, to)];
        if (!enabled) return values;
        var i = 0;
        foreach (var month in Month.Range(from, to))
            values[i++] = Benefit(baselineSpend, baselineMonths, MonthSpend(serviceLines, category, month));
        return values;
    }
}
