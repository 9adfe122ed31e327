namespace BenefitsTracker.Analytics.Counterfactual;

/// <summary>Moving-block resampling of month positions, and the intervals drawn from replicates.</summary>
internal static class BlockBootstrap
{
    /// <summary>
    /// Fills <paramref name="result"/> with positions in 0..n-1, built from blocks of <paramref name="block"/>
    /// consecutive positions (wrapping round) with uniformly drawn starts.
    /// </summary>
    public static void Indices(int n, int block, SeededRandom random, int[] result)
    {
        var i = 0;
        while (i < result.Length)
        {
            var start = random.Next(n);
            for (var k = 0; k < block && i < result.Length; k++) result[i++] = (start + k) % n;
        }
    }

    /// <summary>
    /// The studentised (bootstrap-t) 95% interval: θ̂ − s·q(0.975) to θ̂ − s·q(0.025), where the pivots are each
    /// replicate's error divided by its own refit's residual scale, (θ* − θ̂) ÷ s*, and s is the data's scale.
    /// The spread of the months' noise is itself estimated from few months (11 degrees of freedom with 24 months
    /// and 13 parameters); dividing each replicate by its own estimate of it carries that uncertainty into the
    /// interval (as Student's t does for a mean), which a percentile interval of θ* leaves out: measured, the
    /// percentile intervals covered the truth in 86–90% of generated series against the nominal 95%.
    /// </summary>
    public static (double Low, double High) Studentised(double estimate, double scale, double[] pivots)
    {
        var sorted = pivots.Where(double.IsFinite).ToArray();
        if (sorted.Length == 0) return (estimate, estimate);
        Array.Sort(sorted);
        return (estimate - scale * Quantile(sorted, 0.975), estimate - scale * Quantile(sorted, 0.025));
    }

    /// <summary>
    /// A replicate's error over its residual scale. A series the model fits exactly (no noise at all) has scale 0 in
    /// the data and in every replicate, and no error either: its pivot is 0 (a zero-width interval), not 0 ÷ 0.
    /// </summary>
    public static double Pivot(double error, double scale) => scale > 0 ? error / scale : error == 0 ? 0 : double.NaN;

    /// <summary>
    /// The residual scale of a fit: √(Σ((y − ŷ) ÷ ŷ)² ÷ (n − p)), the month-to-month noise as a share of the
    /// fitted volume, with the p parameters fitted charged.
    /// </summary>
    public static double Scale(double[] observed, double[] fitted, int parameters)
    {
        var sum = 0.0;
        for (var i = 0; i < observed.Length; i++)
        {
            var r = (observed[i] - fitted[i]) / fitted[i];
            sum += r * r;
        }
        return Math.Sqrt(sum / Math.Max(1, observed.Length - parameters));
    }

    /// <summary>
    /// The percentile interval: the 2.5% and 97.5% points of the replicates (linear interpolation
    /// between order statistics). Not the basic interval (2θ̂ − q(0.975) to 2θ̂ − q(0.025)): that one
    /// mirrors the replicates' skew about the estimate, so a few refits that project far too much
    /// offline volume threw its far end out by billions on 12 months of data; the percentile interval
    /// keeps the skew on the side the replicates put it, and stays within what the refits produced.
    /// </summary>
    public static (double Low, double High) Percentile(double[] replicates)
    {
        var sorted = (double[])replicates.Clone();
        Array.Sort(sorted);
        return (Quantile(sorted, 0.025), Quantile(sorted, 0.975));
    }

    private static double Quantile(double[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>
    /// Residual ratios y/ŷ of a fit, widened by √(n/(n−p)) (a fit with p parameters leaves residuals
    /// smaller than the noise) and rescaled to average 1.
    /// </summary>
    public static double[] Ratios(double[] observed, double[] fitted, int parameters)
    {
        var n = observed.Length;
        var widen = Math.Sqrt(n / (double)Math.Max(1, n - parameters));
        var ratios = new double[n];
        for (var i = 0; i < n; i++) ratios[i] = Math.Max(0.01, 1 + widen * (observed[i] / fitted[i] - 1));
        var mean = ratios.Average();
        for (var i = 0; i < n; i++) ratios[i] /= mean;
        return ratios;
    }

    /// <summary>
    /// The extra-Poisson part α of a count's relative noise variance (variance = μ + α·μ², the negative binomial's
    /// form): the residual scale squared less the Poisson part, the mean of 1/μ over the fitted months; never below 0.
    /// </summary>
    public static double ExtraPoisson(double scale, double[] fitted)
    {
        var poisson = 0.0;
        foreach (var f in fitted) poisson += 1 / Math.Max(f, 1e-9);
        return Math.Max(0, scale * scale - poisson / fitted.Length);
    }

    /// <summary>
    /// Root mean square of the residual ratios' departures from 1: what a drawn ratio's (ratio − 1) is divided by to standardise it.
    /// </summary>
    public static double Spread(double[] ratios)
    {
        var sum = 0.0;
        foreach (var r in ratios) sum += (r - 1) * (r - 1);
        return Math.Sqrt(sum / ratios.Length);
    }

    /// <summary>
    /// How many consecutive months to resample together: single months where the residual ratios show no
    /// positive lag-1 autocorrelation beyond chance (above 2/√n), else <paramref name="block"/>. Blocks keep runs
    /// of high or low months together where the noise has them; where it has none they cost coverage: on
    /// generated series with independent months, blocks of 3 gave 95% intervals that covered 91% of 600 true
    /// effects, single months 95.0% (time series) and 94.2% (peers) (docs/method.md, "Uncertainty").
    /// </summary>
    public static int BlockLength(double[] ratios, int block)
    {
        var n = ratios.Length;
        var mean = ratios.Average();
        double lag0 = 0, lag1 = 0;
        for (var i = 0; i < n; i++)
        {
            lag0 += (ratios[i] - mean) * (ratios[i] - mean);
            if (i > 0) lag1 += (ratios[i] - mean) * (ratios[i - 1] - mean);
        }
        return lag0 > 0 && lag1 / lag0 > 2 / Math.Sqrt(n) ? block : 1;
    }

    /// <summary>The sentence's opening on what is resampled: single months or blocks.</summary>
    public static string Unit(int block, int requested) => block == 1
        ? $"single months (their residuals show no autocorrelation beyond chance; blocks of {requested} where they do)"
        : $"blocks of {block} consecutive months (their residuals are autocorrelated)";
}
