using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>Where the figures came from (METHOD.md, Lineage).</summary>
public sealed record Lineage(
    IReadOnlyList<InputFile> Inputs,
    string AssumptionsVersion,
    string AssumptionsSha256,
    string SoftwareVersion,
    Month? DataFrom,
    Month? DataTo);
