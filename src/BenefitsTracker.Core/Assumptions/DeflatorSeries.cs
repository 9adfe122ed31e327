namespace BenefitsTracker.Core.Assumptions;

/// <summary>
/// A GDP deflator series by financial year (METHOD.md v2, Real prices): HM Treasury's "GDP deflators at
/// market prices" as shipped with the program, or another release given with <c>--deflators FILE</c>.
/// Only ratios of two years are used, so the series may be on any base.
/// </summary>
/// <param name="Release">The release the figures came from, named and dated, as every report quotes it.</param>
/// <param name="Index">The deflator of each financial year the series covers.</param>
public sealed record DeflatorSeries(string Release, IReadOnlyDictionary<FinancialYear, decimal> Index)
{
    /// <summary>D(year), or null where the series has no figure for that year.</summary>
    public decimal? Of(FinancialYear year) => Index.TryGetValue(year, out var d) ? d : null;

    /// <summary>The financial years covered, earliest first.</summary>
    public IReadOnlyList<FinancialYear> Years => [.. Index.Keys.Order()];
}
