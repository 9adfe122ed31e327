using BenefitsTracker.Analytics.Counterfactual;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Analytics.Tests;

/// <summary>
/// Where the data cannot support an estimate, both methods refuse and say why (issue 17): too few
/// months before go-live, none after it, no offline channel, a model no better than the flat mean,
/// and a model that misses the months it was fitted to; a council that has not launched gets no entry.
/// </summary>
public sealed class RefusalTests
{
    private const string Service = "garden-waste";
    private static readonly Month First = new(2022, 4);

    /// <summary>A council's volumes by month from <see cref="First"/>: (offline, web) per month.</summary>
    private static CouncilData Council(string code, params (long Offline, long Web)[] months) => new(
        code, code, 100_000, null,
        [.. months.SelectMany((v, i) => new[]
        {
            new ChannelVolume(Service, "phone", First.AddMonths(i), v.Offline, 0, 0),
            new ChannelVolume(Service, "web", First.AddMonths(i), v.Web, 0, 0),
        }).Where(v => v.Completed > 0 || v.Channel == "web")],
        [], [], [], []);

    /// <summary>The service launched at <paramref name="goLive"/> (a JSON month, or <c>null</c>: W06000001 has not launched it).</summary>
    private static AssumptionSet Assumptions(string goLive) => AssumptionSet.Parse($$"""
        { "version": "refusals", "unit_costs_gbp": {"web": 0.15, "phone": 2.83}, "digital_channels": ["web"],
          "adjustments": {"deadweight": 0.1},
          "services": { "{{Service}}": { "go_live": "2024-04", "baseline": {"from": "2022-04", "to": "2023-03"} } },
          "councils": { "W06000001": { "services": { "{{Service}}": { "go_live": {{goLive}} } } } } }
        """);

    private static IReadOnlyList<CounterfactualEstimate> Estimate(CouncilData council, string goLive, Month to) =>
        CounterfactualEstimator.ForCouncil(council, null, Assumptions(goLive), new ReportRequest(First, to),
            new CounterfactualOptions { Resamples = 50 });

    /// <summary>A steady, gently growing series with a mild season, then a shift online from <paramref name="shiftFrom"/>.</summary>
    private static (long, long)[] Steady(int months, int shiftFrom) => [.. Enumerable.Range(0, months).Select(i =>
    {
        var demand = 1000 * (1 + 0.01 * i) * (1 + 0.2 * Math.Cos(2 * Math.PI * ((First.Number - 1 + i) % 12) / 12)) + (i * 37 % 11) * 5;
        var offline = i >= shiftFrom ? 0.5 * demand : 0.8 * demand;
        return ((long)offline, (long)(demand - offline));
    })];

    private static void AssertBothRefused(IReadOnlyList<CounterfactualEstimate> estimates, string reason)
    {
        Assert.Equal(["its", "peers"], estimates.Select(e => e.Method));
        foreach (var e in estimates)
        {
            Assert.NotNull(e.Refused);
            Assert.Contains(reason, e.Refused);
            Assert.Null(e.EstimatedDeadweight);
        }
    }

    [Fact]
    public void Fewer_than_12_months_before_go_live_is_refused()
    {
        var council = Council("W06000001", Steady(23, 11));
        AssertBothRefused(Estimate(council, "\"2023-03\"", First.AddMonths(22)),
            "11 months of data before go-live (2023-03); an estimate needs at least 12");
    }

    [Fact]
    public void A_go_live_with_no_months_after_it_in_the_period_is_refused()
    {
        var council = Council("W06000001", Steady(24, 24));
        AssertBothRefused(Estimate(council, "\"2024-04\"", First.AddMonths(23)), "no months of data from go-live (2024-04)");
    }

    [Fact]
    public void A_service_with_no_offline_transactions_before_go_live_is_refused()
    {
        var council = Council("W06000001", [.. Steady(36, 24).Select(v => (0L, v.Item1 + v.Item2))]);
        AssertBothRefused(Estimate(council, "\"2024-04\"", First.AddMonths(35)), "no offline channel");
    }

    [Fact]
    public void A_council_that_has_not_launched_gets_no_estimate()
    {
        var council = Council("W06000001", Steady(36, 99));
        Assert.Empty(Estimate(council, "null", First.AddMonths(35)));
    }

    [Fact]
    public void Pure_noise_before_go_live_is_refused_as_no_better_than_the_flat_mean()
    {
        // Offline volumes with no trend and no season (a pattern that repeats every 23 months, so no
        // month of the year stands out), 24 months, then 12 after with half of them moved online.
        var council = Council("W06000001", [.. Enumerable.Range(0, 36).Select(i =>
        {
            var offline = 1000L + (i * 37 % 23 - 11) * 20;
            return (i >= 24 ? offline / 2 : offline, i >= 24 ? 200L + offline / 2 : 200L);
        })]);
        var its = Estimate(council, "\"2024-04\"", First.AddMonths(35)).Single(e => e.Method == "its");
        Assert.Contains("no better than their flat mean", its.Refused);
    }

    [Fact]
    public void A_spike_one_harmonic_cannot_follow_on_12_months_is_refused_with_the_misfit()
    {
        // The shipped sample's garden waste: three spring months at ten times the rest. One yearly
        // harmonic beats the flat mean on it but misses most months by half; its refits projected
        // tens of thousands of transactions a year where a few thousand were observed.
        var council = Council("W06000001", [.. Enumerable.Range(0, 36).Select(i =>
        {
            var month = (First.Number - 1 + i) % 12 + 1;
            var spring = month is 2 or 3 or 4;
            var offline = (spring ? 1200L : 150L) + i % 3 * 7;
            return (i >= 12 ? offline / 2 : offline, spring ? 300L : 40L);
        })]);
        var its = Estimate(council, "\"2023-04\"", First.AddMonths(35)).Single(e => e.Method == "its");
        Assert.NotNull(its.Refused);
        Assert.Matches(@"misses the 12 months before go-live by \d+% on average", its.Refused);
        Assert.Contains("24 months before go-live", its.Refused);
    }

    [Fact]
    public void A_steady_series_is_estimated_not_refused()
    {
        // The control for the refusals above: the same shape of data, well behaved, is estimated.
        var council = Council("W06000001", Steady(36, 24));
        var its = Estimate(council, "\"2024-04\"", First.AddMonths(35)).Single(e => e.Method == "its");
        Assert.Null(its.Refused);
        Assert.True(its.EffectTransactions < 0, $"offline fell after go-live: {its.EffectTransactions}");
    }
}
