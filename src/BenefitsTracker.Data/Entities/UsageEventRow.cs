namespace BenefitsTracker.Data.Entities;

/// <summary>One accepted usage event. Kept for lineage and re-aggregation; reports read the rollups.</summary>
public sealed class UsageEventRow
{
    public long Id { get; set; }
    /// <summary>The source's id; unique per council when present, so a repeated event is dropped.</summary>
    public string? EventId { get; set; }
    public string CouncilCode { get; set; } = "";
    public string Service { get; set; } = "";
    public string Channel { get; set; } = "";
    public string EventType { get; set; } = "";
    /// <summary>occurred_at as milliseconds since 1970-01-01 UTC.</summary>
    public long OccurredAtMs { get; set; }
    public string? CaseId { get; set; }
    public string? UserRef { get; set; }
    public long Quantity { get; set; }
    public double? DurationSeconds { get; set; }
    /// <summary>1 (very dissatisfied) to 5 (very satisfied), on satisfaction_rating events only.</summary>
    public int? Rating { get; set; }
    public long FileId { get; set; }
}
