using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>
/// A month after the data, projected: each line at its mean over the last 12 observed months times
/// (1 − drop-off)^k in projected year k, recurring costs at their last-12-month mean.
/// </summary>
public sealed record ProjectedMonth(
    Month Month,
    /// <summary>t, counted from the first month of the period (0), as in the NPV's year index floor(t / 12).</summary>
    int MonthIndex,
    /// <summary>k: 1 for the first 12 projected months, 2 for the next 12, ...</summary>
    int ProjectedYear,
    decimal AdjustedBenefit,
    decimal Cashable,
    decimal Costs,
    decimal DiscountFactor)
{
    public decimal Net => AdjustedBenefit - Costs;
}
