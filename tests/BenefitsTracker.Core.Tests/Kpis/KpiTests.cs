using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Core.Tests.Kpis;

/// <summary>The four service KPIs, worked by hand: see <see cref="KpiExample"/>.</summary>
public sealed class KpiTests
{
    private static readonly AssumptionSet Assumptions = KpiExample.Assumptions;

    private static CouncilBuilder Bins(string code = "W06000001") => KpiExample.Bins(code);

    private static SavingsResult Compute(CouncilData council, string from, string to) =>
        SavingsEngine.ComputeCouncil(council, null, Assumptions, new ReportRequest(Month.Parse(from), Month.Parse(to)), CouncilBuilder.NoLineage());

    [Fact]
    public void The_four_KPIs_of_a_month_work_out_by_hand()
    {
        var k = Compute(Bins().Build(), "2024-04", "2024-04").Kpis.Single();
        Assert.Equal("bins", k.Service);
        Assert.Equal(0.886m, k.Period.CostPerTransaction);
        Assert.Equal(0.8m, k.Period.DigitalTakeUp);
        Assert.Equal(0.8m, k.Period.CompletionRate);
        Assert.Equal(0.8m, k.Period.UserSatisfaction);
        Assert.Equal(20, k.Period.Ratings);
        Assert.Equal(40m, k.Period.Costs);
    }

    [Fact]
    public void Each_KPI_stands_beside_the_same_months_a_year_earlier()
    {
        var k = Compute(Bins().Build(), "2024-04", "2024-04").Kpis.Single();
        var ye = Assert.IsType<KpiFigures>(k.YearEarlier);
        Assert.Equal(1.49m, ye.CostPerTransaction);
        Assert.Equal(0.5m, ye.DigitalTakeUp);
        Assert.Null(ye.CompletionRate);
        Assert.Equal(0.6m, ye.UserSatisfaction);
        var month = k.Months.Single().YearEarlier!;   // one month: the period's comparison is that month's
        Assert.Equal((ye.CostPerTransaction, ye.DigitalTakeUp, ye.UserSatisfaction, ye.Ratings),
            (month.CostPerTransaction, month.DigitalTakeUp, month.UserSatisfaction, month.Ratings));
        Assert.Equal(100, month.ByChannel["web"]);
    }

    [Fact]
    public void Targets_come_from_the_assumptions_and_say_which_are_met()
    {
        var r = Compute(Bins().Build(), "2024-04", "2024-04");
        var k = r.Kpis.Single();
        var t = Assert.IsType<KpiTargets>(k.Targets);
        Assert.True(t.Met(Kpi.CostPerTransaction, k.Period.CostPerTransaction));   // 0.886 <= 1.00
        Assert.True(t.Met(Kpi.DigitalTakeUp, k.Period.DigitalTakeUp));             // 0.8 >= 0.8
        Assert.False(t.Met(Kpi.CompletionRate, k.Period.CompletionRate));          // 0.8 < 0.9
        Assert.True(t.Met(Kpi.UserSatisfaction, k.Period.UserSatisfaction));       // 0.8 >= 0.75
        Assert.Equal("Head of Waste", r.Services.Single().Assumptions.Owner);
    }

    [Fact]
    public void A_month_beyond_the_events_feed_is_unknown_not_zero()
    {
        var k = Compute(Bins().Build(), "2024-04", "2024-05").Kpis.Single();
        Assert.NotNull(k.Months[0].Figures);
        Assert.Null(k.Months[1].Figures);
        // The period is the month that is known; May 2023 lies inside the feed, with nothing in it.
        Assert.Equal(0.886m, k.Period.CostPerTransaction);
        Assert.Equal(200, k.YearEarlier!.Transactions);
    }

    [Fact]
    public void No_comparison_where_the_months_a_year_earlier_are_not_all_held()
    {
        var council = new CouncilBuilder().Volume("bins", "web", "2023-06", 10).Volume("bins", "web", "2024-04", 10)
            .Volume("bins", "web", "2024-06", 10).Build();
        var k = Compute(council, "2024-04", "2024-06").Kpis.Single();
        Assert.Null(k.YearEarlier);                  // April and May 2023 precede the data
        Assert.Null(k.Months[0].YearEarlier);
        Assert.NotNull(k.Months[2].YearEarlier);     // June 2023 is held
        Assert.Null(k.Period.UserSatisfaction);      // no ratings: unknown, not 0%
    }

