using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>Assumptions as they apply to one service after council and service overrides.</summary>
public sealed record ServiceAssumptions
{
    /// <summary>The go-live month (YYYY-MM), or null where this council has not launched the service (no channel shift is counted).</summary>
    public required string? GoLive { get; init; }
    /// <summary>The first month of the baseline B.</summary>
    public required Month BaselineFrom { get; init; }
    /// <summary>The last month of the baseline B.</summary>
    public required Month BaselineTo { get; init; }
    /// <summary>The lines counted for the service (METHOD.md: a line can be switched off to avoid counting a saving twice).</summary>
    public required IReadOnlyList<BenefitLine> Lines { get; init; }
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
    /// <summary>Deadweight, attribution and optimism bias.</summary>
    public required Adjustments Adjustments { get; init; }
    /// <summary>
    /// True where the file says <c>"deadweight": "estimated"</c> for this council and service. Then
    /// <see cref="Adjustments"/>' deadweight is the estimate where one was supplied
    /// (<see cref="AssumptionSet.WithDeadweightEstimates"/>), else the assumed number, and
    /// <see cref="DeadweightSource"/> says which.
    /// </summary>
    public bool DeadweightEstimated { get; init; }
    /// <summary>
    /// Where the deadweight came from, in plain English, when it was asked to be estimated ("estimated
    /// by the comparison with peers: 4.2%", or why the assumed value stands); null for an assumed number.
    /// </summary>
    public string? DeadweightSource { get; init; }
    /// <summary><see cref="DeadweightSource"/> as a <see cref="Phrase"/> (its English is the same), for a report in another language.</summary>
    public Phrase? DeadweightBasis { get; init; }
    /// <summary>Whether each line counts as cashable.</summary>
    public required IReadOnlyDictionary<BenefitLine, bool> Cashable { get; init; }
    /// <summary>The service's KPI targets (<c>targets</c>), null when none is set.</summary>
    public KpiTargets? Targets { get; init; }
    /// <summary>Who owns the service's benefits (<c>owner</c>, for the benefits register), null when not named.</summary>
    public string? Owner { get; init; }
    /// <summary>
    /// The service's name as readers know it (<c>name</c>: "Garden waste subscriptions"), null when not given (outputs
    /// make one from the slug).
    /// </summary>
    public string? Name { get; init; }
}
