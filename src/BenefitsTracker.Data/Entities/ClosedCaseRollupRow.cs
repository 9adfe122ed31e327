namespace BenefitsTracker.Data.Entities;

/// <summary>
/// Closed cases by council, service, month closed, officer grade and exact minutes: a histogram that keeps
/// every case's value without one row per case.
/// </summary>
public sealed class ClosedCaseRollupRow
{
    public string CouncilCode { get; set; } = "";
    public string Service { get; set; } = "";
    public int Month { get; set; }
    /// <summary>Officer grade; empty when none was recorded.</summary>
    public string Grade { get; set; } = "";
    public long MinutesHundredths { get; set; }
    public long Count { get; set; }
}
