using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>Monthly usage rollup for one service and channel: quantities summed by event type.</summary>
public sealed record ChannelVolume(string Service, string Channel, Month Month, long Completed, long Started, long Failed);

/// <summary>
/// Closed cases grouped by service, month closed, officer grade and recorded minutes:
/// <see cref="Count"/> cases each took <see cref="OfficerMinutes"/>. A histogram keeps every case's
/// value (for the bootstrap) without one row per case.
/// </summary>
public sealed record ClosedCases(string Service, Month Month, string? Grade, decimal OfficerMinutes, long Count);

/// <summary>Open cases (no closed_at) by service and month received: counted, not costed.</summary>
public sealed record OpenCases(string Service, Month Month, long Count);

/// <summary>A line of spend. <see cref="Service"/> null means the whole council (or consortium).</summary>
public sealed record CostLine(
    string? Service, string Category, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Amount,
    bool Cashable, string? Reference, string? Description);

/// <summary>The kind of a usage event that takes part in avoidable-contact matching.</summary>
public enum ContactKind { Failed, Completed }

/// <summary>
/// One usage event with a user_ref, of type transaction_failed or transaction_completed,
/// used to find avoidable contact (METHOD.md line 4).
/// </summary>
public sealed record ContactEvent(string Service, string UserRef, string Channel, ContactKind Kind, DateTimeOffset OccurredAt);

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

/// <summary>A consortium: its members' data and the cost lines recorded against the consortium itself.</summary>
public sealed record ConsortiumData(
    string Id,
    string? Name,
    IReadOnlyList<CouncilData> Members,
    IReadOnlyList<CostLine> SharedCosts);

/// <summary>What to report on: a period, and optionally one service.</summary>
public sealed record ReportRequest(Month From, Month To, string? Service = null)
{
    public int MonthCount => Month.Count(From, To);
}

/// <summary>An input file as recorded by the file registry (METHOD.md, Lineage).</summary>
public sealed record InputFile(string File, string Sha256, long Accepted, long Rejected);

/// <summary>Where the figures came from (METHOD.md, Lineage).</summary>
public sealed record Lineage(
    IReadOnlyList<InputFile> Inputs,
    string AssumptionsVersion,
    string AssumptionsSha256,
    string SoftwareVersion,
    Month? DataFrom,
    Month? DataTo);
