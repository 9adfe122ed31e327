using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>
/// A month after the data, projected: each line at its mean over the last 12 observed months times
/// (1 − drop-off)^k in projected year k, recurring costs at their last-12-month mean.
/// </summary>
/// <param name="Month">The calendar month projected.</param>
/// <param name="AdjustedBenefit">The projected benefit after the adjustments, before costs.</param>
/// <param name="Cashable">The cashable part of the adjusted benefit.</param>
/// <param name="Costs">The projected recurring costs.</param>
/// <param name="DiscountFactor">1 ÷ (1 + discount rate)^floor(t / 12).</param>
/// <param name="MonthIndex">t, counted from the first month of the period (0), as in the NPV's year index floor(t / 12).</param>
/// <param name="ProjectedYear">k: 1 for the first 12 projected months, 2 for the next 12, ...</param>
public sealed record ProjectedMonth(
    Month Month,
    int MonthIndex,
    int ProjectedYear,
    decimal AdjustedBenefit,
    decimal Cashable,
    decimal Costs,
    decimal DiscountFactor)
{
    /// <summary>Adjusted benefit less costs in the month, undiscounted.</summary>
    public decimal Net => AdjustedBenefit - Costs;
}
