namespace BenefitsTracker.Data.Entities;

/// <summary>
/// Whose figures a file fed: one row per ingested file and council code or consortium id it stored rows for.
/// A report's lineage lists the files of its own council(s) and consortium (METHOD.md, Lineage); a file with
/// no owner (an assumptions set, a file whose rows were all rejected) is listed in every report.
/// </summary>
public sealed class IngestedFileOwnerRow
{
    public long FileId { get; set; }
    public string Owner { get; set; } = "";
}
