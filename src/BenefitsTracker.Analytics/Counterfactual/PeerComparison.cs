using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Analytics.Counterfactual;

/// <summary>A consortium member that can stand in for the council: its series and its own go-live (null: never).</summary>
internal sealed record Peer(string Council, ServiceSeries Series, Month? GoLive)
{
    public bool LaunchedBy(Month m) => GoLive is { } g && g <= m;
}

/// <summary>
/// Comparison with peers (docs/method.md): in each month after go-live, the council's counterfactual
/// offline (and digital) volume is the summed volume of the members that had not yet launched the
/// service that month, scaled by the council's ratio to those same members over the months before
/// go-live (a difference in differences on the log scale; a synthetic control with one weight).
/// A trend, a season or a step that every council shares is in the peers' months too, so it is not credited.
/// </summary>
internal static class PeerComparison
{
    public const string Resampling =
        "blocks of consecutive pre-go-live months (the council's and its peers' volumes together) to re-learn the ratio, and blocks of the pre-go-live residual ratios applied to the months after as month-to-month noise";

    public static (RawEstimate? Estimate, string? Refused) Estimate(EstimateInput input, IReadOnlyList<Peer> candidates, CounterfactualOptions o)
    {
        // A peer must have data in every month before go-live (a missing month is unknown, not zero) and must not have launched by then.
        var peers = candidates.Where(p => !p.LaunchedBy(input.Pre[^1]) && input.Pre.All(p.Series.Has)).ToList();
        if (peers.Count == 0)
            return (null, "no other member of the consortium has data for every month before go-live and launched the service later or not at all");

        var post = new List<Month>();
        var sets = new List<int[]>();
        foreach (var m in input.Post)
        {
            var set = Enumerable.Range(0, peers.Count).Where(k => !peers[k].LaunchedBy(m) && peers[k].Series.Has(m)).ToArray();
            if (set.Length == 0) continue;
            post.Add(m); sets.Add(set);
        }
        if (post.Count == 0)
            return (null, "every peer had launched the service (or has no data) in the months after go-live, so none is left to compare with");

        var y = input.PreOffline;
        var d = input.PreDigital;
        double[] PeerPre(int[] set, bool digital) =>
            [.. input.Pre.Select(m => set.Sum(k => digital ? peers[k].Series.Digital(m) : peers[k].Series.Offline(m)))];
        var keys = sets.Select(Key).Distinct().ToList();
        var offlinePre = keys.ToDictionary(k => k, k => PeerPre(sets[sets.FindIndex(s => Key(s) == k)], false));
        var digitalPre = keys.ToDictionary(k => k, k => PeerPre(sets[sets.FindIndex(s => Key(s) == k)], true));
        static double Ratio(double[] own, double[] peer, int[]? idx)
        {
            double a = 0, b = 0;
            for (var i = 0; i < own.Length; i++) { var j = idx is null ? i : idx[i]; a += own[j]; b += peer[j]; }
            return b > 0 ? a / b : 0;
        }

        var firstKey = Key(sets[0]);
        var r0 = Ratio(y, offlinePre[firstKey], null);
        if (r0 <= 0) return (null, "the peers recorded no offline transactions before go-live");
        var fitted = offlinePre[firstKey].Select(v => r0 * v).ToArray();
        if (!FitCheck.BeatsFlatMean(y, fitted, 1))
            return (null, $"the peers' months follow this council's {y.Length} months before go-live no better than their flat mean");

        var observed = post.Select(input.Series.Offline).ToArray();
        // The peers' summed volumes in each month after go-live do not change between resamples: summed once.
        var peerOffline = post.Select((m, t) => sets[t].Sum(k => peers[k].Series.Offline(m))).ToArray();
        var peerDigital = post.Select((m, t) => sets[t].Sum(k => peers[k].Series.Digital(m))).ToArray();
        var setKeys = sets.Select(Key).ToArray();
        double[] Project(Func<string, double> offlineRatio, Func<string, double> digitalRatio, bool digital)
        {
            var result = new double[post.Count];
            for (var t = 0; t < post.Count; t++)
                result[t] = digital ? digitalRatio(setKeys[t]) * peerDigital[t] : offlineRatio(setKeys[t]) * peerOffline[t];
            return result;
        }
        var rOff = keys.ToDictionary(k => k, k => Ratio(y, offlinePre[k], null));
        var rDig = keys.ToDictionary(k => k, k => Ratio(d, digitalPre[k], null));
        var projected = Project(k => rOff[k], k => rDig[k], false);
        var projectedDigital = Project(k => rOff[k], k => rDig[k], true);
        var effect = observed.Sum() - projected.Sum();
        var shiftObserved = input.Valuation.Observed(post);
        double? deadweight = shiftObserved > 0 ? input.Valuation.Counterfactual(post, projected, projectedDigital) / shiftObserved : null;

        // Each peer set has its own noise (one small peer is noisier than three summed): residual ratios per set.
        var ratios = keys.ToDictionary(k => k, k => BlockBootstrap.Ratios(y, [.. offlinePre[k].Select(v => rOff[k] * v)], 1));
        var monthRatios = sets.Select(s => ratios[Key(s)]).ToArray();
        var random = new SeededRandom(input.Seed);
        var effects = new double[o.Resamples];
        var deadweights = new double[o.Resamples];
        var monthDraws = new double[observed.Length][];
        for (var t = 0; t < observed.Length; t++) monthDraws[t] = new double[o.Resamples];
        for (var b = 0; b < o.Resamples; b++)
        {
            var idx = BlockBootstrap.Indices(y.Length, y.Length, o.BlockMonths, random);
            var rOffStar = keys.ToDictionary(k => k, k => Ratio(y, offlinePre[k], idx));
            var rDigStar = keys.ToDictionary(k => k, k => Ratio(d, digitalPre[k], idx));
            var pStar = Project(k => rOffStar[k], k => rDigStar[k], false);
            var qStar = Project(k => rOffStar[k], k => rDigStar[k], true);
            var noise = BlockBootstrap.Indices(y.Length, observed.Length, o.BlockMonths, random);
            var e = 0.0;
            for (var t = 0; t < observed.Length; t++)
            {
                e += observed[t] * monthRatios[t][noise[t]] - pStar[t];
                monthDraws[t][b] = pStar[t] * monthRatios[t][noise[t]];
            }
            effects[b] = e;
            if (deadweight is not null) deadweights[b] = input.Valuation.Counterfactual(post, pStar, qStar) / shiftObserved;
        }

        var names = string.Join(", ", peers.Select(p => p.Council));
        return (new RawEstimate(
            effect, BlockBootstrap.Percentile(effects),
            deadweight, deadweight is not null ? BlockBootstrap.Percentile(deadweights) : null,
            post, fitted, projected, [.. monthDraws.Select(BlockBootstrap.Percentile)],
            $"the summed offline (and digital) volumes of the members not yet launched in each month ({names}), scaled by this council's ratio to them over the {y.Length} months before go-live",
            Resampling), null);
    }

    private static string Key(int[] set) => string.Join(',', set);
}
