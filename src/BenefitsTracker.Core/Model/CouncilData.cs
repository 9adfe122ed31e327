namespace BenefitsTracker.Core.Model;

/// <summary>Everything the engine needs about one council, read from the store's rollups.</summary>
public sealed record CouncilData(
    string Code,
    string Name,
    long? Population,
    string? Consortium,
    IReadOnlyList<ChannelVolume> Volumes,
    IReadOnlyList<ClosedCases> ClosedCases,
    IReadOnlyList<OpenCases> OpenCases,
    IReadOnlyList<CostLine> CostLines,
    IReadOnlyList<ContactEvent> Contacts);
