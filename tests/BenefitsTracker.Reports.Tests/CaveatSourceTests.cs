using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Reports.Tests;

/// <summary>The caveats say where each unit cost came from: the default and its source, or the file and version that set it.</summary>
public sealed class CaveatSourceTests
{
    private static string Page(string assumptionsJson, string? file)
    {
        var council = new CouncilBuilder("W06000001", "One", 100_000)
            .VolumeEachMonth("bins", "phone", "2023-01", "2023-12", 100)
            .VolumeEachMonth("bins", "web", "2024-01", "2024-12", 60).VolumeEachMonth("bins", "phone", "2024-01", "2024-12", 40).Build();
        var lineage = CouncilBuilder.NoLineage("v2") with { AssumptionsFile = file };
        var r = SavingsEngine.ComputeCouncil(council, null, AssumptionSet.Parse(assumptionsJson),
            new ReportRequest(new Month(2024, 1), new Month(2024, 12)), lineage);
        using var dir = new TempDir();
        ReportWriter.WriteAll(r, dir.Path);
        return System.Net.WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.html")));
    }

    [Fact]
    public void A_unit_cost_set_by_the_file_is_credited_to_the_file_not_to_Socitm()
    {
        var html = Page(
            """{ "version": "v2", "unit_costs_gbp": { "phone": 4.00 }, "services": { "bins": { "go_live": "2024-01" } } }""", "my-costs.json");
        Assert.Contains("phone £4.00 is set by unit_costs_gbp.phone in the assumptions file my-costs.json (version v2)", html,
            StringComparison.Ordinal);
        Assert.Contains("web £0.15 and face to face £8.62 are the defaults (Socitm Channel Value Benchmarking", html, StringComparison.Ordinal);
        Assert.DoesNotContain("phone £2.83", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_alone_are_credited_to_Socitm()
    {
        var html = Page("""{ "version": "v2", "services": { "bins": { "go_live": "2024-01" } } }""", null);
        Assert.Contains("web £0.15, phone £2.83 and face to face £8.62 are the defaults (Socitm Channel Value Benchmarking", html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("is set by", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_override_names_its_own_key()
    {
        var html = Page("""{ "version": "v2", "services": { "bins": { "go_live": "2024-01", "unit_costs_gbp": { "phone": 3.10 } } } }""", "a.json");
        Assert.Contains("phone £3.10 is set by services.bins.unit_costs_gbp.phone in the assumptions file a.json (version v2)", html,
            StringComparison.Ordinal);
    }

    /// <summary>Issue 13: every category of assumption, not only unit costs, says where it came from.</summary>
    [Fact]
    public void Every_assumption_category_is_credited_to_the_file_that_set_it_or_to_its_default()
    {
        var html = Page("""
            { "version": "v2", "officer_hourly_cost_gbp": { "default": 30.5, "grades": { "SO1": 34 } }, "discount_rate": 0.05,
              "adjustments": { "deadweight": 0.2 }, "cashable": { "officer_time": true },
              "services": { "bins": { "go_live": "2024-01" } } }
            """, "my.json");
        Assert.Contains("Officer time is valued at £30.50 an hour by default (officer_hourly_cost_gbp.default) and £34.00 for grade SO1 " +
            "(officer_hourly_cost_gbp.grades.SO1), salary plus on-costs, as set in the assumptions file my.json (version v2)", html,
            StringComparison.Ordinal);
        Assert.Contains("Adjustments: deadweight 0.2 (adjustments.deadweight) is set in the assumptions file my.json (version v2); attribution 1 " +
            "and optimism bias 0 are the defaults (no adjustment, METHOD.md).", html, StringComparison.Ordinal);
        Assert.Contains("The discount rate of 5.0% a year is set by discount_rate in the assumptions file my.json (version v2)", html,
            StringComparison.Ordinal);
        Assert.Contains("What counts as cashable: officer time released counts as cashable (cashable.officer_time), as set in the assumptions file " +
            "my.json (version v2)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_adjustments_discount_rate_and_cashable_are_credited_to_their_sources()
    {
        var html = Page(
            """{ "version": "v2", "officer_hourly_cost_gbp": { "default": 30.5 }, "services": { "bins": { "go_live": "2024-01" } } }""", null);
        Assert.Contains("Adjustments: deadweight 0, attribution 1 and optimism bias 0 are the defaults (no adjustment, METHOD.md).", html,
            StringComparison.Ordinal);
        Assert.Contains("The discount rate of 3.5% a year is the default (HM Treasury Green Book).", html, StringComparison.Ordinal);
        Assert.Contains("What counts as cashable is the default (METHOD.md)", html, StringComparison.Ordinal);
        Assert.Contains("as set in the assumptions (version v2)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_the_file_sets_equal_to_its_default_is_credited_to_the_file_not_to_the_default()
    {
        // Every value here equals its built-in default, but the file says it: a finance officer checking the sources must
        // see the file's key, not "the default".
        var html = Page("""
            { "version": "v2", "officer_hourly_cost_gbp": { "default": 30.5 }, "discount_rate": 0.035,
              "adjustments": { "deadweight": 0, "attribution": 1, "optimism_bias_costs": 0 }, "cashable": { "print": true },
              "councils": { "W06000001": { "adjustments": { "optimism_bias": 0 } } },
              "services": { "bins": { "go_live": "2024-01" } } }
            """, "mine.json");
        Assert.Contains("Adjustments: deadweight 0 (adjustments.deadweight), attribution 1 (adjustments.attribution) and optimism bias 0 " +
            "(councils.W06000001.adjustments.optimism_bias) are set in the assumptions file mine.json (version v2).", html, StringComparison.Ordinal);
        Assert.Contains("The discount rate of 3.5% a year is set by discount_rate in the assumptions file mine.json (version v2)", html,
            StringComparison.Ordinal);
        Assert.Contains("What counts as cashable: print avoided counts as cashable (cashable.print), as set in the assumptions file mine.json", html,
            StringComparison.Ordinal);
        Assert.Contains("Optimism bias on costs of 0.0% is set by adjustments.optimism_bias_costs in the assumptions file mine.json", html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("are the defaults (no adjustment", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_council_level_optimism_bias_on_costs_and_discount_rate_are_credited_to_the_council_key()
    {
        // The council W06000001 of the page sets both for itself: the sources must name the key the figure came from.
        var html = Page("""
            { "version": "v3", "officer_hourly_cost_gbp": { "default": 30.5 },
              "councils": { "W06000001": { "adjustments": { "optimism_bias_costs": 0.25 }, "discount_rate": 0.05 } },
              "services": { "bins": { "go_live": "2024-01" } } }
            """, "council.json");
        Assert.Contains("Optimism bias on costs of 25.0% is set by councils.W06000001.adjustments.optimism_bias_costs in the assumptions file " +
            "council.json", html, StringComparison.Ordinal);
        Assert.Contains("The discount rate of 5.0% a year is set by councils.W06000001.discount_rate in the assumptions file council.json", html,
            StringComparison.Ordinal);
    }
}
