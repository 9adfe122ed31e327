using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Assumptions;

/// <summary>Accumulates layers over the defaults: dictionaries merge key by key, scalars and lists replace.</summary>
internal sealed class EffectiveAssumptions(DeflatorSeries? deflators = null)
{
    private readonly DeflatorSeries? _deflators = deflators;
    private readonly Dictionary<string, decimal> _unitCosts = new(AssumptionDefaults.UnitCosts, StringComparer.Ordinal);
    /// <summary>
    /// For each unit cost the file sets, the key that set it last ("councils.W06000003.unit_costs_gbp.phone"); absent:
    /// the default.
    /// </summary>
    private readonly Dictionary<string, string> _unitCostKeys = new(StringComparer.Ordinal);
    /// <summary>
    /// The price year of each money value in effect, by input key; absent: in the prices of the months it values. The
    /// defaults carry Socitm's; a level that sets a value sets its price year with it (or none).
    /// </summary>
    private readonly Dictionary<string, FinancialYear> _priceYears =
        AssumptionDefaults.UnitCosts.Keys.ToDictionary(InputKeys.UnitCost, _ => AssumptionDefaults.UnitCostPriceYear, StringComparer.Ordinal);
    /// <summary>
    /// For every other value a level of the file sets, by its key below the level ("discount_rate", "adjustments.deadweight",
    /// "cashable.print"), the full key that set it last ("councils.W06000003.discount_rate"); absent: the default.
    /// </summary>
    private readonly Dictionary<string, string> _setBy = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _digitalChannels = AssumptionDefaults.DigitalChannels;
    private decimal? _hourlyDefault;
    private readonly Dictionary<string, decimal> _grades = new(StringComparer.Ordinal);
    private decimal _discountRate = AssumptionDefaults.DiscountRate;
    private decimal _deadweight = AssumptionDefaults.Adjustments.Deadweight;
    private bool _deadweightEstimated;
    private decimal _attribution = AssumptionDefaults.Adjustments.Attribution;
    private decimal _optimismBias = AssumptionDefaults.Adjustments.OptimismBias;
    private readonly Dictionary<BenefitLine, bool> _cashable = new(AssumptionDefaults.Cashable);
    private int _suppressionThreshold = AssumptionDefaults.SuppressionThreshold;
    private KpiTargets? _targets;
    private string? _owner;
    private string? _name;

    /// <summary>Applies one layer; <paramref name="prefix"/> is where it sits in the file ("", "councils.W06000003.", "services.bins.").</summary>
    public void Apply(AssumptionLayer layer, string prefix = "")
    {
        if (layer.UnitCosts is { } costs)
            foreach (var (k, v) in costs)
            {
                _unitCosts[k] = v;
                _unitCostKeys[k] = $"{prefix}unit_costs_gbp.{k}";
            }
        if (layer.PriceYears is { } years)
            foreach (var (key, year) in years)
                if (year is { } y) _priceYears[key] = y; else _priceYears.Remove(key);
        void Set(string key) => _setBy[key] = prefix + key;
        if (layer.DigitalChannels is { } digital) { _digitalChannels = digital; Set("digital_channels"); }
        if (layer.HourlyCostDefault is not null) Set(InputKeys.HourlyDefault);
        if (layer.DiscountRate is not null) Set("discount_rate");
        if (layer.Deadweight is not null || layer.DeadweightEstimated is not null) Set(InputKeys.Deadweight);
        if (layer.Attribution is not null) Set(InputKeys.Attribution);
        if (layer.OptimismBias is not null) Set(InputKeys.OptimismBias);
        if (layer.OptimismBiasCosts is not null) Set(InputKeys.OptimismBiasCosts);
        if (layer.Cashable is { } lines) foreach (var line in lines.Keys) Set("cashable." + line.Key());
        if (layer.SuppressionThreshold is not null) Set("suppression_threshold");
        if (layer.HourlyCostDefault is { } hourly) _hourlyDefault = hourly;
        if (layer.HourlyCostByGrade is { } grades) foreach (var (k, v) in grades) _grades[k] = v;
        if (layer.DiscountRate is { } rate) _discountRate = rate;
        if (layer.Deadweight is { } d) _deadweight = d;
        if (layer.DeadweightEstimated is { } estimated) _deadweightEstimated = estimated;
        if (layer.Attribution is { } a) _attribution = a;
        if (layer.OptimismBias is { } o) _optimismBias = o;
        if (layer.Cashable is { } flags) foreach (var (k, v) in flags) _cashable[k] = v;
        if (layer.SuppressionThreshold is { } threshold) _suppressionThreshold = threshold;
        if (layer.Targets is { } t)
            _targets = _targets is not { } before ? t : new KpiTargets(
                t.CostPerTransaction ?? before.CostPerTransaction, t.DigitalTakeUp ?? before.DigitalTakeUp,
                t.CompletionRate ?? before.CompletionRate, t.UserSatisfaction ?? before.UserSatisfaction);
        if (layer.Owner is { } owner) _owner = owner;
        if (layer.Name is { } name) _name = name;
    }

