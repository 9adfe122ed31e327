namespace BenefitsTracker.Data.Entities;

/// <summary>
/// A completed or failed transaction with a user_ref: the narrow table avoidable-contact matching reads
/// (METHOD.md, line 4), so that it never scans all events.
/// </summary>
public sealed class ContactEventRow
{
    public long Id { get; set; }
    public string CouncilCode { get; set; } = "";
    public string Service { get; set; } = "";
    public string UserRef { get; set; } = "";
    public string Channel { get; set; } = "";
    /// <summary>0 = transaction_failed, 1 = transaction_completed.</summary>
    public int Kind { get; set; }
    public long OccurredAtMs { get; set; }
}
