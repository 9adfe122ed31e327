namespace BenefitsTracker.Core.Model;

/// <summary>An input file as recorded by the file registry (METHOD.md, Lineage).</summary>
public sealed record InputFile(string File, string Sha256, long Accepted, long Rejected);
