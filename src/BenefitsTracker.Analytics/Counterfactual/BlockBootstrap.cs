namespace BenefitsTracker.Analytics.Counterfactual;

/// <summary>Moving-block resampling of month positions, and the intervals drawn from replicates.</summary>
internal static class BlockBootstrap
{
    /// <summary>
    /// <paramref name="length"/> positions in 0..n-1, built from blocks of <paramref name="block"/>
    /// consecutive positions (wrapping round) with uniformly drawn starts.
    /// </summary>
    public static int[] Indices(int n, int length, int block, SeededRandom random)
    {
        var result = new int[length];
        var i = 0;
        while (i < length)
        {
            var start = random.Next(n);
            for (var k = 0; k < block && i < length; k++) result[i++] = (start + k) % n;
        }
        return result;
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
}
