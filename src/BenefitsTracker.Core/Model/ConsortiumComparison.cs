namespace BenefitsTracker.Core.Model;

/// <summary>A consortium's members side by side, normalised, with small numbers suppressed (METHOD.md, Consortia).</summary>
/// <param name="Apportionment">How shared costs are split: equal, population or usage.</param>
/// <param name="SuppressionThreshold">Counts below this are withheld.</param>
/// <param name="Members">One row per member, in council code order.</param>
/// <param name="Median">The consortium median of each figure, over the members shown.</param>
/// <param name="PopulationSource">
/// Where the councils file's populations come from and their year (<c>consortia.{id}.population_source</c>); null
/// when the assumptions do not say.
/// </param>
/// <param name="Differences">The assumptions whose values differ between members (a council's own hourly rate, a later go-live).</param>
public sealed record ConsortiumComparison(
    string Apportionment,
    int SuppressionThreshold,
    IReadOnlyList<MemberComparison> Members,
    ComparisonMedians Median,
    string? PopulationSource = null,
    IReadOnlyList<AssumptionDifference>? Differences = null)
{
    /// <summary>The differing assumptions; empty when every member uses the same values.</summary>
    public IReadOnlyList<AssumptionDifference> DifferingAssumptions => Differences ?? [];
}
