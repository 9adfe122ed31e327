using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>Open cases (no closed_at) by service and month received: counted, not costed.</summary>
public sealed record OpenCases(string Service, Month Month, long Count);
