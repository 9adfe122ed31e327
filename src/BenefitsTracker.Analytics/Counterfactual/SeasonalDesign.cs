using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Analytics.Counterfactual;

/// <summary>
/// The features of the count model for a month: the trend (months since the first pre-go-live month,
/// scaled to 0..1 over the pre-period, as ML.NET's L-BFGS wants normalised features) and the month of
/// the year. With two years or more before go-live, eleven month-of-year indicators (13 parameters,
/// each month seen at least twice). With 12 to 23 months, one yearly harmonic (a sine and a cosine:
/// 4 parameters): each month of the year is seen once or twice, and a model with more seasonal terms
/// than that fits the pre-period almost exactly, so that its refits on resampled months swing wildly
/// and its projection with them (docs/method.md, "Reading the estimates").
/// </summary>
internal sealed class SeasonalDesign
{
    /// <summary>Fewest months before go-live for month-of-year indicators rather than one harmonic.</summary>
    public const int MonthsForIndicators = 24;

    private readonly Month _first;
    private readonly double _span;
    private readonly bool _indicators;

    public SeasonalDesign(Month first, int monthsBefore)
    {
        _first = first;
        _span = Math.Max(1, monthsBefore - 1);
        _indicators = monthsBefore >= MonthsForIndicators;
    }

    /// <summary>Features, not counting the intercept.</summary>
    public int Width => _indicators ? 12 : 3;

    public string Describe() => _indicators
        ? "Poisson regression (ML.NET L-BFGS) of monthly counts on a linear trend and 11 month-of-year indicators"
        : $"Poisson regression (ML.NET L-BFGS) of monthly counts on a linear trend and one yearly harmonic (fewer than {MonthsForIndicators} " +
            $"months before go-live support no more seasonal terms)";

    public double[] Row(Month m)
    {
        var x = new double[Width];
        x[0] = (m.Index - _first.Index) / _span;
        if (_indicators)
        {
            if (m.Number > 1) x[m.Number - 1] = 1; // January is the reference month
        }
        else
        {
            var angle = 2 * Math.PI * (m.Number - 1) / 12;
            x[1] = Math.Sin(angle); x[2] = Math.Cos(angle);
        }
        return x;
    }
}
