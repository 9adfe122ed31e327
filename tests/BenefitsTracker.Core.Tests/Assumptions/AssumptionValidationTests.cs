using BenefitsTracker.Core.Assumptions;

namespace BenefitsTracker.Core.Tests.Assumptions;

/// <summary>docs/assumptions.md, Validation: anything wrong is refused with the key's path.</summary>
public sealed class AssumptionValidationTests
{
    private const string Service = """ "services": { "bins": { "go_live": "2024-04" } } """;

    public static TheoryData<string, string> Refused => new()
    {
        { """{ "version": "v1", "unit_cost_gbp": {} }""", "unit_cost_gbp" },
        { """{ "version": "v1", "adjustments": { "dead_weight": 0.1 } }""", "adjustments.dead_weight" },
        { """{ "version": "v1", "adjustments": { "deadweight": 1.5 } }""", "adjustments.deadweight" },
        { """{ "version": "v1", "adjustments": { "attribution": -0.1 } }""", "adjustments.attribution" },
        { """{ "version": "v1", "adjustments": { "optimism_bias": 41 } }""", "adjustments.optimism_bias" },
        { """{ "version": "v1", "discount_rate": 3.5 }""", "discount_rate" },
        { """{ "version": "v1", "unit_costs_gbp": { "post": -5 } }""", "unit_costs_gbp.post" },
        { """{ "version": "v1", "unit_costs_gbp": { "fax": 1 } }""", "unit_costs_gbp.fax" },
        { """{ "version": "v1", "unit_costs_gbp": { "web": "cheap" } }""", "unit_costs_gbp.web" },
        { """{ "version": "v1", "digital_channels": ["web", "telegram"] }""", "digital_channels[1]" },
        { """{ "version": "v1", "digital_channels": ["web", "web"] }""", "digital_channels[1]" },
        { """{ "version": "v1", "officer_hourly_cost_gbp": { "default": -1 } }""", "officer_hourly_cost_gbp.default" },
        { """{ "version": "v1", "officer_hourly_cost_gbp": { "grades": { "PO1": -2 } } }""", "officer_hourly_cost_gbp.grades.PO1" },
        { """{ "version": "v1", "officer_hourly_cost_gbp": { "rate": 30 } }""", "officer_hourly_cost_gbp.rate" },
        { """{ "version": "v1", "cashable": { "print": "yes" } }""", "cashable.print" },
        { """{ "version": "v1", "cashable": { "avoidable_contact": true } }""", "cashable.avoidable_contact" },
        { """{ "version": "v1", "suppression_threshold": 0 }""", "suppression_threshold" },
        { """{ "version": "v1", "suppression_threshold": 2.5 }""", "suppression_threshold" },
        { """{ "unit_costs_gbp": {} }""", "version" },
        { """{ "version": "" }""", "version" },
        { """{ "version": 3 }""", "version" },
        { """{ "version": "v1", "services": { "bins": {} } }""", "services.bins.go_live" },
        { """{ "version": "v1", "services": { "bins": { "go_live": "2024-13" } } }""", "services.bins.go_live" },
        { """{ "version": "v1", "services": { "bins": { "go_live": "April 2024" } } }""", "services.bins.go_live" },
        { """{ "version": "v1", "services": { "bins": { "go_live": "2024-04", "baseline": { "from": "2023-12", "to": "2023-01" } } } }""",
            "services.bins.baseline.from" },
        { """{ "version": "v1", "services": { "bins": { "go_live": "2024-04", "baseline": { "from": "2023-01" } } } }""",
            "services.bins.baseline.to" },
        { """{ "version": "v1", "services": { "bins": { "go_live": "2024-04", "baseline": { "from": "2023-1", "to": "2023-12" } } } }""",
            "services.bins.baseline.from" },
        { """{ "version": "v1", "services": { "bins": { "go_live": "2024-04", "lines": ["channel_shift", "printing"] } } }""",
            "services.bins.lines[1]" },
        { """{ "version": "v1", "services": { "bins": { "go_live": "2024-04", "discount_rate": 0.03 } } }""", "services.bins.discount_rate" },
        { """{ "version": "v1", "services": { "bins": { "go_live": "2024-04", "adjustments": { "deadweight": 2 } } } }""",
            "services.bins.adjustments.deadweight" },
        { """{ "version": "v1", "services": { "bins": { "go_live": "2024-04", "colour": "green" } } }""", "services.bins.colour" },
        { """{ "version": "v1", "councils": { "Denbighshire": {} } }""", "councils.Denbighshire" },
        { """{ "version": "v1", "councils": { "W06000003": { "services": { "bins": {} } } } }""", "councils.W06000003.services.bins" },
        { """{ "version": "v1", "councils": { "W06000003": { "unit_costs_gbp": { "phone": -1 } } } }""", "councils.W06000003.unit_costs_gbp.phone" },
        { """{ "version": "v1", "consortia": { "north-wales": { "apportionment": "size" } } }""", "consortia.north-wales.apportionment" },
        { """{ "version": "v1", "consortia": { "north-wales": { "members": [] } } }""", "consortia.north-wales.members" },
        { """{ "version": "v1", "discount_rate": 0.03, "discount_rate": 0.04 }""", "discount_rate" },
        { """{ "version": "v1", "councils": { "W06000003": { "suppression_threshold": 5 } } }""", "councils.W06000003.suppression_threshold" },
        { """{ "version": "v1", "services": { "old": { "go_live": "1900-06" } } }""", "services.old.go_live" },
        // Grades the outputs would name alike (issue 16): refused where the second spelling appears.
        { """{ "version": "v1", "officer_hourly_cost_gbp": { "grades": { "PO1": 30, "po1": 31 } } }""", "officer_hourly_cost_gbp.grades.po1" },
        { """{ "version": "v1", "officer_hourly_cost_gbp": { "grades": { "S-1": 30, "S_1": 31 } } }""", "officer_hourly_cost_gbp.grades.S_1" },
        { """{ "version": "v1", "officer_hourly_cost_gbp": { "grades": { "PO1": 30 } }, "councils": { "W06000003": { "officer_hourly_cost_gbp": """ +
            """{ "grades": { "po1": 31 } } } } }""",
          "councils.W06000003.officer_hourly_cost_gbp.grades.po1" },
        // Costs beyond what the arithmetic carries.
        { """{ "version": "v1", "unit_costs_gbp": { "phone": 79228162514264337593543950335 } }""", "unit_costs_gbp.phone" },
        { """{ "version": "v1", "unit_costs_gbp": { "phone": 1000000.01 } }""", "unit_costs_gbp.phone" },
        { """{ "version": "v1", "officer_hourly_cost_gbp": { "default": 2000000 } }""", "officer_hourly_cost_gbp.default" },
        { """[1, 2]""", "" },
        { """{ "version": "v1", """, "" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refused_with_the_path_of_the_offending_key(string json, string path)
    {
        var e = Assert.Throws<AssumptionsException>(() => AssumptionSet.Parse(json));
        Assert.Equal(path, e.Path);
        if (path.Length > 0) Assert.Contains(path, e.Message);
    }

    [Fact]
    public void The_same_grade_spelt_the_same_way_in_several_places_is_fine_and_a_million_pounds_is_the_most_a_cost_may_be()
    {
        var set = AssumptionSet.Parse("""
            { "version": "v1", "unit_costs_gbp": { "phone": 1000000 },
              "officer_hourly_cost_gbp": { "grades": { "PO1": 30 } },
              "councils": { "W06000003": { "officer_hourly_cost_gbp": { "grades": { "PO1": 31 } } } } }
            """);
        Assert.Equal(31m, set.ForCouncil("W06000003", null).HourlyCostByGrade["PO1"]);
        var e = Assert.Throws<AssumptionsException>(() =>
            AssumptionSet.Parse("""{ "version": "v1", "officer_hourly_cost_gbp": { "grades": { "PO1": 30, "po1": 31 } } }"""));
        Assert.Contains("differs from 'PO1'", e.Message);
    }

    [Fact]
    public void Rates_at_the_ends_of_the_range_are_accepted()
    {
        var set = AssumptionSet.Parse($$"""
            { "version": "v1", "discount_rate": 0, "adjustments": { "deadweight": 1, "attribution": 0, "optimism_bias": 1 }, {{Service}} }
            """);
        Assert.Equal(0m, set.ForCouncil("W06000001", null).DiscountRate);
        Assert.Equal(0m, set.ForService("W06000001", "bins").Adjustments.Factor);
    }

    [Fact]
    public void Messages_say_what_is_wrong_in_plain_words()
    {
        var e = Assert.Throws<AssumptionsException>(() => AssumptionSet.Parse("""{ "version": "v1", "discount_rate": 3.5 }"""));
        Assert.Contains("outside 0..1", e.Message);
        var missing = Assert.Throws<AssumptionsException>(() => AssumptionSet.Parse("""{ "version": "v1", "services": { "bins": {} } }"""));
        Assert.Contains("'bins'", missing.Message);
        Assert.Contains("go_live", missing.Message);
    }
}