    [Fact]
    public void A_consortium_sums_members_before_dividing_and_hides_small_rating_counts()
    {
        var r = KpiExample.Consortium();
        var k = r.Kpis.Single();
        Assert.Equal(25, k.Period.Ratings);
        Assert.Equal(17m / 25m, k.Period.UserSatisfaction);               // (16 + 1) / (20 + 5), not the mean of 0.8 and 0.2
        Assert.Equal(460m / 500m, k.Period.DigitalTakeUp);                 // (160 + 300) / (200 + 300)
        Assert.Equal(Assumptions.TargetsFor("bins"), k.Targets);

        var view = KpiDisclosure.Of(r);
        Assert.Equal(Shown.Value, view.Period("bins", Kpi.UserSatisfaction));
        // Member Two's 5 ratings are small; One's 20 are hidden beside them, or 25 − 20 would give 5 away.
        Assert.Equal(Shown.Small, view.Member("W06000002", "bins", Kpi.UserSatisfaction));
        Assert.Equal(Shown.Confidential, view.Member("W06000001", "bins", Kpi.UserSatisfaction));
        Assert.Equal(Shown.Value, view.Member("W06000002", "bins", Kpi.DigitalTakeUp));
    }

    [Fact]
    public void A_member_withheld_whole_is_never_the_one_hidden_rating_count_of_a_service()
    {
        // Two is withheld whole (1 transaction in the period); Three is withheld beside it (the smallest other) but has no
        // bins. In the bins ratings row One 20, Two 30, Three 0: no count is small, yet the consortium's 50 less One's 20
        // shown would give Two's 30 away. So One's count is hidden beside Two's.
        var two = new CouncilBuilder("W06000002", "Two", 50_000, "north")
            .VolumeEachMonth("bins", "web", "2023-04", "2024-04", 1)
            .Ratings("bins", "web", "2024-04", 30, 24)
            .Build();
        var three = new CouncilBuilder("W06000003", "Three", 60_000, "north")
            .VolumeEachMonth("maps", "web", "2023-04", "2024-04", 50)
            .Build();
        var assumptions = AssumptionSet.Parse("""
            { "version": "t", "officer_hourly_cost_gbp": { "default": 30 },
              "services": { "bins": { "go_live": "2023-10" }, "maps": { "go_live": "2023-10" } },
              "councils": { "W06000003": { "services": { "maps": { "go_live": null } } } } }
            """);
        var r = SavingsEngine.ComputeConsortium(new ConsortiumData("north", "North", [Bins().Build(), two, three], []), assumptions,
            new ReportRequest(new Month(2024, 4), new Month(2024, 4)), CouncilBuilder.NoLineage());
        var view = KpiDisclosure.Of(r);

        Assert.Equal((Shown.Small, Shown.Confidential, Shown.Value),
            (view.View.Member("W06000002"), view.View.Member("W06000003"), view.View.Member("W06000001")));
        Assert.Equal(50, r.Kpis.Single(k => k.Service == "bins").Period.Ratings);
        Assert.Equal(Shown.Small, view.Member("W06000002", "bins", Kpi.UserSatisfaction));
        Assert.Equal(Shown.Confidential, view.Member("W06000001", "bins", Kpi.UserSatisfaction));
    }

    [Fact]
    public void Targets_are_validated_with_their_path()
    {
        var e = Assert.Throws<AssumptionsException>(() => AssumptionSet.Parse("""
            { "version": "t", "services": { "bins": { "go_live": "2023-10", "targets": { "user_satisfaction": 85 } } } }
            """));
        Assert.Contains("services.bins.targets.user_satisfaction", e.Message);
        var unknown = Assert.Throws<AssumptionsException>(() => AssumptionSet.Parse("""
            { "version": "t", "services": { "bins": { "go_live": "2023-10", "targets": { "satisfaction": 0.8 } } } }
            """));
        Assert.Contains("services.bins.targets.satisfaction", unknown.Message);
    }

    [Fact]
    public void A_council_target_overrides_one_KPI_and_keeps_the_others()
    {
        var set = AssumptionSet.Parse("""
            { "version": "t", "services": { "bins": { "go_live": "2023-10", "targets": { "digital_take_up": 0.8, "user_satisfaction": 0.75 } } },
              "councils": { "W06000001": { "services": { "bins": { "targets": { "digital_take_up": 0.9 } } } } } }
            """);
        var t = set.ForService("W06000001", "bins").Targets!;
        Assert.Equal(0.9m, t.DigitalTakeUp);
        Assert.Equal(0.75m, t.UserSatisfaction);
        Assert.Null(t.CostPerTransaction);
        Assert.Equal(0.8m, set.ForService("W06000002", "bins").Targets!.DigitalTakeUp);
    }
}
