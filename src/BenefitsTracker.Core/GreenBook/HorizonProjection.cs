using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.GreenBook;

/// <summary>
/// METHOD.md v2, Horizon: the projected months of every service and council, summed. Each benefit line
/// of each service goes on at its adjusted mean over the last 12 observed months, times (1 − drop-off)^k
/// in projected year k; each council's recurring costs at their last-12-month mean, uplifted by its
/// optimism bias on costs.
/// </summary>
internal static class HorizonProjection
{
    public static HorizonFigures? Project(SavingsResult result, AssumptionSet assumptions, Timeline timeline, int? years, decimal dropOff)
    {
        if (years is not { } y) return null;
        var councils = AppraisalBasis.CouncilsOf(result);
        decimal adjustedMean = 0m, cashableMean = 0m, costMean = 0m;
        foreach (var council in councils)
        {
            foreach (var w in council.Services)
                foreach (var line in BenefitLines.All)
                {
                    var mean = timeline.RecentMean(t => w.Months[t].AdjustedByLine[line]);
                    adjustedMean += mean;
                    if (w.Assumptions.Cashable[line]) cashableMean += mean;
                }
            costMean += RecurringCosts.MonthlyMean(council, timeline) * (1m + assumptions.OptimismBiasCostsFor(council.Scope.Id));
        }

        var months = new List<ProjectedMonth>(timeline.Projected);
        var npv = result.Totals.Npv;
        for (var j = 0; j < timeline.Projected; j++)
        {
            var t = timeline.Observed + j;
            var factor = timeline.DropOffFactors[j];
            var month = new ProjectedMonth(timeline.MonthAt(t), t, j / 12 + 1, adjustedMean * factor, cashableMean * factor, costMean,
                timeline.DiscountFactors[t]);
            months.Add(month);
            npv += month.Net * month.DiscountFactor;
        }
        return new HorizonFigures(y, dropOff, npv, months);
    }
}
