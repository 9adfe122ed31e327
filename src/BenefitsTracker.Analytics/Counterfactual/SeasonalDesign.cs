using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Analytics.Counterfactual;

/// <summary>
/// The features of the count model for a month: the trend (months since the first pre-go-live month,
/// scaled to 0..1 over the pre-period, as ML.NET's L-BFGS wants normalised features) and the month of
/// the year: eleven indicators when there are two years or more before go-live, else two pairs of
/// sine and cosine (12 to 23 months cannot fit twelve month effects and a trend).
/// </summary>
internal sealed class SeasonalDesign
{
    private readonly Month _first;
    private readonly double _span;
    private readonly bool _indicators;

    public SeasonalDesign(Month first, int monthsBefore)
    {
        _first = first;
        _span = Math.Max(1, monthsBefore - 1);
        _indicators = monthsBefore >= 24;
    }

    /// <summary>Features, not counting the intercept.</summary>
    public int Width => _indicators ? 12 : 5;

    public string Describe() => _indicators
        ? "Poisson regression (ML.NET L-BFGS) of monthly counts on a linear trend and 11 month-of-year indicators"
        : "Poisson regression (ML.NET L-BFGS) of monthly counts on a linear trend and two yearly harmonics";

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
            x[3] = Math.Sin(2 * angle); x[4] = Math.Cos(2 * angle);
        }
        return x;
    }
}
