namespace BenefitsTracker.Core.Model;

/// <summary>
/// The totals in real terms at one price base (METHOD.md v2, Real prices): each month's flows divided by
/// D(fy(m)) ÷ D(base), D being the GDP deflator; the NPV discounts the real flows.
/// </summary>
/// <param name="PriceBase">The financial year whose prices the figures are in ("2024-25").</param>
/// <param name="DeflatorSource">The GDP deflator release used, named and dated.</param>
/// <param name="AdjustedBenefit">Σ adjusted benefit ÷ price index over the observed months.</param>
/// <param name="Costs">Σ costs ÷ price index over the observed months.</param>
/// <param name="NetBenefit">Real adjusted benefit − real costs.</param>
/// <param name="Npv">The NPV of the real flows, observed and projected months.</param>
/// <param name="Months">Each observed month's financial year and price index.</param>
public sealed record RealFigures(
    string PriceBase,
    string DeflatorSource,
    decimal AdjustedBenefit,
    decimal Costs,
    decimal NetBenefit,
    decimal Npv,
    IReadOnlyList<RealMonth> Months)
{
    /// <summary>The whole deflator series used, earliest year first, so that outputs can show it and restate at another base.</summary>
    public IReadOnlyList<DeflatorYear> Series { get; init; } = [];
}
