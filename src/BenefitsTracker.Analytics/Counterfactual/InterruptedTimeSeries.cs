using BenefitsTracker.Core.Model;
using Microsoft.ML;

namespace BenefitsTracker.Analytics.Counterfactual;

/// <summary>
/// The council's own months before go-live, projected past it (docs/method.md): a Poisson count model
/// of offline and of digital transactions on trend and month of year, fitted to the pre-go-live
/// months; the effect is observed minus projected offline transactions after go-live.
/// The projection reaches no further past go-live than the months it was fitted to
/// (<see cref="Horizon"/>): 12 months before go-live project 12 months after, not 24.
/// </summary>
internal static class InterruptedTimeSeries
{
    public static string Resampling(int block, int requested) =>
        $"{BlockBootstrap.Unit(block, requested)} of the pre-go-live fit's residual ratios (observed ÷ fitted): each resample rebuilds the " +
            $"pre-go-live months from them and refits, and draws the months after again around what was observed with a count's noise (Poisson " +
            $"and the extra the months before showed); studentised interval (each resample's error divided by its refit's residual scale)";

    /// <summary>
    /// How many months after go-live the projection covers: at most as many as were fitted before it.
    /// A trend learned over n months and carried further than n months ahead is a guess about a
    /// period longer than the evidence for it; the months beyond are left out of this method's estimate.
    /// </summary>
    public static int Horizon(int monthsBefore, int monthsAfter) => Math.Min(monthsBefore, monthsAfter);

    /// <summary>
    /// Largest root-mean-square log ratio of observed to fitted pre-go-live months (0.25: the model
    /// misses a typical month by about a quarter) for which the projection is made. A model that
    /// cannot follow the months it was fitted to cannot project the months after: its residuals are
    /// the bootstrap's noise, and resampling residuals that large gives refits whose trends carry the
    /// projection to many times the volumes observed (the sample's garden waste, with a spring peak
    /// that one yearly harmonic cannot follow on 12 months, did).
    /// </summary>
    public const double MaximumMisfit = 0.25;

    /// <summary>Share of bootstrap refits that may fail (no finite fit) before the estimate is refused as unstable.</summary>
    public const double MaximumFailedRefits = 0.05;

