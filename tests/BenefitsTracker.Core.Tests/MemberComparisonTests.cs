using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Core.Tests;

/// <summary>
/// Issue 13: what a consortium lead compares per member (costs, net benefit, ROI, benefit per transaction, cost
/// per 1,000 residents, each beside the median), the assumptions that differ, and where the populations come from.
/// </summary>
public sealed class MemberComparisonTests
{
    private const string Id = "north-wales";
    private static readonly ReportRequest Year = new(new Month(2024, 1), new Month(2024, 12));

    /// <summary>
    /// W06000001 (100,000 people): 100 phone a month in 2023, 50 web + 50 phone in 2024, so channel shift is
    /// 100 × £2.83 − (50 × £0.15 + 50 × £2.83) = £134 a month, £1,608 a year. W06000002 (300,000): twice the volumes,
    /// £3,216 gross, deadweight 0.5, £1,608 adjusted. W06000003 (50,000): 3 phone and 2 web in February 2024,
    /// 5 × £2.83 − (3 × £2.83 + 2 × £0.15) = £5.36. £3,000 of shared hosting split equally: £1,000 each.
    /// Threshold 1, so no member is withheld.
    /// </summary>
    private static SavingsResult Compute(string extra = "") => SavingsEngine.ComputeConsortium(
        new ConsortiumData(Id, "North Wales", [
            Member("W06000003", 50_000, 1).Volume("bins", "phone", "2024-02", 3).Volume("bins", "web", "2024-02", 2).Build(),
            Member("W06000001", 100_000, 1).VolumeEachMonth("bins", "web", "2024-01", "2024-12", 50)
                .VolumeEachMonth("bins", "phone", "2024-01", "2024-12", 50).Build(),
            Member("W06000002", 300_000, 2).VolumeEachMonth("bins", "web", "2024-01", "2024-12", 100)
                .VolumeEachMonth("bins", "phone", "2024-01", "2024-12", 100).Build(),
        ], [CouncilBuilder.Line(null, "hosting", "2024-01", "2024-12", 3000m)]),
        AssumptionSet.Parse($$"""
            { "version": "t", "officer_hourly_cost_gbp": { "default": 30 }, "suppression_threshold": 1,
              "councils": { "W06000002": { "adjustments": { "deadweight": 0.5 } } {{extra}} },
              "consortia": { "{{Id}}": { "apportionment": "equal" } },
              "services": { "bins": { "go_live": "2024-01" } } }
            """),
        Year, CouncilBuilder.NoLineage());

    private static CouncilBuilder Member(string code, long population, int scale) =>
        new CouncilBuilder(code, code, population, Id).VolumeEachMonth("bins", "phone", "2023-01", "2023-12", 100 * scale);

    [Fact]
    public void Each_member_has_costs_net_ROI_and_figures_per_transaction_and_per_1000_residents()
    {
        var c = Compute().Comparison!;
        var one = c.Members.Single(m => m.Code == "W06000001");
        Assert.Equal(1608m, one.AdjustedBenefit);
        Assert.Equal(1000m, one.Costs!.Value, 10);
        Assert.Equal(608m, one.NetBenefit!.Value, 10);
        Assert.Equal(0.608m, one.Roi!.Value, 10);
        Assert.Equal(1.34m, one.BenefitPerTransaction);
        Assert.Equal(16.08m, one.AdjustedBenefitPer1000Residents);
        Assert.Equal(10m, one.CostPer1000Residents!.Value, 10);

        var two = c.Members.Single(m => m.Code == "W06000002");
        Assert.Equal(1608m, two.AdjustedBenefit);
        Assert.Equal(0.67m, two.BenefitPerTransaction);
        Assert.Equal(5.36m, two.AdjustedBenefitPer1000Residents);
        Assert.Equal(1000m / 300m, two.CostPer1000Residents!.Value, 10);

        var small = c.Members.Single(m => m.Code == "W06000003");
        Assert.Equal(5.36m, small.AdjustedBenefit);
        Assert.Equal(-994.64m, small.NetBenefit!.Value, 10);
        Assert.Equal(-0.99464m, small.Roi!.Value, 10);
        Assert.Equal(1.072m, small.BenefitPerTransaction);
        Assert.Equal(20m, small.CostPer1000Residents!.Value, 10);
    }

    [Fact]
    public void Each_figure_has_its_median_over_the_members()
    {
        var md = Compute().Comparison!.Median;
        Assert.Equal(1608m, md.AdjustedBenefit);
        Assert.Equal(1000m, md.Costs!.Value, 10);
        Assert.Equal(608m, md.NetBenefit!.Value, 10);
        Assert.Equal(0.608m, md.Roi!.Value, 10);
        Assert.Equal(1.072m, md.BenefitPerTransaction); // of 1.34, 0.67 and 1.072
        Assert.Equal(5.36m, md.AdjustedBenefitPer1000Residents); // of 16.08, 5.36 and 0.1072
        Assert.Equal(10m, md.CostPer1000Residents!.Value, 10); // of 10, 3.33 and 20
    }

