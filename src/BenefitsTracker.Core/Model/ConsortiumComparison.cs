namespace BenefitsTracker.Core.Model;

/// <summary>A consortium's members side by side, normalised, with small numbers suppressed (METHOD.md, Consortia).</summary>
public sealed record ConsortiumComparison(
    string Apportionment,
    int SuppressionThreshold,
    IReadOnlyList<MemberComparison> Members,
    ComparisonMedians Median);
