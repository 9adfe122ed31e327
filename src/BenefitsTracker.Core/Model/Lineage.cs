using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>Where the figures came from (METHOD.md, Lineage).</summary>
/// <param name="Inputs">Every data file the figures rest on, with its SHA-256.</param>
/// <param name="AssumptionsVersion">The assumptions file's version.</param>
/// <param name="AssumptionsSha256">The SHA-256 of the assumptions as read.</param>
/// <param name="SoftwareVersion">The BenefitsTracker version that computed the figures.</param>
/// <param name="DataFrom">The first month of data the store holds for the scope; null when none.</param>
/// <param name="DataTo">The last month of data the store holds for the scope; null when none.</param>
/// <param name="AssumptionsFile">The assumptions file's name as the user knows it (the --assumptions file, or the
/// ingested one); null when unknown.</param>
public sealed record Lineage(
    IReadOnlyList<InputFile> Inputs,
    string AssumptionsVersion,
    string AssumptionsSha256,
    string SoftwareVersion,
    Month? DataFrom,
    Month? DataTo,
    string? AssumptionsFile = null);