    [Fact]
    public void Members_withheld_show_no_money_figure_and_stay_out_of_the_medians()
    {
        var r = SavingsEngine.ComputeConsortium(
            new ConsortiumData(Id, "North Wales", [
                Member("W06000003", 50_000, 1).Volume("bins", "phone", "2024-02", 3).Volume("bins", "web", "2024-02", 2).Build(),
                Member("W06000001", 100_000, 1).VolumeEachMonth("bins", "web", "2024-01", "2024-12", 50)
                    .VolumeEachMonth("bins", "phone", "2024-01", "2024-12", 50).Build(),
                Member("W06000002", 300_000, 2).VolumeEachMonth("bins", "web", "2024-01", "2024-12", 100)
                    .VolumeEachMonth("bins", "phone", "2024-01", "2024-12", 100).Build(),
            ], [CouncilBuilder.Line(null, "hosting", "2024-01", "2024-12", 3000m)]),
            AssumptionSet.Parse(
                """{ "version": "t", "officer_hourly_cost_gbp": { "default": 30 }, "services": { "bins": { "go_live": "2024-01" } } }"""),
            Year, CouncilBuilder.NoLineage());
        var c = r.Comparison!;
        var withheld = c.Members.Where(m => m.Suppressed).ToList();
        Assert.NotEmpty(withheld);
        Assert.All(withheld, m => Assert.True(m.Costs is null && m.NetBenefit is null && m.Roi is null && m.BenefitPerTransaction is null
            && m.CostPer1000Residents is null));
        var shown = c.Members.Where(m => !m.Suppressed).ToList();
        Assert.Equal(ConsortiumComparisons.Median(shown.Select(m => m.Costs)), c.Median.Costs);
        Assert.Equal(ConsortiumComparisons.Median(shown.Select(m => m.NetBenefit)), c.Median.NetBenefit);
    }

    [Fact]
    public void The_assumptions_that_differ_between_members_are_listed_with_each_members_value()
    {
        var c = Compute(""", "W06000003": { "services": { "bins": { "go_live": "2024-06" } } }""").Comparison!;
        // A later go-live moves the default baseline (the 12 months before it) too.
        Assert.Equal(["adjustments.deadweight", "services.bins.baseline", "services.bins.go_live"],
            c.DifferingAssumptions.Select(d => d.Key).ToArray());
        var deadweight = c.DifferingAssumptions[0].Values.ToDictionary(v => v.Code, v => v.Value);
        Assert.Equal("0", deadweight["W06000001"]);
        Assert.Equal("0.5", deadweight["W06000002"]);
        Assert.Equal("0", deadweight["W06000003"]);
        var goLive = c.DifferingAssumptions[2].Values.ToDictionary(v => v.Code, v => v.Value);
        Assert.Equal("2024-01", goLive["W06000001"]);
        Assert.Equal("2024-06", goLive["W06000003"]);
        Assert.Equal("2023-06 to 2024-05", c.DifferingAssumptions[1].Values.Single(v => v.Code == "W06000003").Value);
    }

    [Fact]
    public void Members_on_the_same_assumptions_differ_in_none()
    {
        var r = SavingsEngine.ComputeConsortium(
            new ConsortiumData(Id, "North Wales", [
                Member("W06000001", 100_000, 1).VolumeEachMonth("bins", "web", "2024-01", "2024-12", 50).Build(),
                Member("W06000002", 300_000, 2).VolumeEachMonth("bins", "web", "2024-01", "2024-12", 100).Build(),
            ], []),
            AssumptionSet.Parse(
                """{ "version": "t", "officer_hourly_cost_gbp": { "default": 30 }, "services": { "bins": { "go_live": "2024-01" } } }"""),
            Year, CouncilBuilder.NoLineage());
        Assert.Empty(r.Comparison!.DifferingAssumptions);
        Assert.Null(r.Comparison.PopulationSource);
    }

    [Fact]
    public void The_population_source_comes_from_the_consortiums_assumptions()
    {
        var set = AssumptionSet.Parse("""{ "version": "t", "consortia": { "north-wales": """ +
            """{ "apportionment": "population", "population_source": "ONS mid-2022 estimates" } } }""");
        Assert.Equal("ONS mid-2022 estimates", set.ForConsortium(Id).PopulationSource);
        Assert.Null(set.ForConsortium("elsewhere").PopulationSource);
        var e = Assert.Throws<AssumptionsException>(() =>
            AssumptionSet.Parse("""{ "version": "t", "consortia": { "north-wales": { "population_source": "" } } }"""));
        Assert.Contains("consortia.north-wales.population_source", e.Message, StringComparison.Ordinal);
    }
}
