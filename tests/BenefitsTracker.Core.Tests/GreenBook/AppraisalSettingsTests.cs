using BenefitsTracker.Core.Assumptions;

namespace BenefitsTracker.Core.Tests.GreenBook;

/// <summary>The appraisal keys of the assumptions file: read when right, refused with their path when wrong (docs/assumptions.md).</summary>
public sealed class AppraisalSettingsTests
{
    private static AssumptionSet Parse(string extra, string service = "") => AssumptionSet.Parse(
        $$"""{ "version": "t", {{extra}} "services": { "bins": { "go_live": "2024-01" {{service}} } } }""");

    [Fact]
    public void Reads_every_appraisal_key()
    {
        var a = Parse("""
            "appraisal_years": 5, "benefit_drop_off": 0.1, "price_base": "2024-25",
            "adjustments": { "optimism_bias_costs": 1.5 },
            "ranges": { "unit_costs_gbp.phone": { "low": 2.2, "high": 3.4 } },
            "monte_carlo": { "inputs": { "total_costs": { "distribution": "normal", "mean": 1, "sd": 0.2, "low": 0.5, "high": 2 } } },
            """);
        var s = a.Appraisal;
        Assert.Equal(5, s.AppraisalYears);
        Assert.Equal(0.1m, s.BenefitDropOff);
        Assert.Equal("2024-25", s.PriceBase.ToString());
        Assert.Equal(new InputRange(2.2m, 3.4m), s.Ranges["unit_costs_gbp.phone"]);
        Assert.Equal(MonteCarloSettings.DefaultDraws, s.MonteCarlo!.Draws);
        Assert.Equal(DistributionKind.Normal, s.MonteCarlo.Inputs["total_costs"].Kind);
        Assert.Equal(1.5m, a.OptimismBiasCostsFor("W06000001"));
    }

    [Fact]
    public void A_council_may_set_its_own_cost_uplift()
    {
        var a = Parse("""
            "adjustments": { "optimism_bias_costs": 0.2 }, "councils": { "W06000002": { "adjustments": { "optimism_bias_costs": 0.4 } } },
            """);
        Assert.Equal(0.4m, a.OptimismBiasCostsFor("W06000002"));
        Assert.Equal(0.2m, a.OptimismBiasCostsFor("W06000003"));
        Assert.Equal(0m, Parse("").OptimismBiasCostsFor("W06000003"));
    }

    [Theory]
    [InlineData("\"appraisal_years\": 0,", "appraisal_years")]
    [InlineData("\"appraisal_years\": 61,", "appraisal_years")]
    [InlineData("\"benefit_drop_off\": 1.5,", "benefit_drop_off")]
    [InlineData("\"price_base\": \"2024-26\",", "price_base")]
    [InlineData("\"adjustments\": { \"optimism_bias_costs\": -0.1 },", "adjustments.optimism_bias_costs")]
    [InlineData("\"ranges\": { \"adjustments.dead_weight\": { \"low\": 0, \"high\": 1 } },", "ranges.adjustments.dead_weight")]
    [InlineData("\"ranges\": { \"adjustments.deadweight\": { \"low\": 0.5, \"high\": 0.1 } },", "ranges.adjustments.deadweight.low")]
    [InlineData("\"ranges\": { \"adjustments.deadweight\": { \"low\": 0, \"high\": 1.2 } },", "ranges.adjustments.deadweight.high")]
    [InlineData("\"monte_carlo\": { \"draws\": 10 },", "monte_carlo.inputs")]
    [InlineData("\"monte_carlo\": { \"inputs\": { \"total_costs\": { \"distribution\": \"lognormal\", \"low\": 0, \"high\": 1 } } },",
        "monte_carlo.inputs.total_costs.distribution")]
    [InlineData("\"monte_carlo\": { \"inputs\": { \"total_costs\": { \"distribution\": \"uniform\", \"low\": 0, \"mode\": 1, \"high\": 2 } } },",
        "monte_carlo.inputs.total_costs.mode")]
    [InlineData("\"monte_carlo\": { \"inputs\": { \"total_costs\": { \"distribution\": \"triangular\", \"low\": 1, \"mode\": 3, \"high\": 2 } } },",
        "monte_carlo.inputs.total_costs.mode")]
    public void Refuses_a_bad_value_naming_its_key(string extra, string path)
    {
        var e = Assert.Throws<AssumptionsException>(() => Parse(extra));
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void Refuses_a_cost_uplift_for_one_service()
    {
        var e = Assert.Throws<AssumptionsException>(() => Parse("", ", \"adjustments\": { \"optimism_bias_costs\": 0.2 }"));
        Assert.Equal("services.bins.adjustments.optimism_bias_costs", e.Path);
        Assert.Throws<AssumptionsException>(() =>
            Parse("\"councils\": { \"W06000002\": { \"services\": { \"bins\": { \"adjustments\": { \"optimism_bias_costs\": 0.2 } } } } },"));
    }

    [Fact]
    public void Refuses_appraisal_keys_under_a_council()
    {
        var e = Assert.Throws<AssumptionsException>(() => Parse("\"councils\": { \"W06000002\": { \"appraisal_years\": 3 } },"));
        Assert.StartsWith("councils.W06000002", e.Path, StringComparison.Ordinal);
    }
}
