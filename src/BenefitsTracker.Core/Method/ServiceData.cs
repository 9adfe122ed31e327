using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>The rows of one council's data that belong to one service.</summary>
internal sealed record ServiceData(
    IReadOnlyList<ChannelVolume> Volumes,
    IReadOnlyList<ClosedCases> ClosedCases,
    IReadOnlyList<OpenCases> OpenCases,
    IReadOnlyList<CostLine> CostLines,
    IReadOnlyList<ContactEvent> Contacts);
