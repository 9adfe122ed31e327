using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Assumptions;

/// <summary>A service's own entry under <c>services</c>: its dates, its lines and its overrides.</summary>
internal sealed record ServiceEntry(
    string Slug,
    Month GoLive,
    Month BaselineFrom,
    Month BaselineTo,
    IReadOnlyList<BenefitLine> Lines,
    AssumptionLayer Overrides);
