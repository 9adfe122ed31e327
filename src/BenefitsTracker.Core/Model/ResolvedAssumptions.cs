using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>The council-level (or top-level, for a consortium) assumptions after overrides.</summary>
public sealed record ResolvedAssumptions
{
    /// <summary>The assumptions file's <c>version</c>.</summary>
    public required string Version { get; init; }
    /// <summary>The SHA-256 of the assumptions file's bytes, lower-case hex (lineage).</summary>
    public required string Sha256 { get; init; }
    /// <summary>u(ch): cost per completed transaction by channel, in pounds.</summary>
    public required IReadOnlyDictionary<string, decimal> UnitCosts { get; init; }
    /// <summary>Channel → the key of the assumptions file that set its unit cost; a channel not here has the default (Socitm).</summary>
    public IReadOnlyDictionary<string, string> UnitCostKeys { get; init; } = new Dictionary<string, string>();
    /// <summary>
    /// The price year of each unit and hourly cost that has one, by input key ("unit_costs_gbp.phone",
    /// "officer_hourly_cost_gbp.default", "officer_hourly_cost_gbp.grades.PO1"): such a cost is uprated to each month's
    /// prices with <see cref="Deflators"/> (METHOD.md v2, Real prices). A key not here is in the prices of the months it
    /// values.
    /// </summary>
    public IReadOnlyDictionary<string, FinancialYear> PriceYears { get; init; } = new Dictionary<string, FinancialYear>();
    /// <summary>
    /// Which values the assumptions file set, by key below its level ("discount_rate", "adjustments.deadweight",
    /// "cashable.print", "officer_hourly_cost_gbp.default", "digital_channels", "suppression_threshold"), each with the full
    /// key that set it ("councils.W06000003.discount_rate"); a key not here has its built-in default, even where the file's
    /// value would equal it. Unit costs are in <see cref="UnitCostKeys"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> SetBy { get; init; } = new Dictionary<string, string>();
    /// <summary>The GDP deflator series that uprates costs with a price year; null when none was supplied.</summary>
    public DeflatorSeries? Deflators { get; init; }
    /// <summary>The channels counted as digital.</summary>
    public required IReadOnlyList<string> DigitalChannels { get; init; }
    /// <summary>Officer hourly cost, salary plus on-costs, for grades without their own rate.</summary>
    public required decimal HourlyCostDefault { get; init; }
    /// <summary>
    /// False when the file gives no officer_hourly_cost_gbp.default (then <see cref="HourlyCostDefault"/> is 0 and must
    /// not be used).
    /// </summary>
    public bool HasHourlyCostDefault { get; init; } = true;
    /// <summary>Officer hourly cost by grade.</summary>
    public required IReadOnlyDictionary<string, decimal> HourlyCostByGrade { get; init; }
    /// <summary>The annual discount rate r for the NPV (0.035 is 3.5%).</summary>
    public required decimal DiscountRate { get; init; }
    /// <summary>Deadweight, attribution and optimism bias.</summary>
    public required Adjustments Adjustments { get; init; }
    /// <summary>Whether each line counts as cashable.</summary>
    public required IReadOnlyDictionary<BenefitLine, bool> Cashable { get; init; }
    /// <summary>Counts below this are shown as "&lt;N" in outputs shared beyond one council.</summary>
    public required int SuppressionThreshold { get; init; }
    /// <summary>For a consortium report: equal, population or usage; null for a council outside one.</summary>
    public string? Apportionment { get; init; }
    /// <summary>
    /// For a consortium report: where the members' populations come from and their year
    /// (<c>consortia.{id}.population_source</c>); null when not said.
    /// </summary>
    public string? PopulationSource { get; init; }
}
