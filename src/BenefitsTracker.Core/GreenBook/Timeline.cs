using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;

namespace BenefitsTracker.Core.GreenBook;

/// <summary>
/// The appraisal's months: the observed months of P (t = 0 .. |P|−1), then the projected months up to
/// <c>appraisal_years</c> from the start of P (METHOD.md v2, Horizon). Month t is discounted by
/// (1 + r)^floor(t / 12), observed or projected alike.
/// </summary>
internal sealed class Timeline
{
    public Timeline(Month from, int observed, int? years, decimal discountRate, decimal dropOff)
    {
        From = from;
        Observed = observed;
        Projected = years is { } y ? Math.Max(0, y * 12 - observed) : 0;
        Window = Math.Min(12, observed);
        DiscountFactors = new decimal[Observed + Projected];
        for (var t = 0; t < DiscountFactors.Length; t++) DiscountFactors[t] = 1m / Appraisal.DiscountDivisor(discountRate, t);
        DropOffFactors = new decimal[Projected];
        var factor = 1m;
        for (var j = 0; j < Projected; j++)
        {
            // (1 − drop-off)^k in projected year k = 1, 2, ...: one more multiplication at the start of each year.
            if (j % 12 == 0) factor *= 1m - dropOff;
            DropOffFactors[j] = factor;
        }
        var weight = 0m;
        for (var j = 0; j < Projected; j++) weight += DiscountFactors[Observed + j] * DropOffFactors[j];
        ProjectedDiscountedWeight = weight;
    }

    public Month From { get; }
    public int Observed { get; }
    public int Projected { get; }
    /// <summary>How many of the last observed months a projection averages: 12, or all of P when shorter.</summary>
    public int Window { get; }
    public decimal[] DiscountFactors { get; }
    /// <summary>(1 − drop-off)^k for each projected month j (k = j / 12 + 1).</summary>
    public decimal[] DropOffFactors { get; }
    /// <summary>Σ over projected months of discount factor × drop-off factor: what one pound of last-12-month mean adds to the NPV.</summary>
    public decimal ProjectedDiscountedWeight { get; }

    public Month MonthAt(int t) => From.AddMonths(t);

    /// <summary>Mean of the last <see cref="Window"/> observed values (0 when P is empty).</summary>
    public decimal RecentMean(Func<int, decimal> observed)
    {
        if (Window == 0) return 0m;
        var sum = 0m;
        for (var t = Observed - Window; t < Observed; t++) sum += observed(t);
        return sum / Window;
    }
}
