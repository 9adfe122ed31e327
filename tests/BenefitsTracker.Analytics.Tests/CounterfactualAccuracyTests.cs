using BenefitsTracker.Analytics.Counterfactual;
using Xunit.Abstractions;

namespace BenefitsTracker.Analytics.Tests;

/// <summary>
/// Generated data with a known effect (Scenarios): the intervals cover the truth about 95% of the
/// time, the point estimate lands near it, a placebo gives an interval round zero, and a step every
/// council shares is credited by the council's own time series but not by the peer comparison.
/// </summary>
public sealed class CounterfactualAccuracyTests(ITestOutputHelper output)
{
    private const int Seeds = 600;

    [Fact]
    public void The_95_percent_intervals_cover_the_true_effect_in_about_95_percent_of_600_seeds()
    {
        int its = 0, peers = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (ulong seed = 1; seed <= Seeds; seed++)
        {
            var data = Scenarios.Draw(Scenarios.Moderate(), seed);
            var truth = (decimal)Scenarios.TrueEffect(data);
            var estimates = Scenarios.Estimate(data, options: new CounterfactualOptions { Resamples = 200 });
            if (estimates.Method("its").EffectCi95!.Contains(truth)) its++;
            if (estimates.Method("peers").EffectCi95!.Contains(truth)) peers++;
        }
        clock.Stop();
        double itsCoverage = its / (double)Seeds, peersCoverage = peers / (double)Seeds;
        output.WriteLine($"coverage over {Seeds} seeds: its {itsCoverage:P1}, peers {peersCoverage:P1} ({clock.Elapsed.TotalSeconds:0.0} s)");
        // Nominal 95%; 600 seeds put about ±0.9 points of sampling error on the measure (one standard error).
        // Studentised intervals, single months resampled where the residuals show no autocorrelation
        // (docs/method.md, "Uncertainty"): measured its 95.0%, peers 94.7%. Before: percentile intervals of
        // 3-month blocks covered 90% (its) and 86% (peers) of seeds 1–100; studentised with 3-month blocks, 91.2%
        // and 91.0% of these 600. Too narrow fails here, and so does too wide (an interval that always covers
        // says nothing). Stays under a minute: about 4 s in Release, 9 s in Debug.
        Assert.InRange(itsCoverage, 0.90, 0.99);
        Assert.InRange(peersCoverage, 0.90, 0.99);
    }

    [Fact]
    public void With_moderate_noise_the_point_estimate_lands_within_10_percent_of_the_true_effect()
    {
        // Moderate: 2% month-to-month noise, and volumes large enough (a few thousand a month) that the
        // counts' own Poisson-like noise is about as small.
        var options = Scenarios.Moderate() with { Noise = 0.02, Scale = 10 };
        int its = 0, peers = 0;
        const int seeds = 40;
        for (ulong seed = 1; seed <= seeds; seed++)
        {
            var data = Scenarios.Draw(options, seed);
            var truth = (decimal)Scenarios.TrueEffect(data);
            var estimates = Scenarios.Estimate(data, options: new CounterfactualOptions { Resamples = 20 });
            if (Math.Abs(estimates.Method("its").EffectTransactions!.Value - truth) <= 0.1m * Math.Abs(truth)) its++;
            if (Math.Abs(estimates.Method("peers").EffectTransactions!.Value - truth) <= 0.1m * Math.Abs(truth)) peers++;
        }
        output.WriteLine($"within 10% of the truth over {seeds} seeds: its {its}, peers {peers}");
        Assert.True(its >= 0.9 * seeds, $"its: {its} of {seeds} within 10%");
        Assert.True(peers >= 0.9 * seeds, $"peers: {peers} of {seeds} within 10%");
    }

    [Fact]
    public void A_placebo_go_live_with_no_effect_gives_intervals_that_contain_zero()
    {
        var data = Scenarios.Draw(Scenarios.Moderate(effect: 0), seed: 7);
        var estimates = Scenarios.Estimate(data);
        foreach (var e in estimates)
        {
            output.WriteLine($"{e.Method}: effect {e.EffectTransactions} {e.EffectCi95}, deadweight {e.EstimatedDeadweight} {e.DeadweightCi95}");
            Assert.Null(e.Refused);
            Assert.True(e.EffectCi95!.Contains(0m), $"{e.Method}: {e.EffectCi95} should contain 0");
        }
    }

    [Fact]
    public void A_step_every_council_takes_at_go_live_is_credited_by_the_time_series_but_not_by_the_peers()
    {
        // No effect of the service at all; at the go-live month every council, launched or not,
        // moves 25% of its offline volume online (a national campaign, say).
        var options = Scenarios.Moderate(effect: 0) with { SharedStep = (Scenarios.GoLive, 0.25) };
        var data = Scenarios.Draw(options, seed: 11);
        var estimates = Scenarios.Estimate(data);
        var its = estimates.Method("its");
        var peers = estimates.Method("peers");
        output.WriteLine($"its: {its.EffectTransactions} {its.EffectCi95}; peers: {peers.EffectTransactions} {peers.EffectCi95}");

        // The council's own series cannot tell the shared step from the service: it credits it.
        Assert.True(its.EffectCi95!.High < 0, $"its should credit the step: {its.EffectCi95}");
        var offlineAfter = (decimal)data.Data[0].Volumes.Where(v => v.Month >= Scenarios.GoLive && v.Channel != "web").Sum(v => v.Completed);
        Assert.InRange(-its.EffectTransactions!.Value, 0.15m * offlineAfter, 0.5m * offlineAfter);
        // The peers took the same step, so the comparison does not.
        Assert.True(peers.EffectCi95!.Contains(0m), $"peers should not credit the step: {peers.EffectCi95}");
    }

    [Fact]
    public void The_same_inputs_give_the_same_estimates_and_intervals()
    {
        var data = Scenarios.Draw(Scenarios.Moderate(), seed: 3);
        var first = Scenarios.Estimate(data);
        var second = Scenarios.Estimate(data);
        Assert.Equal(first.Select(e => (e.Method, e.EffectTransactions, e.EffectCi95, e.EstimatedDeadweight, e.DeadweightCi95)),
                     second.Select(e => (e.Method, e.EffectTransactions, e.EffectCi95, e.EstimatedDeadweight, e.DeadweightCi95)));
    }
}
