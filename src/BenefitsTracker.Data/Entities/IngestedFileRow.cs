namespace BenefitsTracker.Data.Entities;

/// <summary>The file registry: one row per ingested file, unique by content hash (METHOD.md, Lineage).</summary>
public sealed class IngestedFileRow
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Path { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Format { get; set; } = "";
    public long Bytes { get; set; }
    public long RowsRead { get; set; }
    public long Accepted { get; set; }
    public long Rejected { get; set; }
    public long Duplicates { get; set; }
    public string? RejectsPath { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
}
