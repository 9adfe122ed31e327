namespace BenefitsTracker.Data.Entities;

/// <summary>An ingested assumptions file, stored whole; the latest is the default for reports.</summary>
public sealed class AssumptionSetRow
{
    public long Id { get; set; }
    public string Version { get; set; } = "";
    /// <summary>SHA-256 (lower-case hex) of <see cref="Json"/>'s UTF-8 bytes.</summary>
    public string Sha256 { get; set; } = "";
    public string Json { get; set; } = "";
    public string? FileName { get; set; }
    public DateTimeOffset IngestedAt { get; set; }
}
