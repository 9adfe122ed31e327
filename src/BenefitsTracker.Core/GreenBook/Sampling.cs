using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Method;

namespace BenefitsTracker.Core.GreenBook;

/// <summary>
/// Draws from the assumptions' distributions with the seeded SplitMix64 generator, so that the same
/// seed gives the same draws on every machine. A distribution of zero width always gives its one value.
/// </summary>
internal static class Sampling
{
    /// <summary>A double in (0, 1): 53 random bits, never 0 (the logarithm below needs that).</summary>
    private static double Unit(SplitMix64 random) => ((random.Next() >> 11) + 0.5) / 9007199254740992.0;

    public static decimal Draw(InputDistribution d, SplitMix64 random)
    {
        if (d.Low == d.High) return d.Low;
        double low = (double)d.Low, high = (double)d.High;
        switch (d.Kind)
        {
            case DistributionKind.Uniform:
                return ToDecimal(low + (high - low) * Unit(random), d);
            case DistributionKind.Triangular:
            {
                // Inverse of the triangular distribution's CDF.
                var mode = (double)d.Mode;
                var u = Unit(random);
                var split = (mode - low) / (high - low);
                var x = u < split
                    ? low + Math.Sqrt(u * (high - low) * (mode - low))
                    : high - Math.Sqrt((1 - u) * (high - low) * (high - mode));
                return ToDecimal(x, d);
            }
            default:
            {
                if (d.Sd == 0m) return d.Mean;
                // Box–Muller, redrawn until inside the bounds (at most 1,000 tries, then the nearer bound).
                for (var attempt = 0; attempt < 1000; attempt++)
                {
                    var z = Math.Sqrt(-2 * Math.Log(Unit(random))) * Math.Cos(2 * Math.PI * Unit(random));
                    var x = (double)d.Mean + (double)d.Sd * z;
                    if (x >= low && x <= high) return ToDecimal(x, d);
                }
                return d.Mean;
            }
        }
    }

    private static decimal ToDecimal(double x, InputDistribution d) => Math.Clamp((decimal)x, d.Low, d.High);
}
