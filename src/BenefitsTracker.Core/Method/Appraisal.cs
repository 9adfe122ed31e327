using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>METHOD.md, Adjustments and appraisal: from gross benefit to adjusted, net, ROI, BCR, payback and NPV.</summary>
public static class Appraisal
{
    /// <summary>Adjusted = G × (1 − deadweight) × attribution × (1 − optimism bias), applied line by line and month by month.</summary>
    public static decimal Adjust(decimal gross, Adjustments adjustments) => gross * adjustments.Factor;

    /// <summary>ROI = net / C; null (undefined, not infinite) when C = 0.</summary>
    public static decimal? Roi(decimal net, decimal costs) => costs == 0m ? null : net / costs;

    /// <summary>Benefit-cost ratio = adjusted / C; null when C = 0.</summary>
    public static decimal? Bcr(decimal adjusted, decimal costs) => costs == 0m ? null : adjusted / costs;

    /// <summary>The first month whose cumulative (adjusted − cost) is at least zero; null if none is.</summary>
    public static Month? PaybackMonth(IEnumerable<(Month Month, decimal Net)> months)
    {
        var cumulative = 0m;
        foreach (var (month, net) in months)
        {
            cumulative += net;
            if (cumulative >= 0m) return month;
        }
        return null;
    }

    /// <summary>
    /// (1 + r)^y with y = floor(t / 12) for the t-th month of P counted from 0 (Green Book annual
    /// discounting), by repeated decimal multiplication so that it is exact.
    /// </summary>
    public static decimal DiscountDivisor(decimal rate, int monthIndex)
    {
        var divisor = 1m;
        for (var y = 0; y < monthIndex / 12; y++) divisor *= 1m + rate;
        return divisor;
    }

    /// <summary>NPV = Σ_t (adjusted_t − cost_t) / (1 + r)^floor(t/12).</summary>
    public static decimal Npv(IReadOnlyList<decimal> monthlyNet, decimal rate)
    {
        var npv = 0m;
        for (var t = 0; t < monthlyNet.Count; t++) npv += monthlyNet[t] / DiscountDivisor(rate, t);
        return npv;
    }
}