    public ResolvedAssumptions ToResolved(string version, string sha256, string? apportionment) => new()
    {
        Version = version,
        Sha256 = sha256,
        UnitCosts = UnitCosts(),
        UnitCostKeys = new Dictionary<string, string>(_unitCostKeys, StringComparer.Ordinal),
        DigitalChannels = [.. _digitalChannels],
        HourlyCostDefault = _hourlyDefault ?? 0m,
        HasHourlyCostDefault = _hourlyDefault.HasValue,
        HourlyCostByGrade = Grades(),
        DiscountRate = _discountRate,
        Adjustments = new Adjustments(_deadweight, _attribution, _optimismBias),
        Cashable = Cashable(),
        SuppressionThreshold = _suppressionThreshold,
        Apportionment = apportionment,
        PriceYears = new Dictionary<string, FinancialYear>(_priceYears, StringComparer.Ordinal),
        Deflators = _deflators,
        SetBy = new Dictionary<string, string>(_setBy, StringComparer.Ordinal),
    };

    public ServiceAssumptions ToService((Month? GoLive, Month From, Month To, IReadOnlyList<BenefitLine> Lines) entry) => new()
    {
        GoLive = entry.GoLive?.ToString(),
        BaselineFrom = entry.From,
        BaselineTo = entry.To,
        Lines = entry.Lines,
        UnitCosts = UnitCosts(),
        UnitCostKeys = new Dictionary<string, string>(_unitCostKeys, StringComparer.Ordinal),
        DigitalChannels = [.. _digitalChannels],
        HourlyCostDefault = _hourlyDefault ?? 0m,
        HasHourlyCostDefault = _hourlyDefault.HasValue,
        HourlyCostByGrade = Grades(),
        Adjustments = new Adjustments(_deadweight, _attribution, _optimismBias),
        DeadweightEstimated = _deadweightEstimated,
        Cashable = Cashable(),
        Targets = _targets is { IsEmpty: false } ? _targets : null,
        Owner = _owner,
        Name = _name,
        PriceYears = new Dictionary<string, FinancialYear>(_priceYears, StringComparer.Ordinal),
        Deflators = _deflators,
        SetBy = new Dictionary<string, string>(_setBy, StringComparer.Ordinal),
    };

    /// <summary>Unit costs in channel display order.</summary>
    private OrderedDictionary<string, decimal> UnitCosts()
    {
        var result = new OrderedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var channel in _unitCosts.Keys.OrderBy(Channels.Order).ThenBy(c => c, StringComparer.Ordinal))
            result.Add(channel, _unitCosts[channel]);
        return result;
    }

    private OrderedDictionary<string, decimal> Grades()
    {
        var result = new OrderedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var grade in _grades.Keys.Order(StringComparer.Ordinal)) result.Add(grade, _grades[grade]);
        return result;
    }

    /// <summary>All five lines; avoidable contact always takes channel shift's flag (METHOD.md line 4).</summary>
    private OrderedDictionary<BenefitLine, bool> Cashable()
    {
        var result = new OrderedDictionary<BenefitLine, bool>();
        foreach (var line in BenefitLines.All)
            result.Add(line, line == BenefitLine.AvoidableContact ? _cashable[BenefitLine.ChannelShift] : _cashable[line]);
        return result;
    }
}
