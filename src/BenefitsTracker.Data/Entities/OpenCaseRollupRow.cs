namespace BenefitsTracker.Data.Entities;

/// <summary>Open cases (no closed_at) by council, service and month received.</summary>
public sealed class OpenCaseRollupRow
{
    public string CouncilCode { get; set; } = "";
    public string Service { get; set; } = "";
    public int Month { get; set; }
    public long Count { get; set; }
}
