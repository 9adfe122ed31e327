using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Core.Tests;

/// <summary>METHOD.md, Consortia: members computed alone, shared costs apportioned, totals summed, small numbers suppressed.</summary>
public sealed class ConsortiumTests
{
    private const string Id = "north-wales";
    private static readonly ReportRequest Year = new(new Month(2024, 1), new Month(2024, 12));

    private static AssumptionSet Assumptions(string rule) => AssumptionSet.Parse($$"""
        { "version": "t", "officer_hourly_cost_gbp": { "default": 30 },
          "councils": { "W06000002": { "adjustments": { "deadweight": 0.5 } } },
          "consortia": { "{{Id}}": { "apportionment": "{{rule}}" } },
          "services": { "bins": { "go_live": "2024-01" } } }
        """);

    /// <summary>
    /// Three members. W06000001 (100,000 people): 100 phone a month in 2023, 50 web + 50 phone in 2024.
    /// W06000002 (300,000): twice that. W06000003 (50,000): 5 transactions in 2024 (3 phone, 2 web), below the threshold.
    /// Shared: £3,000 of hosting over 2024.
    /// </summary>
    private static ConsortiumData Consortium(long? thirdPopulation = 50_000) => new(Id, "North Wales", [
        Member("W06000003", "Small", thirdPopulation, 1).Volume("bins", "phone", "2024-02", 3).Volume("bins", "web", "2024-02", 2).Build(),
        Member("W06000001", "One", 100_000, 1)
            .VolumeEachMonth("bins", "web", "2024-01", "2024-12", 50).VolumeEachMonth("bins", "phone", "2024-01", "2024-12", 50).Build(),
        Member("W06000002", "Two", 300_000, 2)
            .VolumeEachMonth("bins", "web", "2024-01", "2024-12", 100).VolumeEachMonth("bins", "phone", "2024-01", "2024-12", 100).Build(),
    ], [CouncilBuilder.Line(null, "hosting", "2024-01", "2024-12", 3000m, reference: "SHARED-1")]);

    private static CouncilBuilder Member(string code, string name, long? population, int scale) =>
        new CouncilBuilder(code, name, population, Id).VolumeEachMonth("bins", "phone", "2023-01", "2023-12", 100 * scale);

    private static SavingsResult Compute(string rule, ConsortiumData? consortium = null, ReportRequest? request = null) =>
        SavingsEngine.ComputeConsortium(consortium ?? Consortium(), Assumptions(rule), request ?? Year, CouncilBuilder.NoLineage());

    [Theory]
    [InlineData("equal", 1000, 1000, 1000)]
    [InlineData("population", 2000.0 / 3, 2000, 1000.0 / 3)]
    [InlineData("usage", 3000.0 * 1200 / 3605, 3000.0 * 2400 / 3605, 3000.0 * 5 / 3605)]
    public void Shared_costs_are_apportioned_by_the_rule_and_sum_to_the_shared_cost(string rule, double one, double two, double small)
    {
        var r = Compute(rule);
        var costs = r.Members.ToDictionary(m => m.Scope.Id, m => m.Totals.Costs);
        Assert.Equal((decimal)one, costs["W06000001"], 10);
        Assert.Equal((decimal)two, costs["W06000002"], 10);
        Assert.Equal((decimal)small, costs["W06000003"], 10);
        Assert.Equal(3000m, costs.Values.Sum(), 20);
        Assert.Equal(3000m, r.Totals.Costs, 20);
        Assert.Equal(1m, r.Comparison!.Members.Sum(m => m.SharedCostShare), 20);
        Assert.Equal(rule, r.Comparison.Apportionment);
        Assert.Equal(rule, r.Members[0].Assumptions.Apportionment);
    }

    [Fact]
    public void Consortium_totals_lines_and_months_are_sums_of_the_members()
    {
        var r = Compute("equal");
        Assert.Equal(ScopeKind.Consortium, r.Scope.Kind);
        Assert.Equal(["W06000001", "W06000002", "W06000003"], r.Members.Select(m => m.Scope.Id));
        Assert.Empty(r.Services);
        Assert.Equal(r.Members.Sum(m => m.Totals.Transactions), r.Totals.Transactions);
        Assert.Equal(r.Members.Sum(m => m.Totals.GrossBenefit), r.Totals.GrossBenefit);
        Assert.Equal(r.Members.Sum(m => m.Totals.AdjustedBenefit), r.Totals.AdjustedBenefit);
        for (var i = 0; i < r.Months.Count; i++)
            Assert.Equal(r.Members.Sum(m => m.Months[i].AdjustedBenefit), r.Months[i].AdjustedBenefit);
        foreach (var line in r.Lines)
            Assert.Equal(r.Members.Sum(m => m.Lines.Single(l => l.Line == line.Line).Gross), line.Gross);
    }

