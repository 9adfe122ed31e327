using BenefitsTracker.Analytics.Counterfactual;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Ingestion.Synthetic;
using Xunit.Abstractions;

namespace BenefitsTracker.Analytics.Tests;

/// <summary>
/// The shipped sample's shape: 12 months before go-live and 24 after. The time series used to fit a
/// trend and two harmonics to 12 months and project them 24 ahead, and its bootstrap refits blew the
/// interval out to billions of transactions; it now fits a trend and one harmonic, projects no further
/// ahead than it fitted (12 months), and reports studentised intervals.
/// </summary>
public sealed class ShortHistoryTests(ITestOutputHelper output)
{
    private static readonly Month Start = new(2023, 4);
    private static readonly Month GoLive = new(2024, 4);
    private static readonly Month End = new(2026, 3);

    private static ScenarioData Draw(ulong seed, double effect = 0.3) =>
        CounterfactualScenario.Generate(Scenarios.Moderate(effect) with { GoLive = GoLive }, 3, Start, End, seed, [SyntheticProfiles.GardenWaste]);

    private static IReadOnlyList<CounterfactualEstimate> Estimate(ScenarioData data, int resamples = 200) =>
        CounterfactualEstimator.ForCouncil(data.Data[0], data.AsConsortium(),
            Scenarios.Assumptions(data, GoLive.ToString()), new ReportRequest(GoLive, End), new CounterfactualOptions { Resamples = resamples });

    private static double OfflineAfter(ScenarioData data, int months) => data.Data[0].Volumes
        .Where(v => v.Month >= GoLive && v.Month < GoLive.AddMonths(months) && v.Channel != Channels.Web).Sum(v => (double)v.Completed);

    [Fact]
    public void Twelve_months_before_go_live_project_twelve_months_after_with_one_harmonic()
    {
        var its = Estimate(Draw(seed: 1)).Method("its");
        output.WriteLine($"{its.Model}: effect {its.EffectTransactions} {its.EffectCi95}, months after {its.MonthsAfter}");
        Assert.Null(its.Refused);
        Assert.Equal(12, its.MonthsBefore);
        Assert.Equal(12, its.MonthsAfter); // of the 24 in the period: no further ahead than the months fitted
        Assert.Equal(24, its.Months.Count);
        Assert.Contains("one yearly harmonic", its.Model);
        Assert.Contains("first 12 of the 24 after", its.Model);
    }

    [Fact]
    public void Over_many_seeds_the_intervals_stay_finite_and_inside_the_volumes_they_describe()
    {
        // Before the fix the effect's interval reached 10^10 transactions on this shape of data.
        const int seeds = 40;
        var covered = 0;
        double widest = 0;
        for (ulong seed = 1; seed <= seeds; seed++)
        {
            var data = Draw(seed);
            var its = Estimate(data, resamples: 100).Method("its");
            Assert.Null(its.Refused);
            var offline = OfflineAfter(data, its.MonthsAfter);
            var (lo, hi) = ((double)its.EffectCi95!.Low, (double)its.EffectCi95.High);
            // The effect on offline transactions over the projected months: the interval's ends lie
            // between "every offline transaction went" (−2× the offline volume left, allowing for
            // the projection's error) and as many again.
            Assert.InRange(lo, -3 * offline, offline);
            Assert.InRange(hi, -3 * offline, offline);
            Assert.True(lo <= (double)its.EffectTransactions!.Value && (double)its.EffectTransactions.Value <= hi,
                $"seed {seed}: {its.EffectTransactions} outside {its.EffectCi95}");
            Assert.InRange(its.EstimatedDeadweight!.Value, 0m, 1m);
            Assert.InRange(its.DeadweightCi95!.Low, 0m, 1m);
            Assert.InRange(its.DeadweightCi95.High, 0m, 1m);
            Assert.Equal(its.UnboundedDeadweight != its.EstimatedDeadweight || its.DeadweightNote is not null, its.DeadweightNote is not null);
            widest = Math.Max(widest, (hi - lo) / offline);
            var truth = (decimal)data.TrueEffect(0, Scenarios.Service, GoLive, GoLive.AddMonths(its.MonthsAfter - 1));
            if (its.EffectCi95.Contains(truth)) covered++;
        }
        output.WriteLine(
            $"12 months before, 24 after: coverage {covered} of {seeds}; widest interval {widest * 100:0}% of the offline volume after go-live");
        // Nominal 95%, measured 36 of 40 (90%; 30 with the percentile intervals of 3-month blocks before): one year
        // of history fixes the trend loosely, and one harmonic cannot follow the generated season exactly, so the
        // projection is biased as well as uncertain and these intervals run a little narrow (docs/method.md,
        // "Reading the estimates"). 40 seeds put about ±2 seeds of sampling error on the measure; the bound sits
        // two below that, so a change that narrows them fails here.
        Assert.InRange(covered, 32, seeds);
    }

    [Fact]
    public void A_deadweight_ratio_outside_0_to_1_is_held_at_the_bound_and_explained()
    {
        Assert.Null(CounterfactualEstimator.BoundsNote(0.2, 0.1, 0.3));
        var below = CounterfactualEstimator.BoundsNote(-0.03, -0.26, 0.06);
        Assert.NotNull(below);
        Assert.Contains("-3.0%", below);
        Assert.Contains("shown as 0%", below);
        Assert.Contains("reaches 6.0%", below);
        var above = CounterfactualEstimator.BoundsNote(0.9, 0.7, 1.2);
        Assert.Contains("upper end (120.0%) is shown as 100%", above);
    }
}
