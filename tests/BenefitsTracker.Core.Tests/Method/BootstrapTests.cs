using BenefitsTracker.Core.Method;

namespace BenefitsTracker.Core.Tests.Method;

/// <summary>METHOD.md line 2: the seeded bootstrap behind the officer time interval.</summary>
public sealed class BootstrapTests
{
    private static readonly Bootstrap.BaselineBin[] Baseline = [new(10m, 30), new(20m, 50), new(45m, 20)];
    private static readonly Bootstrap.PeriodBin[] Period = [new(8m, 28m, 40), new(15m, 32.5m, 25), new(30m, 28m, 10)];

    [Fact]
    public void Same_seed_gives_the_same_resamples()
    {
        var a = Bootstrap.Resample(Bootstrap.SeedFor("W06000004", "garden-waste"), Baseline, Period);
        var b = Bootstrap.Resample(Bootstrap.SeedFor("W06000004", "garden-waste"), Baseline, Period);
        Assert.NotNull(a);
        Assert.Equal(Bootstrap.Resamples, a!.Length);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Each_council_and_service_draws_its_own_stream()
    {
        Assert.NotEqual(Bootstrap.SeedFor("W06000004", "garden-waste"), Bootstrap.SeedFor("W06000003", "garden-waste"));
        Assert.NotEqual(Bootstrap.SeedFor("W06000004", "garden-waste"), Bootstrap.SeedFor("W06000004", "bulky-waste"));
        Assert.NotEqual(
            Bootstrap.Resample(Bootstrap.SeedFor("W06000004", "a"), Baseline, Period),
            Bootstrap.Resample(Bootstrap.SeedFor("W06000004", "b"), Baseline, Period));
    }

    [Fact]
    public void The_interval_brackets_the_point_estimate()
    {
        // Point: M_B = (300 + 1000 + 900) / 100 = 22. Σ (22 − m)/60 × rate × n
        // = 14/60×28×40 + 7/60×32.5×25 + (−8)/60×28×10 = 261.333… + 94.791… − 37.333… = 318.79…
        var point = 14m / 60m * 28m * 40m + 7m / 60m * 32.5m * 25m - 8m / 60m * 28m * 10m;
        var ci = Bootstrap.Interval(Bootstrap.Resample(42, Baseline, Period))!;
        Assert.True(ci.Low < point && point < ci.High, $"{ci} around {point}");
    }

    [Fact]
    public void No_variation_gives_an_interval_of_one_point()
    {
        // Every baseline case 15 minutes, every period case 10 at £28: each resample is exactly
        // 10 × (15 − 10)/60 × 28 = £23.333…
        var ci = Bootstrap.Interval(Bootstrap.Resample(7, [new(15m, 12)], [new(10m, 28m, 10)]))!;
        Assert.Equal(ci.Low, ci.High);
        Assert.Equal(10m * 5m * 28m / 60m, ci.Low);
    }

    [Fact]
    public void No_cases_on_either_side_means_no_interval()
    {
        Assert.Null(Bootstrap.Resample(1, [], Period));
        Assert.Null(Bootstrap.Resample(1, Baseline, []));
        Assert.Null(Bootstrap.Resample(1, [new(10m, 0)], Period));
        Assert.Null(Bootstrap.Interval(null));
    }

    [Fact]
    public void Percentiles_interpolate_between_closest_ranks()
    {
        // 0..100 in steps of 1 (101 values): the 2.5th percentile sits at position 2.5.
        var values = Enumerable.Range(0, 101).Select(i => (decimal)i).ToArray();
        Assert.Equal(2.5m, Bootstrap.Percentile(values, 0.025m));
        Assert.Equal(97.5m, Bootstrap.Percentile(values, 0.975m));
        Assert.Equal(0m, Bootstrap.Percentile(values, 0m));
        Assert.Equal(100m, Bootstrap.Percentile(values, 1m));
    }

    [Fact]
    public void Sums_add_the_kth_resamples_and_skip_parts_without_any()
    {
        Assert.Equal([11m, 22m], Bootstrap.Sum([[1m, 2m], null, [10m, 20m]])!);
        Assert.Null(Bootstrap.Sum([null, null]));
    }

    [Fact]
    public void Fnv1a_matches_the_published_test_vectors()
    {
        Assert.Equal(0xcbf29ce484222325UL, StableHash.Fnv1a64(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, StableHash.Fnv1a64("a"));
        Assert.Equal(0x85944171f73967e8UL, StableHash.Fnv1a64("foobar"));
    }

    [Fact]
    public void SplitMix64_matches_the_reference_sequence()
    {
        var random = new SplitMix64(0);
        Assert.Equal(0xe220a8397b1dcdafUL, random.Next());
        Assert.Equal(0x6e789e6aa1b965f4UL, random.Next());
        Assert.Equal(0x06c45d188009454fUL, random.Next());
    }

    [Fact]
    public void Draws_below_n_stay_in_range_and_cover_it()
    {
        var random = new SplitMix64(99);
        var seen = new bool[5];
        for (var i = 0; i < 1000; i++) seen[random.NextBelow(5)] = true;
        Assert.All(seen, Assert.True);
    }
}
