using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>The council-level (or top-level, for a consortium) assumptions after overrides.</summary>
public sealed record ResolvedAssumptions
{
    public required string Version { get; init; }
    public required string Sha256 { get; init; }
    public required IReadOnlyDictionary<string, decimal> UnitCosts { get; init; }
    /// <summary>Channel → the key of the assumptions file that set its unit cost; a channel not here has the default (Socitm).</summary>
    public IReadOnlyDictionary<string, string> UnitCostKeys { get; init; } = new Dictionary<string, string>();
    public required IReadOnlyList<string> DigitalChannels { get; init; }
    public required decimal HourlyCostDefault { get; init; }
    /// <summary>False when the file gives no officer_hourly_cost_gbp.default (then <see cref="HourlyCostDefault"/> is 0 and must not be used).</summary>
    public bool HasHourlyCostDefault { get; init; } = true;
    public required IReadOnlyDictionary<string, decimal> HourlyCostByGrade { get; init; }
    public required decimal DiscountRate { get; init; }
    public required Adjustments Adjustments { get; init; }
    public required IReadOnlyDictionary<BenefitLine, bool> Cashable { get; init; }
    public required int SuppressionThreshold { get; init; }
    /// <summary>For a consortium report: equal, population or usage; null for a council outside one.</summary>
    public string? Apportionment { get; init; }
    /// <summary>For a consortium report: where the members' populations come from and their year (<c>consortia.{id}.population_source</c>); null when not said.</summary>
    public string? PopulationSource { get; init; }
}
