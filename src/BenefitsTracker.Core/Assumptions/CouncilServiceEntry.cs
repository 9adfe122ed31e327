using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Assumptions;

/// <summary>A council's own entry for a service: null members are "not given here", except a go_live given as null.</summary>
internal sealed record CouncilServiceEntry(
    bool GoLiveGiven,
    Month? GoLive,
    (Month From, Month To)? Baseline,
    IReadOnlyList<BenefitLine>? Lines,
    AssumptionLayer Overrides);
