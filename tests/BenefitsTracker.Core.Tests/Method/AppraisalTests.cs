using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Tests.Method;

/// <summary>METHOD.md, Adjustments and appraisal, checked by hand.</summary>
public sealed class AppraisalTests
{
    [Fact]
    public void Adjustments_multiply_through_deadweight_attribution_and_optimism_bias()
    {
        // 0.8 × 0.9 × 0.9 = 0.648 (the worked example); £1,000 → £648.
        var adjustments = new Adjustments(0.2m, 0.9m, 0.1m);
        Assert.Equal(0.648m, adjustments.Factor);
        Assert.Equal(648m, Appraisal.Adjust(1000m, adjustments));
        Assert.Equal(1000m, Appraisal.Adjust(1000m, Adjustments.None));
    }

    [Fact]
    public void Roi_and_bcr_are_undefined_not_infinite_when_costs_are_zero()
    {
        Assert.Null(Appraisal.Roi(500m, 0m));
        Assert.Null(Appraisal.Bcr(500m, 0m));
        // Adjusted 1,500, costs 1,000: net 500, ROI 0.5, BCR 1.5.
        Assert.Equal(0.5m, Appraisal.Roi(500m, 1000m));
        Assert.Equal(1.5m, Appraisal.Bcr(1500m, 1000m));
    }

    [Fact]
    public void Payback_is_the_first_month_the_cumulative_net_reaches_zero()
    {
        var m = Month.Range(new Month(2024, 1), new Month(2024, 4)).ToList();
        // −300, +100, +200 (cumulative 0: pays back here), +100.
        Assert.Equal(m[2], Appraisal.PaybackMonth([(m[0], -300m), (m[1], 100m), (m[2], 200m), (m[3], 100m)]));
        Assert.Null(Appraisal.PaybackMonth([(m[0], -300m), (m[1], 100m)]));
        Assert.Equal(m[0], Appraisal.PaybackMonth([(m[0], 0m)]));
    }

    [Fact]
    public void Npv_discounts_whole_years_from_the_start_of_the_period()
    {
        // 13 months of £100 at 5%: months 0–11 in year 0, month 12 in year 1: 1,200 + 100/1.05.
        var npv = Appraisal.Npv([.. Enumerable.Repeat(100m, 13)], 0.05m);
        Assert.Equal(1200m + 100m / 1.05m, npv);
        Assert.Equal(1295.24m, Math.Round(npv, 2));
    }

    [Fact]
    public void Npv_across_two_year_boundaries_uses_whole_powers()
    {
        // Months 0, 12 and 24 carry £1,000 each at 10%: 1,000 + 1,000/1.1 + 1,000/1.21.
        var net = new decimal[25];
        net[0] = net[12] = net[24] = 1000m;
        Assert.Equal(1000m + 1000m / 1.1m + 1000m / 1.21m, Appraisal.Npv(net, 0.1m));
        Assert.Equal(1.21m, Appraisal.DiscountDivisor(0.1m, 24));
        Assert.Equal(1m, Appraisal.DiscountDivisor(0.1m, 11));
    }

    [Fact]
    public void Measures_take_up_completion_and_cost_per_transaction()
    {
        Assert.Equal(0.75m, Measures.DigitalTakeUp(75, 100));
        Assert.Null(Measures.DigitalTakeUp(0, 0));
        Assert.Equal(0.8m, Measures.CompletionRate(80, 100));
        Assert.Null(Measures.CompletionRate(80, 0));
        // 100 transactions costing £150 through their channels, plus £50 of digital costs: £2 each.
        Assert.Equal(2m, Measures.CostPerTransaction(150m, 50m, 100));
        Assert.Null(Measures.CostPerTransaction(150m, 50m, 0));
    }
}
