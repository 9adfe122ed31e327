using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

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
    public static string Resampling(int block, int requested) =>
        $"{BlockBootstrap.Unit(block, requested)} before go-live (the council's and its peers' volumes together) to re-learn the ratio, and the " +
            $"residual ratios drawn as the months' noise after go-live, the council's share of it on what it observed (a count's noise) and the " +
            $"peers' on the projection; studentised interval (each resample's error divided by its residual scale)";

    public static (RawEstimate? Estimate, Phrase? Refused) Estimate(EstimateInput input, IReadOnlyList<Peer> candidates, CounterfactualOptions o)
    {
        // A peer must have data in every month before go-live (a missing month is unknown, not zero) and must not have launched by then.
        var peers = candidates.Where(p => !p.LaunchedBy(input.Pre[^1]) && input.Pre.All(p.Series.Has)).ToList();
        if (peers.Count == 0)
            return (null, Phrase.Of("refused.no_peers_before",
                "no other member of the consortium has data for every month before go-live and launched the service later or not at all"));

        var post = new List<Month>();
        var sets = new List<int[]>();
        foreach (var m in input.Post)
        {
            var set = Enumerable.Range(0, peers.Count).Where(k => !peers[k].LaunchedBy(m) && peers[k].Series.Has(m)).ToArray();
            if (set.Length == 0) continue;
            post.Add(m); sets.Add(set);
        }
        if (post.Count == 0)
            return (null, Phrase.Of("refused.all_peers_launched",
                "every peer had launched the service (or has no data) in the months after go-live, so none is left to compare with"));

        var y = input.PreOffline;
        var d = input.PreDigital;
        var n = y.Length;
        // The distinct peer sets (one per run of months with the same members not yet launched), each with its
        // members' summed pre-go-live volumes; every month after go-live points at its set.
        var peerOfflinePre = peers.Select(p => input.Pre.Select(p.Series.Offline).ToArray()).ToArray();
        var peerDigitalPre = peers.Select(p => input.Pre.Select(p.Series.Digital).ToArray()).ToArray();
        var keyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var offlinePre = new List<double[]>();
        var digitalPre = new List<double[]>();
        var monthsPerKey = new List<int>();
        var monthKey = new int[post.Count];
        for (var t = 0; t < post.Count; t++)
        {
            var key = Key(sets[t]);
            if (!keyIndex.TryGetValue(key, out var k))
            {
                keyIndex[key] = k = offlinePre.Count;
                var off = new double[n];
                var dig = new double[n];
                foreach (var j in sets[t])
                    for (var i = 0; i < n; i++) { off[i] += peerOfflinePre[j][i]; dig[i] += peerDigitalPre[j][i]; }
                offlinePre.Add(off); digitalPre.Add(dig); monthsPerKey.Add(0);
            }
            monthKey[t] = k;
            monthsPerKey[k]++;
        }
        var keys = offlinePre.Count;
        static double Ratio(double[] own, double[] peer, int[]? idx)
        {
            double a = 0, b = 0;
            for (var i = 0; i < own.Length; i++) { var j = idx is null ? i : idx[i]; a += own[j]; b += peer[j]; }
            return b > 0 ? a / b : 0;
        }
        // The squared residual scale of the council against a peer set scaled by r, over the (resampled) months.
        static double Variance(double[] own, double[] peer, double r, int[]? idx)
        {
            var sum = 0.0;
            for (var i = 0; i < own.Length; i++)
            {
                var j = idx is null ? i : idx[i];
                var e = own[j] / (r * peer[j]) - 1;
                sum += e * e;
            }
            return sum / Math.Max(1, own.Length - 1);
        }

        var r0 = Ratio(y, offlinePre[0], null);
        if (r0 <= 0) return (null, Phrase.Of("refused.peers_no_offline", "the peers recorded no offline transactions before go-live"));
        var fitted = offlinePre[0].Select(v => r0 * v).ToArray();
        if (!FitCheck.BeatsFlatMean(y, fitted, 1))
            return (null, Phrase.Of("refused.peers_no_better",
                $"the peers' months follow this council's {n} months before go-live no better than their flat mean",
                ("months", n)));

        var observed = post.Select(input.Series.Offline).ToArray();
        // The peers' summed volumes in each month after go-live do not change between resamples: summed once.
        var peerOffline = post.Select((m, t) => sets[t].Sum(k => peers[k].Series.Offline(m))).ToArray();
        var peerDigital = post.Select((m, t) => sets[t].Sum(k => peers[k].Series.Digital(m))).ToArray();
        var rOff = new double[keys];
        var rDig = new double[keys];
        for (var k = 0; k < keys; k++) { rOff[k] = Ratio(y, offlinePre[k], null); rDig[k] = Ratio(d, digitalPre[k], null); }
        var projected = new double[post.Count];
        var projectedDigital = new double[post.Count];
        for (var t = 0; t < post.Count; t++)
            { projected[t] = rOff[monthKey[t]] * peerOffline[t]; projectedDigital[t] = rDig[monthKey[t]] * peerDigital[t]; }
        var effect = observed.Sum() - projected.Sum();
        var shiftObserved = input.Valuation.Observed(post);
        double? deadweight = shiftObserved > 0 ? input.Valuation.Counterfactual(post, projected, projectedDigital) / shiftObserved : null;

        // Each peer set has its own noise (one small peer is noisier than three summed): residual ratios per set.
        var ratios = Enumerable.Range(0, keys).Select(k => BlockBootstrap.Ratios(y, [.. offlinePre[k].Select(v => rOff[k] * v)], 1)).ToArray();
        // The residual scale, pooled over the sets by the months each stands for: the studentised interval's s.
        double Pooled(double[] variances)
        {
            var sum = 0.0;
            for (var k = 0; k < keys; k++) sum += monthsPerKey[k] * variances[k];
            return Math.Sqrt(sum / post.Count);
        }
        var variance = new double[keys];
        for (var k = 0; k < keys; k++) variance[k] = Variance(y, offlinePre[k], rOff[k], null);
        var scale = Pooled(variance);
        // A month's noise after go-live is the council's own (a count's, μ + α·μ², at what it observed, the effect
        // included) and its peers' (on the projection, which is their volume scaled). The residual ratios hold both:
        // the council's part of their variance is its own time series' residual variance (all of it where that is
        // the larger; half where there is no time series fit), the peers' the rest. Drawn by the standardised ratios.
        var poisson = y.Average(v => 1 / Math.Max(v, 1));
        var level = new double[post.Count];
        for (var t = 0; t < post.Count; t++)
        {
            var k = monthKey[t];
            var own = double.IsFinite(input.OwnNoiseVariance) ? Math.Min(input.OwnNoiseVariance, variance[k]) : variance[k] / 2;
            var alpha = Math.Max(0, own - poisson);
            var sd = Math.Sqrt(observed[t] + alpha * observed[t] * observed[t] + (variance[k] - own) * projected[t] * projected[t]);
            level[t] = sd / BlockBootstrap.Spread(ratios[k]);
        }
        var valuation = input.Valuation.For(post);

        var monthRatio = offlinePre.Select(off => y.Select((v, i) => v / off[i]).ToArray()).ToArray();
        var block = BlockBootstrap.BlockLength(ratios[0], o.BlockMonths);
        var random = new SeededRandom(input.Seed);
        var effectPivots = new double[o.Resamples];
        var deadweightPivots = new double[o.Resamples];
        var monthDraws = new double[observed.Length][];
        for (var t = 0; t < observed.Length; t++) monthDraws[t] = new double[o.Resamples];
        var idx = new int[n];
        var noise = new int[observed.Length];
        var rOffStar = new double[keys];
        var rDigStar = new double[keys];
        var varianceStar = new double[keys];
        var pStar = new double[post.Count];
        var qStar = new double[post.Count];
        for (var b = 0; b < o.Resamples; b++)
        {
            BlockBootstrap.Indices(n, block, random, idx);
            double ownOffline = 0, ownDigital = 0;
            foreach (var j in idx) { ownOffline += y[j]; ownDigital += d[j]; }
            for (var k = 0; k < keys; k++)
            {
                // Σ peers, and Σ q and Σ q² of the council's monthly ratio q to the peers, over the drawn months:
                // the ratio re-learned is Σ own ÷ Σ peers, and the residual variance Σ(q/r − 1)² ÷ (n − 1) expands from them.
                double sumOffline = 0, sumDigital = 0, q1 = 0, q2 = 0;
                var off = offlinePre[k];
                var dig = digitalPre[k];
                var qk = monthRatio[k];
                foreach (var j in idx) { sumOffline += off[j]; sumDigital += dig[j]; q1 += qk[j]; q2 += qk[j] * qk[j]; }
                var r = sumOffline > 0 ? ownOffline / sumOffline : 0;
                rOffStar[k] = r;
                rDigStar[k] = sumDigital > 0 ? ownDigital / sumDigital : 0;
                varianceStar[k] = (q2 / (r * r) - 2 * q1 / r + n) / Math.Max(1, n - 1);
            }
            var scaleStar = Pooled(varianceStar);
            BlockBootstrap.Indices(n, block, random, noise);
            var error = 0.0;
            for (var t = 0; t < observed.Length; t++)
            {
                var k = monthKey[t];
                pStar[t] = rOffStar[k] * peerOffline[t];
                qStar[t] = rDigStar[k] * peerDigital[t];
                var ratio = ratios[k][noise[t]];
                error += (ratio - 1) * level[t] - (pStar[t] - projected[t]);
                monthDraws[t][b] = pStar[t] * ratio;
            }
            effectPivots[b] = BlockBootstrap.Pivot(error, scaleStar);
            if (deadweight is not null)
                deadweightPivots[b] = BlockBootstrap.Pivot(valuation.Benefit(pStar, qStar) / shiftObserved - deadweight.Value, scaleStar);
        }

        var names = string.Join(", ", peers.Select(p => p.Council));
        return (new RawEstimate(
            effect, BlockBootstrap.Studentised(effect, scale, effectPivots),
            deadweight, deadweight is not null ? BlockBootstrap.Studentised(deadweight.Value, scale, deadweightPivots) : null,
            post, fitted, projected, [.. monthDraws.Select(BlockBootstrap.Percentile)],
            $"the summed offline (and digital) volumes of the members not yet launched in each month ({names}), scaled by this council's ratio to " +
                $"them over the {n} months before go-live",
            Resampling(block, o.BlockMonths)), null);
    }

    private static string Key(int[] set) => string.Join(',', set);
}
