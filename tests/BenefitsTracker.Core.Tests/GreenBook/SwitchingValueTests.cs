using BenefitsTracker.Core.GreenBook;

namespace BenefitsTracker.Core.Tests.GreenBook;

/// <summary>Switching values solved from a hand-made appraisal basis, checkable by hand (METHOD.md v2, Switching value).</summary>
public sealed class SwitchingValueTests
{
    /// <summary>
    /// One group of services (deadweight 0, attribution 1, optimism bias 0) with this discounted gross, and one
    /// council with these costs.
    /// </summary>
    private static AppraisalBasis Basis(decimal gross, decimal costs)
    {
        var group = new AppraisalBasis.Group(0m, 1m, 0m, 5);
        group.Gross[AppraisalBasis.Npv] = group.Gross[AppraisalBasis.Net] = gross;
        return new AppraisalBasis
        {
            Inputs =
            [
                new("adjustments.deadweight", "Deadweight", InputKind.Deadweight, 0m, 0m, 1m),
                new("adjustments.attribution", "Attribution", InputKind.Attribution, 1m, 0m, 1m),
                new("adjustments.optimism_bias", "Optimism bias", InputKind.OptimismBias, 0m, 0m, 1m),
                new("adjustments.optimism_bias_costs", "Optimism bias on costs", InputKind.OptimismBiasCosts, 0m, 0m, 2m),
                new("total_costs", "Total costs", InputKind.TotalCosts, 1m, 0m, 100m),
            ],
            Groups = [group],
            Councils = [new AppraisalBasis.CouncilCostSums("W06000001", 0m, costs, costs)],
        };
    }

    [Fact]
    public void Benefits_of_1000_against_costs_of_400_switch_at_a_deadweight_of_0_6_and_costs_of_2_5_times()
    {
        // NPV = 1000 × (1 − d) × a × (1 − ob) − 400 × (1 + obc) × tc = 600 as assumed.
        var values = SwitchingValues.Solve(Basis(1000m, 400m)).ToDictionary(v => v.Input);
        Assert.Equal(0.6m, values["adjustments.deadweight"].Value);        // 1000 × (1 − 0.6) = 400
        Assert.Null(values["adjustments.deadweight"].ChangePct);       // assumed 0: no percentage
        Assert.Equal(0.4m, values["adjustments.attribution"].Value);      // 1000 × 0.4 = 400
        Assert.Equal(-60m, values["adjustments.attribution"].ChangePct);
        Assert.Equal(1.5m, values["adjustments.optimism_bias_costs"].Value); // 400 × 2.5 = 1000
        Assert.Equal(2.5m, values["total_costs"].Value);
        Assert.Equal(150m, values["total_costs"].ChangePct);
    }

    [Fact]
    public void A_slope_that_is_only_rounding_residue_has_no_switching_value_and_no_overflow()
    {
        // Found by EngineProperties (FsCheck replay 14112998127491925384,4588455773193592929,54): a service whose
        // gross benefits cancel left a deadweight slope of 5.7 × 10⁻²⁷ against an NPV of −£903.43; dividing threw
        // OverflowException (the quotient, 1.6 × 10²⁹, is past decimal's 7.9 × 10²⁸) and the whole report failed.
        var values = SwitchingValues.Solve(Basis(0.0000000000000000000000000057m, 903.43m)).ToDictionary(v => v.Input);
        Assert.Equal(-0.0000000000000000000000000057m, values["adjustments.deadweight"].NpvPerUnit);
        Assert.Null(values["adjustments.deadweight"].Value);
        Assert.Null(values["adjustments.attribution"].Value);
        Assert.InRange(values["total_costs"].Value!.Value, 0m, 0.000001m); // costs at 0 × recorded: NPV only the residue
    }

    [Theory]
    [InlineData("600", "-1000", "-0.6")]
    [InlineData("-903.43", "0.0000000000000000000000000057", null)]
    [InlineData("1", "0", null)]
    [InlineData("100000000000000000000000000", "1", "100000000000000000000000000")]
    [InlineData("100000000000000000000000001", "1", null)]
    public void Quotient_is_none_for_zero_or_past_ten_to_the_26(string n, string d, string? expected) =>
        Assert.Equal(expected is null ? (decimal?)null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            SwitchingValues.Quotient(decimal.Parse(n, System.Globalization.CultureInfo.InvariantCulture),
                decimal.Parse(d, System.Globalization.CultureInfo.InvariantCulture)));
}
