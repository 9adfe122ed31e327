using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>Where the figures came from (METHOD.md, Lineage).</summary>
public sealed record Lineage(
    IReadOnlyList<InputFile> Inputs,
    string AssumptionsVersion,
    string AssumptionsSha256,
    string SoftwareVersion,
    Month? DataFrom,
    Month? DataTo,
    /// <summary>The assumptions file's name as the user knows it (the --assumptions file, or the ingested one); null when unknown.</summary>
    string? AssumptionsFile = null);
