namespace BenefitsTracker.Core.Method;

/// <summary>
/// METHOD.md v2, Optimism bias on costs: C × (1 + optimism_bias_costs), month by month, before net, ROI,
/// payback and NPV. The cost lines themselves (the working) stay as recorded.
/// </summary>
internal static class CostUplift
{
    public static void Apply(MonthFigures[] months, decimal optimismBiasCosts)
    {
        // At 0 nothing is multiplied, so every figure stays exactly as without the key.
        if (optimismBiasCosts == 0m) return;
        var factor = 1m + optimismBiasCosts;
        foreach (var figures in months) figures.Costs *= factor;
    }
}