    [Fact]
    public void Each_member_uses_its_own_assumptions()
    {
        // W06000002 saves twice W06000001's gross but keeps half (deadweight 0.5): the same adjusted.
        var r = Compute("equal");
        var one = r.Members.Single(m => m.Scope.Id == "W06000001");
        var two = r.Members.Single(m => m.Scope.Id == "W06000002");
        Assert.Equal(1608m, one.Totals.GrossBenefit);
        Assert.Equal(3216m, two.Totals.GrossBenefit);
        Assert.Equal(one.Totals.AdjustedBenefit, two.Totals.AdjustedBenefit);
    }

    [Fact]
    public void Ratios_payback_and_npv_are_recomputed_from_the_sums()
    {
        var r = Compute("equal");
        Assert.Equal(r.Totals.NetBenefit / r.Totals.Costs, r.Totals.Roi);
        Assert.Equal(r.Totals.AdjustedBenefit / r.Totals.Costs, r.Totals.Bcr);
        Assert.Equal(r.Totals.AdjustedBenefit - r.Totals.Costs, r.Totals.NetBenefit);
        Assert.Equal((decimal)r.Totals.DigitalTransactions / r.Totals.Transactions, r.Totals.DigitalTakeUp);
    }

    [Fact]
    public void A_member_below_the_threshold_is_suppressed_and_left_out_of_medians()
    {
        var c = Compute("equal").Comparison!;
        Assert.Equal(10, c.SuppressionThreshold);
        var small = c.Members.Single(m => m.Code == "W06000003");
        Assert.True(small.Suppressed);
        Assert.Null(small.Transactions);
        Assert.Null(small.AdjustedBenefit);
        Assert.Null(small.AdjustedBenefitPer1000Residents);
        Assert.Null(small.DigitalTakeUp);
        Assert.Null(small.CostPerTransaction);

        // The consortium total is shown, so the small member alone could be found by subtraction:
        // the next-smallest member, W06000001 (1,200 against 2,400), is hidden too.
        var one = c.Members.Single(m => m.Code == "W06000001");
        var two = c.Members.Single(m => m.Code == "W06000002");
        Assert.True(one.Suppressed);
        Assert.Null(one.Transactions);
        Assert.Null(one.AdjustedBenefitPer1000Residents);
        Assert.False(two.Suppressed);
        Assert.Equal(2400, two.Transactions);
        Assert.Equal(1608m * 1000m / 300_000m, two.AdjustedBenefitPer1000Residents);
        // Medians are over the members shown: here only W06000002.
        Assert.Equal(1608m * 1000m / 300_000m, c.Median.AdjustedBenefitPer1000Residents);
        Assert.Equal(0.5m, c.Median.DigitalTakeUp);
    }

    [Theory]
    [InlineData("north-wales", "North Wales")]
    [InlineData("synthetic_3", "Synthetic 3")]
    public void A_consortium_without_a_stored_name_is_called_by_its_id_made_readable(string id, string name)
    {
        Assert.Equal(name, SavingsEngine.DisplayName(id));
        var unnamed = Consortium() with { Name = null };
        Assert.Equal("North Wales", Compute("equal", unnamed).Scope.Name);
    }

    [Fact]
    public void Suppression_hides_counts_of_one_to_threshold_less_one_and_more_cells_until_the_hidden_ones_add_up_to_the_threshold()
    {
        Assert.False(Suppression.Hides(0, 10));
        Assert.True(Suppression.Hides(1, 10));
        Assert.True(Suppression.Hides(9, 10));
        Assert.False(Suppression.Hides(10, 10));

        var row = new Dictionary<string, long> { ["web"] = 50, ["phone"] = 3, ["post"] = 0, ["face_to_face"] = 12 };
        Assert.Equal(new HashSet<string> { "phone", "face_to_face" }, Suppression.HiddenCells(row, 10));
        // 3 and 4 hidden would still give away 7 (the total less web): web goes too.
        var two = new Dictionary<string, long> { ["web"] = 50, ["phone"] = 3, ["email"] = 4 };
        Assert.Equal(new HashSet<string> { "phone", "email", "web" }, Suppression.HiddenCells(two, 10));
        // 3 and 8 hidden add up to 11: enough, face to face stays.
        var enough = new Dictionary<string, long> { ["web"] = 50, ["phone"] = 3, ["email"] = 8, ["face_to_face"] = 12 };
        Assert.Equal(new HashSet<string> { "phone", "email" }, Suppression.HiddenCells(enough, 10));
        // 2 hidden, then the smallest other (5): 7, still small, so the next (6): 13.
        var chain = new Dictionary<string, long> { ["web"] = 50, ["phone"] = 2, ["post"] = 5, ["email"] = 6, ["face_to_face"] = 0 };
        Assert.Equal(new HashSet<string> { "phone", "post", "email" }, Suppression.HiddenCells(chain, 10));
        var none = new Dictionary<string, long> { ["web"] = 50, ["phone"] = 30 };
        Assert.Empty(Suppression.HiddenCells(none, 10));
    }

