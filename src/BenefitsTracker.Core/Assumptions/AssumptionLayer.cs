using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Assumptions;

/// <summary>
/// The overridable values as written at one level of the file (top level, a council or a service);
/// null means "not given here". Layers are applied in order top → council → service: dictionaries
/// merge key by key, scalars and lists replace.
/// </summary>
internal sealed record AssumptionLayer
{
    public IReadOnlyDictionary<string, decimal>? UnitCosts { get; init; }
    public IReadOnlyList<string>? DigitalChannels { get; init; }
    public decimal? HourlyCostDefault { get; init; }
    public IReadOnlyDictionary<string, decimal>? HourlyCostByGrade { get; init; }
    /// <summary>
    /// For each money value this level sets (by input key: "unit_costs_gbp.phone", "officer_hourly_cost_gbp.default"),
    /// its price year, or null where it is in the prices of the months it values.
    /// </summary>
    public IReadOnlyDictionary<string, FinancialYear?>? PriceYears { get; init; }
    public decimal? DiscountRate { get; init; }
    public decimal? Deadweight { get; init; }
    /// <summary>
    /// True where the level says <c>"deadweight": "estimated"</c> (the engine uses the counterfactual
    /// estimate, docs/method.md), false where it gives a number; null where it says neither.
    /// </summary>
    public bool? DeadweightEstimated { get; init; }
    public decimal? Attribution { get; init; }
    public decimal? OptimismBias { get; init; }
    /// <summary>Uplift on costs, (1 + value), Green Book style; council or top level only.</summary>
    public decimal? OptimismBiasCosts { get; init; }
    /// <summary>Only the lines the file names (channel_shift, officer_time, print, postage).</summary>
    public IReadOnlyDictionary<BenefitLine, bool>? Cashable { get; init; }
    public int? SuppressionThreshold { get; init; }
    /// <summary>KPI targets (services and a council's own service entries only); merged target by target.</summary>
    public KpiTargets? Targets { get; init; }
    /// <summary>The benefits' owner (services and a council's own service entries only).</summary>
    public string? Owner { get; init; }
    /// <summary>The service's name as readers know it (services and a council's own service entries only).</summary>
    public string? Name { get; init; }

    public static readonly AssumptionLayer Empty = new();
}
