using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.GreenBook;

/// <summary>
/// METHOD.md v2, Horizon: recurring costs (licence, hosting, support) go on after the data at their
/// mean over the last 12 observed months; one-off costs (implementation, other) are not repeated.
/// </summary>
internal static class RecurringCosts
{
    public static readonly IReadOnlyList<string> Categories = [CostCategories.Licence, CostCategories.Hosting, CostCategories.Support];

    /// <summary>A council's recurring cost per projected month, before optimism bias on costs; 0 without a horizon.</summary>
    public static decimal MonthlyMean(SavingsResult council, Timeline timeline)
    {
        if (timeline.Projected == 0 || timeline.Window == 0) return 0m;
        var sum = 0m;
        foreach (var cost in council.Costs)
        {
            if (!Categories.Contains(cost.Line.Category, StringComparer.Ordinal)) continue;
            for (var t = timeline.Observed - timeline.Window; t < timeline.Observed; t++)
                sum += CostSpreading.AmountIn(cost.Line, timeline.MonthAt(t)) * cost.Share;
        }
        return sum / timeline.Window;
    }
}
