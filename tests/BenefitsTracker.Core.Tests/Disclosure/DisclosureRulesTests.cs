using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Core.Tests.Disclosure;

/// <summary>
/// The suppression decisions, made once in Core (METHOD.md v2): "&lt;10" for a small count, "[c]" for a
/// cell hidden to protect one, and members withheld whole so that none can be found by subtraction.
/// </summary>
public sealed class DisclosureRulesTests
{
    [Fact]
    public void A_row_labels_the_small_cell_small_and_the_one_hidden_beside_it_confidential()
    {
        // Web 899, phone 300, post 5 with the total shown: post is small; phone, the next smallest, is
        // hidden so that 1,204 − 899 does not give post away.
        var row = DisclosureRules.Row(new Dictionary<string, long> { ["web"] = 899, ["phone"] = 300, ["post"] = 5 }, 10);
        Assert.Equal(Shown.Small, row["post"]);
        Assert.Equal(Shown.Confidential, row["phone"]);
        Assert.False(row.ContainsKey("web"));
    }

    [Fact]
    public void Zero_is_shown_and_a_row_without_small_cells_hides_nothing()
    {
        Assert.Empty(DisclosureRules.Row(new Dictionary<string, long> { ["web"] = 0, ["phone"] = 12 }, 10));
    }

    private static readonly ReportRequest Year = new(new Month(2024, 1), new Month(2024, 12));
    private static readonly AssumptionSet Bins = AssumptionSet.Parse("""
        { "version": "t", "officer_hourly_cost_gbp": { "default": 30 }, "services": { "bins": { "go_live": "2024-01" } } }
        """);

    private static CouncilBuilder Member(string code, string name, long monthly) =>
        new CouncilBuilder(code, name, 100_000, "c")
            .VolumeEachMonth("bins", "phone", "2023-01", "2023-12", monthly)
            .VolumeEachMonth("bins", "web", "2024-01", "2024-12", monthly);

    [Fact]
    public void A_small_member_is_small_and_the_next_smallest_is_confidential()
    {
        // Tiny: 4 web transactions in the year; Mid 25 a month (300); Big 200 a month (2,400).
        var consortium = new ConsortiumData("c", "C", [
            Member("W06000001", "Big", 200).Build(),
            Member("W06000002", "Mid", 25).Build(),
            new CouncilBuilder("W06000004", "Tiny", 1_000, "c").VolumeEachMonth("bins", "phone", "2023-01", "2023-12", 1)
                .Volume("bins", "web", "2024-03", 4).Build(),
        ], []);
        var r = SavingsEngine.ComputeConsortium(consortium, Bins, Year, CouncilBuilder.NoLineage());
        var members = DisclosureRules.Members(r.Members, 10);
        Assert.Equal(Shown.Small, members["W06000004"]);
        Assert.Equal(Shown.Confidential, members["W06000002"]);
        Assert.False(members.ContainsKey("W06000001"));
        var view = DisclosureView.Of(r);
        Assert.Equal("<10", view.Symbol(view.Member("W06000004")));
        Assert.Equal("[c]", view.Symbol(view.Member("W06000002")));
        Assert.Equal(Shown.Value, view.Member("W06000001"));
    }

    [Fact]
    public void A_figure_only_one_withheld_member_has_pulls_in_the_next_member_that_has_it()
    {
        // Officer time: Tiny has cases, Mid has none, Big and Large have. Withholding Tiny and Mid alone
        // would leave officer time = consortium − Big − Large = Tiny's own. So Big (fewer transactions
        // than Large, and with cases) is withheld too; Large stays shown.
        var consortium = new ConsortiumData("c", "C", [
            Member("W06000001", "Big", 200).ClosedEachMonth("bins", "2023-01", "2023-12", 60m, 10)
                .ClosedEachMonth("bins", "2024-01", "2024-12", 40m, 10).Build(),
            Member("W06000002", "Mid", 25).Build(),
            Member("W06000003", "Large", 900).ClosedEachMonth("bins", "2023-01", "2023-12", 50m, 30)
                .ClosedEachMonth("bins", "2024-01", "2024-12", 45m, 30).Build(),
            new CouncilBuilder("W06000004", "Tiny", 1_000, "c").VolumeEachMonth("bins", "phone", "2023-01", "2023-12", 1)
                .Volume("bins", "web", "2024-03", 4)
                .Closed("bins", "2023-06", 130m, 2).Closed("bins", "2024-03", 57m, 3).Build(),
        ], []);
        var r = SavingsEngine.ComputeConsortium(consortium, Bins, Year, CouncilBuilder.NoLineage());
        var members = DisclosureRules.Members(r.Members, 10);
        Assert.Equal(["W06000001", "W06000002", "W06000004"], members.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Shown.Confidential, members["W06000001"]);

        // Every additive figure: none has exactly one withheld contributor.
        var figures = r.Members.ToDictionary(m => m.Scope.Id, AdditiveFigures.Of);
        foreach (var key in figures.Values.SelectMany(f => f.Keys).Distinct())
        {
            var contributors = members.Keys.Count(code => figures[code][key] != 0m);
            Assert.True(contributors != 1,
                $"{key}: one withheld member alone contributes, so the consortium's figure less the shown members' gives it away");
        }
        // The comparison (in the result) withholds the same members.
        Assert.Equal(members.Keys.Order(StringComparer.Ordinal),
            r.Comparison!.Members.Where(m => m.Suppressed).Select(m => m.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_council_report_is_not_controlled()
    {
        var council = Member("W06000001", "Big", 2).Build();
        var r = SavingsEngine.ComputeCouncil(council, null, Bins, Year, CouncilBuilder.NoLineage());
        var view = DisclosureView.Of(r);
        Assert.False(view.Controlled);
        Assert.Equal(Shown.Value, view.Count(2));
        Assert.Null(view.Note);
    }
}
