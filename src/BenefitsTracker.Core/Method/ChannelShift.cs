using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// METHOD.md line 1, channel shift: what this month's transactions would have cost at the baseline
/// channel mix, less what they cost at the actual mix.
/// </summary>
public static class ChannelShift
{
    /// <summary>
    /// The baseline mix kept as an exact fraction: Σ_ch V_B(ch)·u(ch) over Σ V_B. Keeping the two
    /// sums (rather than rounded shares s(ch)) means the counterfactual is exact in decimal.
    /// </summary>
    public readonly record struct BaselineMix(decimal Cost, long Volume)
    {
        /// <summary>Σ s(ch)·u(ch): the cost of an average baseline transaction; 0 when the baseline has none.</summary>
        public decimal UnitCost => Volume == 0 ? 0m : Cost / Volume;
    }

    /// <summary>
    /// The baseline mix of <paramref name="baselineVolumes"/> (completed transactions in B by channel), each channel
    /// costed by <paramref name="unitCost"/>.
    /// </summary>
    public static BaselineMix Mix(IReadOnlyDictionary<string, long> baselineVolumes, Func<string, decimal> unitCost)
    {
        var cost = 0m;
        var volume = 0L;
        foreach (var (channel, count) in baselineVolumes)
        {
            if (count == 0) continue;
            cost += count * unitCost(channel);
            volume += count;
        }
        return new BaselineMix(cost, volume);
    }

    /// <summary>counterfactual_m = (Σ_ch V_m(ch)) × Σ_ch V_B(ch)·u(ch) / Σ V_B.</summary>
    public static decimal Counterfactual(long monthVolume, BaselineMix mix) =>
        mix.Volume == 0 ? 0m : monthVolume * mix.Cost / mix.Volume;

    /// <summary>actual_m = Σ_ch V_m(ch)·u(ch). A channel unused in the baseline still has its cost here (its share s is 0).</summary>
    public static decimal Actual(IReadOnlyDictionary<string, long> monthVolumes, Func<string, decimal> unitCost)
    {
        var cost = 0m;
        foreach (var (channel, count) in monthVolumes)
            if (count != 0) cost += count * unitCost(channel);
        return cost;
    }

    /// <summary>benefit_m = counterfactual_m − actual_m; zero when the baseline has no transactions to form a mix.</summary>
    public static decimal Benefit(IReadOnlyDictionary<string, long> monthVolumes, BaselineMix mix, Func<string, decimal> unitCost)
    {
        if (mix.Volume == 0) return 0m;
        var volume = 0L;
        foreach (var count in monthVolumes.Values) volume += count;
        return Counterfactual(volume, mix) - Actual(monthVolumes, unitCost);
    }

    /// <summary>
    /// The line month by month over P: benefit_m for each month's completed transactions by channel,
    /// in P's order; zero in every month when the line is switched off for the service.
    /// </summary>
    /// <remarks>
    /// The baseline mix is costed in each month's prices (<paramref name="unitCostIn"/> gives the unit costs of P's i-th
    /// month): with a cost given in its price year, the counterfactual and the actual are both uprated to the month.
    /// </remarks>
    internal static decimal[] ByMonth(
        bool enabled, IReadOnlyList<IReadOnlyDictionary<string, long>> monthVolumes, IReadOnlyDictionary<string, long> baselineVolumes,
        Func<int, Func<string, decimal>> unitCostIn)
    {
        var values = new decimal[monthVolumes.Count];
        if (!enabled) return values;
        for (var i = 0; i < values.Length; i++)
        {
            var unitCost = unitCostIn(i);
            values[i] = Benefit(monthVolumes[i], Mix(baselineVolumes, unitCost), unitCost);
        }
        return values;
    }

    /// <summary>Channels listed in report order.</summary>
    internal static IEnumerable<string> InOrder(IEnumerable<string> channels) =>
        channels.Distinct(StringComparer.Ordinal).OrderBy(Channels.Order).ThenBy(c => c, StringComparer.Ordinal);
}
