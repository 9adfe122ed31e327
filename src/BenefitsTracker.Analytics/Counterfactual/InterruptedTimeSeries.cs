using Microsoft.ML;

namespace BenefitsTracker.Analytics.Counterfactual;

/// <summary>
/// The council's own months before go-live, projected past it (docs/method.md): a Poisson count model
/// of offline and of digital transactions on trend and month of year, fitted to the pre-go-live
/// months; the effect is observed minus projected offline transactions after go-live.
/// </summary>
internal static class InterruptedTimeSeries
{
    public const string Resampling =
        "blocks of consecutive months' residual ratios (observed ÷ fitted) of the pre-go-live fit: each resample rebuilds the pre-go-live months from them and refits, and applies resampled ratios to the months after as month-to-month noise";

    public static (RawEstimate? Estimate, string? Refused) Estimate(EstimateInput input, MLContext ml, CounterfactualOptions o)
    {
        var design = new SeasonalDesign(input.Pre[0], input.Pre.Count);
        var x = input.Pre.Select(design.Row).ToArray();
        var xPost = input.Post.Select(design.Row).ToArray();
        var parameters = design.Width + 1;
        var y = input.PreOffline;
        var d = input.PreDigital;

        var beta = PoissonModel.FitMlNet(ml, x, y);
        var fitted = x.Select(r => PoissonModel.Predict(beta, r)).ToArray();
        if (!FitCheck.BeatsFlatMean(y, fitted, parameters))
            return (null, $"the trend and month-of-year model fits the {y.Length} months before go-live no better than their flat mean, so its projection would be noise");
        var hasDigital = d.Any(v => v > 0);
        var gamma = hasDigital ? PoissonModel.FitMlNet(ml, x, d) : null;
        var digitalFitted = gamma is null ? new double[d.Length] : x.Select(r => PoissonModel.Predict(gamma, r)).ToArray();

        var observed = input.PostOffline;
        var projected = xPost.Select(r => PoissonModel.Predict(beta, r)).ToArray();
        var projectedDigital = gamma is null ? new double[xPost.Length] : xPost.Select(r => PoissonModel.Predict(gamma, r)).ToArray();
        var effect = observed.Sum() - projected.Sum();
        var shiftObserved = input.Valuation.Observed(input.Post);
        double? deadweight = shiftObserved > 0 ? input.Valuation.Counterfactual(input.Post, projected, projectedDigital) / shiftObserved : null;

        var ratios = BlockBootstrap.Ratios(y, fitted, parameters);
        var digitalRatios = hasDigital ? BlockBootstrap.Ratios(d, digitalFitted, parameters) : null;
        var random = new SeededRandom(input.Seed);
        var effects = new double[o.Resamples];
        var deadweights = new double[o.Resamples];
        var monthDraws = new double[observed.Length][];
        for (var t = 0; t < observed.Length; t++) monthDraws[t] = new double[o.Resamples];
        var yStar = new double[y.Length];
        var dStar = new double[d.Length];
        var pStar = new double[observed.Length];
        var qStar = new double[observed.Length];
        for (var b = 0; b < o.Resamples; b++)
        {
            var idx = BlockBootstrap.Indices(y.Length, y.Length, o.BlockMonths, random);
            for (var i = 0; i < y.Length; i++) yStar[i] = fitted[i] * ratios[idx[i]];
            var betaStar = PoissonModel.FitIrls(x, yStar, beta);
            if (gamma is not null)
            {
                for (var i = 0; i < d.Length; i++) dStar[i] = digitalFitted[i] * digitalRatios![idx[i]];
                var gammaStar = PoissonModel.FitIrls(x, dStar, gamma);
                for (var t = 0; t < xPost.Length; t++) qStar[t] = PoissonModel.Predict(gammaStar, xPost[t]);
            }
            var noise = BlockBootstrap.Indices(y.Length, observed.Length, o.BlockMonths, random);
            var e = 0.0;
            for (var t = 0; t < xPost.Length; t++)
            {
                pStar[t] = PoissonModel.Predict(betaStar, xPost[t]);
                e += observed[t] * ratios[noise[t]] - pStar[t];
                monthDraws[t][b] = pStar[t] * ratios[noise[t]];
            }
            effects[b] = e;
            if (deadweight is not null) deadweights[b] = input.Valuation.Counterfactual(input.Post, pStar, qStar) / shiftObserved;
        }

        return (new RawEstimate(
            effect, BlockBootstrap.Basic(effect, effects),
            deadweight, deadweight is { } dw ? BlockBootstrap.Basic(dw, deadweights) : null,
            input.Post, fitted, projected, [.. monthDraws.Select(BlockBootstrap.Percentile)],
            design.Describe() + $", fitted to the {y.Length} months before go-live (offline and digital separately) and projected over the {observed.Length} after",
            Resampling), null);
    }
}
