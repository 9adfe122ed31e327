using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>
/// The totals in real terms at one price base (METHOD.md v2, Real prices): each month's flows divided by
/// D(fy(m)) ÷ D(base), D being the GDP deflator; the NPV discounts the real flows.
/// </summary>
public sealed record RealFigures(
    string PriceBase,
    string DeflatorSource,
    decimal AdjustedBenefit,
    decimal Costs,
    decimal NetBenefit,
    decimal Npv,
    IReadOnlyList<RealMonth> Months)
{
}

/// <summary>One month's price index relative to the base: D(fy(m)) ÷ D(base); real = nominal ÷ this.</summary>
public sealed record RealMonth(Month Month, string FinancialYear, decimal Index);
