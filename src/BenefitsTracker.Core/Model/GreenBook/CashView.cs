using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>
/// The case in cash alone (METHOD.md v2, Cash view): cashable adjusted benefit less costs, its ROI and
/// the first month in which cumulative (cashable adjusted − cost) is at least zero.
/// </summary>
public sealed record CashView(decimal CashableNet, decimal? CashableRoi, Month? CashablePaybackMonth);