    [Fact]
    public void Population_apportionment_without_a_population_names_the_council()
    {
        var e = Assert.Throws<MethodException>(() => Compute("population", Consortium(thirdPopulation: null)));
        Assert.Contains("W06000003", e.Message);
        Assert.Contains("population", e.Message);
    }

    [Fact]
    public void Equal_apportionment_needs_no_population()
    {
        Assert.Equal(3000m, Compute("equal", Consortium(thirdPopulation: null)).Totals.Costs, 20);
    }

    [Fact]
    public void The_shared_line_appears_once_in_the_consortium_working()
    {
        var shared = Assert.Single(Compute("population").Costs, c => c.Owner == Id);
        Assert.Equal(1m, shared.Share, 20);
        Assert.Equal(3000m, shared.InPeriod, 20);
        Assert.Equal(250m, shared.MonthlyAmount);
    }

    [Fact]
    public void A_member_report_alone_carries_its_share()
    {
        var consortium = Consortium();
        var one = consortium.Members.Single(m => m.Code == "W06000001");
        var r = SavingsEngine.ComputeCouncil(one, consortium, Assumptions("population"), Year, CouncilBuilder.NoLineage());
        Assert.Equal(2000m / 3m, r.Totals.Costs, 20);
        var share = Assert.Single(r.Costs);
        Assert.Equal((Id, 100_000m / 450_000m), (share.Owner, share.Share));
    }

    [Fact]
    public void A_council_outside_the_consortium_cannot_take_a_share()
    {
        var outsider = new CouncilBuilder("W06000009").Build();
        Assert.Throws<MethodException>(() =>
            SavingsEngine.ComputeCouncil(outsider, Consortium(), Assumptions("equal"), Year, CouncilBuilder.NoLineage()));
    }

    [Fact]
    public void Usage_shares_count_only_the_requested_service()
    {
        var consortium = Consortium();
        // A consortium-wide line counts only without a service filter, so the shared line here is for bins.
        var withPermits = consortium with
        {
            SharedCosts = [CouncilBuilder.Line("bins", "hosting", "2024-01", "2024-12", 3000m)],
            Members = [.. consortium.Members.Select(m => m.Code == "W06000003"
                ? m with { Volumes = [.. m.Volumes, new ChannelVolume("permits", "web", new Month(2024, 3), 100_000, 0, 0)] }
                : m)],
        };
        var assumptions = AssumptionSet.Parse($$"""
            { "version": "t", "consortia": { "{{Id}}": { "apportionment": "usage" } },
              "services": { "bins": { "go_live": "2024-01" }, "permits": { "go_live": "2024-01" } } }
            """);
        var r = SavingsEngine.ComputeConsortium(withPermits, assumptions, Year with { Service = "bins" }, CouncilBuilder.NoLineage());
        Assert.Equal(3000m * 5 / 3605, r.Members.Single(m => m.Scope.Id == "W06000003").Totals.Costs, 20);
    }

    [Fact]
    public void A_member_without_the_requested_service_contributes_zeros()
    {
        var consortium = Consortium() with { SharedCosts = [] };
        var member = new CouncilBuilder("W06000004", "Other", 10, Id).Build();
        var r = SavingsEngine.ComputeConsortium(consortium with { Members = [.. consortium.Members, member] },
            Assumptions("equal"), Year with { Service = "bins" }, CouncilBuilder.NoLineage());
        var other = r.Members.Single(m => m.Scope.Id == "W06000004");
        Assert.Equal(0m, other.Totals.GrossBenefit);
        Assert.Equal(12, other.Months.Count);
    }

    [Fact]
    public void Members_are_computed_in_parallel_yet_the_first_members_failure_in_code_order_is_the_one_reported()
    {
        // Two members whose data needs a unit cost the assumptions do not give: W06000001 (post) and W06000002 (chat).
        var failing = new ConsortiumData(Id, "North Wales", [
            Member("W06000002", "Two", 300_000, 2).VolumeEachMonth("bins", "chat", "2024-01", "2024-12", 7).Build(),
            Member("W06000001", "One", 100_000, 1).VolumeEachMonth("bins", "post", "2024-01", "2024-12", 5).Build(),
        ], []);
        for (var i = 0; i < 20; i++)
        {
            var e = Assert.Throws<MethodException>(() => Compute("equal", failing));
            Assert.Contains("Council W06000001", e.Message, StringComparison.Ordinal);
            Assert.Contains("unit_costs_gbp.post", e.Message, StringComparison.Ordinal);
        }

        // And the same figures every time, members in code order.
        var first = Compute("usage");
        var again = Compute("usage");
        Assert.Equal(["W06000001", "W06000002", "W06000003"], first.Members.Select(m => m.Scope.Id));
        Assert.Equal(first.Members.Select(m => (m.Totals.AdjustedBenefit, m.Totals.Costs, m.Totals.NetBenefit)),
            again.Members.Select(m => (m.Totals.AdjustedBenefit, m.Totals.Costs, m.Totals.NetBenefit)));
    }
}