    /// <summary>
    /// The estimate, or the reason it was refused; <paramref name="ownNoiseVariance"/> is the variance of the council's
    /// month-to-month noise about the pre-go-live fit (relative, squared; NaN where no fit was made), which the
    /// comparison with peers uses to split its noise between the council and its peers.
    /// </summary>
    public static (RawEstimate? Estimate, Phrase? Refused) Estimate(EstimateInput input, MLContext ml, CounterfactualOptions o,
        out double ownNoiseVariance)
    {
        ownNoiseVariance = double.NaN;
        var design = new SeasonalDesign(input.Pre[0], input.Pre.Count);
        var x = input.Pre.Select(design.Row).ToArray();
        var horizon = Horizon(input.Pre.Count, input.Post.Count);
        var post = input.Post.Take(horizon).ToList();
        var xPost = post.Select(design.Row).ToArray();
        var parameters = design.Width + 1;
        var y = input.PreOffline;
        var d = input.PreDigital;

        var beta = PoissonModel.FitMlNet(ml, x, y);
        var fitted = x.Select(r => PoissonModel.Predict(beta, r)).ToArray();
        ownNoiseVariance = Math.Pow(BlockBootstrap.Scale(y, fitted, parameters), 2);
        if (!FitCheck.BeatsFlatMean(y, fitted, parameters))
            return (null, Phrase.Of("refused.its_no_better",
                $"the trend and month-of-year model fits the {y.Length} months before go-live no better than their flat mean, so its projection " +
                    $"would be noise",
                ("months", y.Length)));
        var misfit = Misfit(y, fitted);
        if (misfit > MaximumMisfit)
        {
            var short_ = input.Pre.Count < SeasonalDesign.MonthsForIndicators;
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            return (null, Phrase.Of(short_ ? "refused.its_misfit_harmonic" : "refused.its_misfit",
                $"the {(short_ ? "model of a trend and one yearly harmonic" : "trend and month-of-year model")} " +
                $"misses the {y.Length} months before go-live by " +
                $"{(misfit * 100).ToString("0", inv)}% on average " +
                $"(root mean square of the log ratio; at most {(MaximumMisfit * 100).ToString("0", inv)}% is projected)"
                + (short_
                    ? $", so its projection would not be evidence; {SeasonalDesign.MonthsForIndicators} months before go-live " +
                      $"let each month of the year have its own level"
                    : ", so its projection would not be evidence"),
                ("months", y.Length), ("misfit", (misfit * 100).ToString("0", inv) + "%"),
                ("maximum", (MaximumMisfit * 100).ToString("0", inv) + "%"),
                ("indicators", SeasonalDesign.MonthsForIndicators)));
        }
        var hasDigital = d.Any(v => v > 0);
        var gamma = hasDigital ? PoissonModel.FitMlNet(ml, x, d) : null;
        var digitalFitted = gamma is null ? new double[d.Length] : x.Select(r => PoissonModel.Predict(gamma, r)).ToArray();

        var observed = post.Select(input.Series.Offline).ToArray();
        var projected = xPost.Select(r => PoissonModel.Predict(beta, r)).ToArray();
        var projectedDigital = gamma is null ? new double[xPost.Length] : xPost.Select(r => PoissonModel.Predict(gamma, r)).ToArray();
        var effect = observed.Sum() - projected.Sum();
        var shiftObserved = input.Valuation.Observed(post);
        double? deadweight = shiftObserved > 0 ? input.Valuation.Counterfactual(post, projected, projectedDigital) / shiftObserved : null;

        var ratios = BlockBootstrap.Ratios(y, fitted, parameters);
        var digitalRatios = hasDigital ? BlockBootstrap.Ratios(d, digitalFitted, parameters) : null;
        var scale = BlockBootstrap.Scale(y, fitted, parameters);

        // Everything a resample needs is allocated here, once: the refits reuse one IRLS workspace per model.
        var refit = new IrlsFit(x);
        var digitalRefit = gamma is null ? null : new IrlsFit(x);
        var postRows = new IrlsFit(xPost);
        var valuation = input.Valuation.For(post);
        // The months after are drawn again around what was observed with a count's noise at that volume:
        // μ + α·μ² (Poisson, and α beyond it as the months before showed), by the standardised residual ratios.
        var alpha = BlockBootstrap.ExtraPoisson(scale, fitted);
        var spread = BlockBootstrap.Spread(ratios);
        var noiseSd = observed.Select(v => Math.Sqrt(v + alpha * v * v) / spread).ToArray();
        var block = BlockBootstrap.BlockLength(ratios, o.BlockMonths);
        var random = new SeededRandom(input.Seed);
        var effectPivots = new double[o.Resamples];
        var deadweightPivots = new double[o.Resamples];
        var failed = new bool[o.Resamples];
        var monthDraws = new double[observed.Length][];
        for (var t = 0; t < observed.Length; t++) monthDraws[t] = new double[o.Resamples];
        var yStar = new double[y.Length];
        var dStar = new double[d.Length];
        var fittedStar = new double[y.Length];
        var betaStar = new double[beta.Length];
        var gammaStar = new double[beta.Length];
        var pStar = new double[observed.Length];
        var qStar = new double[observed.Length];
        var idx = new int[y.Length];
        var noise = new int[observed.Length];
        for (var b = 0; b < o.Resamples; b++)
        {
            BlockBootstrap.Indices(y.Length, block, random, idx);
            for (var i = 0; i < y.Length; i++) yStar[i] = fitted[i] * ratios[idx[i]];
            refit.Fit(yStar, beta, betaStar);
            for (var i = 0; i < y.Length; i++) fittedStar[i] = Math.Exp(refit.Eta(betaStar, i));
            var scaleStar = BlockBootstrap.Scale(yStar, fittedStar, parameters);
            if (digitalRefit is not null)
            {
                for (var i = 0; i < d.Length; i++) dStar[i] = digitalFitted[i] * digitalRatios![idx[i]];
                digitalRefit.Fit(dStar, gamma!, gammaStar);
                for (var t = 0; t < qStar.Length; t++) qStar[t] = Math.Exp(postRows.Eta(gammaStar, t));
            }
            BlockBootstrap.Indices(y.Length, block, random, noise);
            // The replicate's error: the months after drawn again around what was observed (the council's own
            // noise), less the refit's projection error (the projection's uncertainty).
            var error = 0.0;
            for (var t = 0; t < observed.Length; t++)
            {
                pStar[t] = Math.Exp(postRows.Eta(betaStar, t));
                error += (ratios[noise[t]] - 1) * noiseSd[t] - (pStar[t] - projected[t]);
                monthDraws[t][b] = pStar[t] * ratios[noise[t]];
            }
            effectPivots[b] = BlockBootstrap.Pivot(error, scaleStar);
            if (deadweight is not null)
                deadweightPivots[b] = BlockBootstrap.Pivot(valuation.Benefit(pStar, qStar) / shiftObserved - deadweight.Value, scaleStar);
            failed[b] = !(double.IsFinite(effectPivots[b]) && double.IsFinite(deadweightPivots[b]));
            for (var t = 0; t < observed.Length && !failed[b]; t++) failed[b] = !double.IsFinite(monthDraws[t][b]);
        }

        // A refit that diverged (no finite projection) is a failed replicate, not a wide one: drop it,
        // and refuse where too many failed for the rest to stand for the estimate's spread.
        var kept = Enumerable.Range(0, o.Resamples).Where(b => !failed[b]).ToArray();
        if (kept.Length < (1 - MaximumFailedRefits) * o.Resamples)
            return (null, Phrase.Of("refused.its_unstable",
                $"the model is unstable on these months: {o.Resamples - kept.Length} of {o.Resamples} bootstrap refits gave no finite projection",
                ("failed", o.Resamples - kept.Length), ("resamples", o.Resamples)));
        double[] Kept(double[] draws) => kept.Length == draws.Length ? draws : [.. kept.Select(b => draws[b])];

        var beyond = input.Post.Count - post.Count;
        return (new RawEstimate(
            effect, BlockBootstrap.Studentised(effect, scale, Kept(effectPivots)),
            deadweight, deadweight is not null ? BlockBootstrap.Studentised(deadweight.Value, scale, Kept(deadweightPivots)) : null,
            post, fitted, projected, [.. monthDraws.Select(m => BlockBootstrap.Percentile(Kept(m)))],
            design.Describe() + $" (missing the months it was fitted to by {misfit * 100:0}% on average)" + $", fitted to the {y.Length} months " +
                $"before go-live (offline and digital separately) and projected over the "
                + (beyond == 0 ? $"{post.Count} after" : $"first {post.Count} of the {input.Post.Count} after (a projection reaches no further " +
                    $"ahead than the months it was fitted to, so the last {beyond} are not estimated by this method)"),
            Resampling(block, o.BlockMonths)), null);
    }

    /// <summary>Root mean square of log(observed ÷ fitted); a month with no transactions counts as half of one.</summary>
    internal static double Misfit(double[] observed, double[] fitted)
    {
        var sum = 0.0;
        for (var i = 0; i < observed.Length; i++)
        {
            var r = Math.Log(Math.Max(observed[i], 0.5) / fitted[i]);
            sum += r * r;
        }
        return Math.Sqrt(sum / observed.Length);
    }
}
