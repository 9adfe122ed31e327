namespace BenefitsTracker.Core.Model;

/// <summary>A consortium: its members' data and the cost lines recorded against the consortium itself.</summary>
public sealed record ConsortiumData(
    string Id,
    string? Name,
    IReadOnlyList<CouncilData> Members,
    IReadOnlyList<CostLine> SharedCosts);
