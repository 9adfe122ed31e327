using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Analytics.Counterfactual;

/// <summary>What both methods need about one council's service: its months before and after go-live, and how to value a shift.</summary>
internal sealed record EstimateInput(
    string Council,
    string Service,
    Month GoLive,
    ServiceSeries Series,
    IReadOnlyList<Month> Pre,
    IReadOnlyList<Month> Post,
    ShiftValuation Valuation,
    ulong Seed)
{
    /// <summary>
    /// Variance of the council's own month-to-month noise (relative, squared) about its time series fit before
    /// go-live; NaN where there is none. The comparison with peers splits its noise between council and peers by it.
    /// </summary>
    public double OwnNoiseVariance { get; init; } = double.NaN;

    public double[] PreOffline => [.. Pre.Select(Series.Offline)];
    public double[] PreDigital => [.. Pre.Select(Series.Digital)];
}

/// <summary>A method's figures before they are rounded into the result model.</summary>
internal sealed record RawEstimate(
    double Effect, (double Low, double High) EffectCi,
    double? Deadweight, (double Low, double High)? DeadweightCi,
    IReadOnlyList<Month> Post,
    double[] PreFitted, double[] Projected, (double Low, double High)[] Band,
    string Model, string Resampling);

/// <summary>Goodness of fit against the flat mean, with the fit's parameters charged (adjusted R² above zero).</summary>
internal static class FitCheck
{
    public static bool BeatsFlatMean(double[] observed, double[] fitted, int parameters)
    {
        var n = observed.Length;
        if (n - parameters <= 0) return false;
        var mean = observed.Average();
        double sseModel = 0, sseFlat = 0;
        for (var i = 0; i < n; i++)
        {
            sseModel += (observed[i] - fitted[i]) * (observed[i] - fitted[i]);
            sseFlat += (observed[i] - mean) * (observed[i] - mean);
        }
        if (sseFlat == 0) return sseModel == 0;
        return sseModel / (n - parameters) < sseFlat / (n - 1);
    }
}
