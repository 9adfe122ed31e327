using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using static BenefitsTracker.Core.Tests.GreenBook.GreenBookFixture;

namespace BenefitsTracker.Core.Tests.GreenBook;

/// <summary>
/// The hand-worked Green Book figures of tests/fixtures/green-book/README.md, to the penny: the cash view,
/// optimism bias on costs, a two-year horizon and switching values solved by hand.
/// </summary>
public sealed class WorkedAppraisalTests
{
    private static readonly SavingsResult Worked = Compute((string?)null);

    [Fact]
    public void Cash_view_counts_only_print_and_postage_against_the_costs()
    {
        var cash = Worked.Appraisal!.Cash;
        Assert.Equal(1781.60m, Pence(cash.CashableNet));
        Assert.Equal(0.3072m, Math.Round(cash.CashableRoi!.Value, 4));
        // January 2024: −£129.60 cashable − £4,100 cost; then +£353.60 a month: positive after 12 more months.
        Assert.Equal(new Month(2025, 1), cash.CashablePaybackMonth);
    }

    [Fact]
    public void Optimism_bias_on_costs_uplifts_every_month_of_cost()
    {
        var r = Compute("cost-bias");
        Assert.Equal(8700.00m, Pence(r.Totals.Costs));
        Assert.Equal(16181.02m, Pence(r.Totals.NetBenefit));
        Assert.Equal(15866.61m, Pence(r.Totals.Npv));
        Assert.Equal(6150.00m, Pence(r.Months[0].Costs));
        Assert.Equal(-1118.40m, Pence(r.Appraisal!.Cash.CashableNet));
        Assert.Null(r.Appraisal.Cash.CashablePaybackMonth);
        // The benefit side is as before.
        Assert.Equal(Worked.Totals.AdjustedBenefit, r.Totals.AdjustedBenefit);
    }

    [Fact]
    public void Two_year_horizon_projects_six_months_at_the_last_twelve_months_mean_less_drop_off()
    {
        var a = Compute("horizon").Appraisal!;
        var h = a.Horizon!;
        Assert.Equal(2, h.Years);
        Assert.Equal(6, h.ProjectedMonths.Count);
        Assert.Equal(new Month(2025, 7), h.ProjectedMonths[0].Month);
        Assert.All(h.ProjectedMonths, m =>
        {
            Assert.Equal(1401.46m, Pence(m.AdjustedBenefit));
            Assert.Equal(100.00m, Pence(m.Costs));
            Assert.Equal(1, m.ProjectedYear);
            Assert.Equal(1m / 1.035m, m.DiscountFactor);
        });
        Assert.Equal(26301.18m, Pence(h.Npv));
        Assert.Equal(h.Npv, a.Npv);
    }

    [Theory]
    [InlineData("unit_costs_gbp.web", "4.8419")]
    [InlineData("adjustments.deadweight", "0.8116")]
    [InlineData("adjustments.attribution", "0.2120")]
    [InlineData("adjustments.optimism_bias", "0.7880")]
    [InlineData("adjustments.optimism_bias_costs", "3.2452")]
    [InlineData("total_costs", "4.2452")]
    public void Switching_values_match_the_hand_working(string input, string expected)
    {
        var value = Worked.Appraisal!.SwitchingValues.Single(s => s.Input == input).Value;
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Math.Round(value!.Value, 4));
    }

    [Theory]
    [InlineData("unit_costs_gbp.phone")]
    [InlineData("unit_costs_gbp.face_to_face")]
    [InlineData("officer_hourly_cost_gbp.default")]
    public void An_input_that_would_have_to_go_below_zero_has_none_in_range(string input)
    {
        var s = Worked.Appraisal!.SwitchingValues.Single(v => v.Input == input);
        Assert.Null(s.Value);
        Assert.Null(s.ChangePct);
    }

    [Fact]
    public void Web_unit_cost_switching_value_puts_npv_at_zero_when_written_into_the_assumptions()
    {
        var value = Worked.Appraisal!.SwitchingValues.Single(s => s.Input == "unit_costs_gbp.web").Value!.Value;
        var json = File.ReadAllText(BenefitsTracker.TestSupport.WorkedExample.AssumptionsPath)
            .Replace("\"web\": 0.15", "\"web\": " + value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var r = Compute(BenefitsTracker.Core.Assumptions.AssumptionSet.Parse(json));
        Assert.InRange(r.Totals.Npv, -0.01m, 0.01m);
    }

    [Fact]
    public void Without_a_horizon_the_appraisal_npv_is_the_period_npv()
    {
        Assert.Null(Worked.Appraisal!.Horizon);
        Assert.Equal(Worked.Totals.Npv, Worked.Appraisal.Npv);
        Assert.Equal(Worked.Totals.Npv, Worked.Appraisal.Scenarios.CentralNpv);
    }

    [Fact]
    public void Tornado_is_sorted_by_swing_and_uses_the_given_range()
    {
        var a = Compute("monte-carlo").Appraisal!;
        Assert.Equal(a.Tornado.Select(b => b.Swing).OrderDescending(), a.Tornado.Select(b => b.Swing));
        var deadweight = a.Tornado.Single(b => b.Input == "adjustments.deadweight");
        Assert.Equal((0.1m, 0.4m), (deadweight.Low, deadweight.High));
        // Other inputs take ±20%: web 12p..18p.
        var web = a.Tornado.Single(b => b.Input == "unit_costs_gbp.web");
        Assert.Equal((0.12m, 0.18m), (web.Low, web.High));
        Assert.True(a.Scenarios.LowNpv < a.Scenarios.CentralNpv && a.Scenarios.CentralNpv < a.Scenarios.HighNpv);
    }
}
