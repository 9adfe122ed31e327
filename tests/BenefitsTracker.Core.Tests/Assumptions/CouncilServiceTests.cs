using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Core.Tests.Assumptions;

/// <summary>docs/assumptions.md, "A council's own service entry": councils.{GSS}.services.{slug}.</summary>
public sealed class CouncilServiceTests
{
    private const string File = """
        { "version": "v1",
          "adjustments": {"deadweight": 0.1},
          "services": { "bins": { "go_live": "2024-04", "baseline": {"from": "2023-01", "to": "2023-12"} } },
          "councils": {
            "W06000002": { "services": { "bins": { "go_live": "2025-10" } } },
            "W06000001": { "services": { "bins": { "go_live": null } } },
            "W06000004": { "services": { "bins": { "lines": ["channel_shift"], "adjustments": {"deadweight": 0.3},
                                                   "baseline": {"from": "2023-06", "to": "2024-02"} } } } } }
        """;

    [Fact]
    public void A_council_without_its_own_entry_takes_the_top_level_service_entry()
    {
        var s = AssumptionSet.Parse(File).ForService("W06000003", "bins");
        Assert.Equal("2024-04", s.GoLive);
        Assert.Equal((new Month(2023, 1), new Month(2023, 12)), (s.BaselineFrom, s.BaselineTo));
        Assert.Equal(BenefitLines.All, s.Lines);
    }

    [Fact]
    public void A_council_go_live_takes_precedence_and_its_baseline_defaults_to_the_12_months_before_it()
    {
        var s = AssumptionSet.Parse(File).ForService("W06000002", "bins");
        Assert.Equal("2025-10", s.GoLive);
        Assert.Equal((new Month(2024, 10), new Month(2025, 9)), (s.BaselineFrom, s.BaselineTo));
        Assert.Equal(0.1m, s.Adjustments.Deadweight);
    }

    [Fact]
    public void A_null_go_live_means_not_launched_no_channel_shift_and_the_top_level_baseline()
    {
        var s = AssumptionSet.Parse(File).ForService("W06000001", "bins");
        Assert.Null(s.GoLive);
        Assert.DoesNotContain(BenefitLine.ChannelShift, s.Lines);
        Assert.Contains(BenefitLine.OfficerTime, s.Lines);
        Assert.Equal((new Month(2023, 1), new Month(2023, 12)), (s.BaselineFrom, s.BaselineTo));
    }

    [Fact]
    public void Lines_baseline_and_overrides_of_a_council_entry_win_over_the_service_entry()
    {
        var s = AssumptionSet.Parse(File).ForService("W06000004", "bins");
        Assert.Equal("2024-04", s.GoLive);
        Assert.Equal([BenefitLine.ChannelShift], s.Lines);
        Assert.Equal((new Month(2023, 6), new Month(2024, 2)), (s.BaselineFrom, s.BaselineTo));
        Assert.Equal(0.3m, s.Adjustments.Deadweight);
    }

    [Theory]
    [InlineData("""{"W06000001": {"services": {"parking": {"go_live": "2024-01"}}}}""", "councils.W06000001.services.parking")]
    [InlineData("""{"W06000001": {"services": {"bins": {"go_live": "April"}}}}""", "councils.W06000001.services.bins.go_live")]
    [InlineData("""{"W06000001": {"services": {"bins": {"colour": "green"}}}}""", "councils.W06000001.services.bins.colour")]
    [InlineData("""{"W06000001": {"services": {"bins": {"discount_rate": 0.1}}}}""", "councils.W06000001.services.bins.discount_rate")]
    [InlineData("""{"W06000001": {"services": {"bins": {"baseline": {"from": "2023-01"}}}}}""", "councils.W06000001.services.bins.baseline.to")]
    public void A_bad_council_service_entry_is_refused_with_its_key_path(string councils, string path)
    {
        var json = $$"""{ "version": "v1", "services": { "bins": { "go_live": "2024-04" } }, "councils": {{councils}} }""";
        var e = Assert.Throws<AssumptionsException>(() => AssumptionSet.Parse(json));
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void A_council_that_has_not_launched_gets_no_channel_shift_benefit_but_keeps_its_other_lines()
    {
        // 100 phone contacts a month before, 50 web + 50 phone after: channel shift is
        // 100 × (2.83) − (50 × 2.83 + 50 × 0.15) = £134.00 a month, unless the council has not launched.
        var data = new CouncilBuilder("W06000001")
            .VolumeEachMonth("bins", "phone", "2023-01", "2023-12", 100)
            .VolumeEachMonth("bins", "phone", "2024-04", "2024-06", 50)
            .VolumeEachMonth("bins", "web", "2024-04", "2024-06", 50)
            .Build();
        var request = new ReportRequest(new Month(2024, 4), new Month(2024, 6));
        var launched = SavingsEngine.ComputeCouncil(data with { Code = "W06000003" }, null, AssumptionSet.Parse(File), request,
            CouncilBuilder.NoLineage());
        var notLaunched = SavingsEngine.ComputeCouncil(data, null, AssumptionSet.Parse(File), request, CouncilBuilder.NoLineage());
        Assert.Equal(3 * 134.00m, launched.Lines.Single(l => l.Line == BenefitLine.ChannelShift).Gross);
        Assert.Equal(0m, notLaunched.Lines.Single(l => l.Line == BenefitLine.ChannelShift).Gross);
    }
}
