using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Analytics.Counterfactual;

/// <summary>
/// METHOD.md v2, "Estimated deadweight": the counterfactual's channel-shift benefit (each month's
/// total volume at the counterfactual mix against the baseline mix) divided by the observed
/// channel-shift benefit, over the months after go-live in the period.
/// </summary>
internal sealed class ShiftValuation
{
    private readonly ServiceSeries _series;
    private readonly IReadOnlyDictionary<string, decimal> _unitCosts;
    private readonly Dictionary<string, double> _preShares;
    private readonly double _baselineMixCost;

    private ShiftValuation(ServiceSeries series, IReadOnlyDictionary<string, decimal> unitCosts, Dictionary<string, double> preShares,
        double baselineMixCost)
    {
        _series = series; _unitCosts = unitCosts; _preShares = preShares; _baselineMixCost = baselineMixCost;
    }

    /// <summary>Null with a reason where a unit cost is missing or the baseline holds no transactions.</summary>
    public static (ShiftValuation? Valuation, Phrase? Refused) Create(
        ServiceSeries series, IReadOnlyDictionary<string, decimal> unitCosts, Month baselineFrom, Month baselineTo, IReadOnlyList<Month> pre)
    {
        double volume = 0, cost = 0;
        foreach (var m in Month.Range(baselineFrom, baselineTo))
            foreach (var (ch, v) in series.Channels(m))
            {
                if (!unitCosts.TryGetValue(ch, out var u))
                    return (null, Phrase.Of("refused.no_unit_cost_baseline", $"no unit cost for channel '{ch}' in the baseline", ("channel", ch)));
                volume += v; cost += v * (double)u;
            }
        if (volume <= 0)
            return (null, Phrase.Of("refused.baseline_empty",
                $"the baseline {baselineFrom} to {baselineTo} holds no transactions, so there is no baseline mix to value the shift against",
                ("from", baselineFrom), ("to", baselineTo)));
        // The counterfactual splits its offline and digital volumes over channels as the last year before go-live did.
        var shares = series.GroupShares(pre.Skip(Math.Max(0, pre.Count - 12)));
        foreach (var ch in shares.Keys)
            if (!unitCosts.ContainsKey(ch)) return (null, Phrase.Of("refused.no_unit_cost", $"no unit cost for channel '{ch}'", ("channel", ch)));
        return (new ShiftValuation(series, unitCosts, shares, cost / volume), null);
    }

    /// <summary>Observed channel-shift benefit (£) over the months: Σ V_m × (baseline mix cost − actual mix cost).</summary>
    public double Observed(IReadOnlyList<Month> post)
    {
        var total = 0.0;
        foreach (var m in post)
        {
            double volume = 0, cost = 0;
            foreach (var (ch, v) in _series.Channels(m))
            {
                if (!_unitCosts.TryGetValue(ch, out var u)) continue;
                volume += v; cost += v * (double)u;
            }
            total += volume * _baselineMixCost - cost;
        }
        return total;
    }

    /// <summary>The counterfactual's channel-shift benefit: each month's observed total at the projected offline/digital split.</summary>
    public double Counterfactual(IReadOnlyList<Month> post, double[] offline, double[] digital) => For(post).Benefit(offline, digital);

    /// <summary>
    /// The counterfactual's valuation over fixed months, with the months' observed totals and the groups' unit costs
    /// looked up once: the bootstrap values hundreds of projections over the same months.
    /// </summary>
    public CounterfactualValuation For(IReadOnlyList<Month> post)
    {
        double offlineCost = 0, digitalCost = 0;
        foreach (var (ch, s) in _preShares)
            if (_series.IsDigital(ch)) digitalCost += s * (double)_unitCosts[ch]; else offlineCost += s * (double)_unitCosts[ch];
        var volumes = new double[post.Count];
        for (var i = 0; i < post.Count; i++) volumes[i] = _series.Offline(post[i]) + _series.Digital(post[i]);
        return new CounterfactualValuation(volumes, _baselineMixCost, offlineCost, digitalCost);
    }
}

/// <summary>See <see cref="ShiftValuation.For"/>.</summary>
internal sealed class CounterfactualValuation(double[] volumes, double baselineMixCost, double offlineCost, double digitalCost)
{
    /// <summary>Σ observed total × (baseline mix cost − the projected split's cost), over months with a projected volume.</summary>
    public double Benefit(double[] offline, double[] digital)
    {
        var total = 0.0;
        for (var i = 0; i < volumes.Length; i++)
        {
            var projected = offline[i] + digital[i];
            if (projected <= 0) continue;
            var mixCost = (offline[i] * offlineCost + digital[i] * digitalCost) / projected;
            total += volumes[i] * (baselineMixCost - mixCost);
        }
        return total;
    }
}
