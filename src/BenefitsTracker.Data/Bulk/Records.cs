namespace BenefitsTracker.Data.Bulk;

/// <summary>A validated usage event; text as UTF-8.</summary>
public readonly ref struct EventRecord
{
    public ReadOnlySpan<byte> EventId { get; init; }
    public ReadOnlySpan<byte> CouncilCode { get; init; }
    public ReadOnlySpan<byte> Service { get; init; }
    public ReadOnlySpan<byte> Channel { get; init; }
    public ReadOnlySpan<byte> EventType { get; init; }
    public long OccurredAtMs { get; init; }
    public ReadOnlySpan<byte> CaseId { get; init; }
    public ReadOnlySpan<byte> UserRef { get; init; }
    public long Quantity { get; init; }
    public double? DurationSeconds { get; init; }
    /// <summary>1–5 on a satisfaction_rating event; null on every other.</summary>
    public int? Rating { get; init; }
    public long FileId { get; init; }
}

/// <summary>A validated case record; text as UTF-8, empty = NULL for the optional fields.</summary>
public readonly ref struct CaseRecord
{
    public ReadOnlySpan<byte> CouncilCode { get; init; }
    public ReadOnlySpan<byte> CaseId { get; init; }
    public ReadOnlySpan<byte> Service { get; init; }
    public ReadOnlySpan<byte> Channel { get; init; }
    public ReadOnlySpan<byte> CaseType { get; init; }
    public long ReceivedAtMs { get; init; }
    public long? ClosedAtMs { get; init; }
    public long? OfficerMinutesHundredths { get; init; }
    public ReadOnlySpan<byte> OfficerGrade { get; init; }
    public long FileId { get; init; }
}

/// <summary>A validated cost line; text as UTF-8, empty = NULL for the optional fields.</summary>
public readonly ref struct CostRecord
{
    public ReadOnlySpan<byte> CouncilCode { get; init; }
    public ReadOnlySpan<byte> ConsortiumId { get; init; }
    public ReadOnlySpan<byte> Service { get; init; }
    public ReadOnlySpan<byte> Category { get; init; }
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public long AmountPence { get; init; }
    public bool Cashable { get; init; }
    public ReadOnlySpan<byte> Reference { get; init; }
    public ReadOnlySpan<byte> Description { get; init; }
    public long FileId { get; init; }
}

/// <summary>A row of the contact table; <see cref="Kind"/> 0 = failed, 1 = completed.</summary>
public readonly ref struct ContactRecord
{
    public ReadOnlySpan<byte> CouncilCode { get; init; }
    public ReadOnlySpan<byte> Service { get; init; }
    public ReadOnlySpan<byte> UserRef { get; init; }
    public ReadOnlySpan<byte> Channel { get; init; }
    public int Kind { get; init; }
    public long OccurredAtMs { get; init; }
}

public enum CaseOutcome { Inserted, Duplicate, ClosedOpenCase }

/// <summary>The service and received_at of a stored open case that a later record closed.</summary>
public readonly record struct OpenCaseClosed(string Service, long ReceivedAtMs);
