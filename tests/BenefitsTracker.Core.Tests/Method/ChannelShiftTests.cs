using BenefitsTracker.Core.Method;

namespace BenefitsTracker.Core.Tests.Method;

/// <summary>METHOD.md line 1, checked by hand.</summary>
public sealed class ChannelShiftTests
{
    private static readonly Dictionary<string, decimal> Costs = new() { ["web"] = 0.15m, ["phone"] = 2.83m,
        ["face_to_face"] = 8.62m, ["app"] = 0.10m };
    private static decimal U(string channel) => Costs[channel];

    [Fact]
    public void ChannelShift_values_baseline_mix_at_actual_volume()
    {
        // Baseline: web 100, phone 300. Mix cost = (100 × 0.15 + 300 × 2.83) / 400 = 864 / 400 = £2.16.
        var mix = ChannelShift.Mix(new Dictionary<string, long> { ["web"] = 100, ["phone"] = 300 }, U);
        Assert.Equal(864m, mix.Cost);
        Assert.Equal(400, mix.Volume);
        Assert.Equal(2.16m, mix.UnitCost);

        // Month: web 200, phone 100. Counterfactual 300 × 2.16 = 648; actual 30 + 283 = 313; benefit £335.
        var month = new Dictionary<string, long> { ["web"] = 200, ["phone"] = 100 };
        Assert.Equal(648m, ChannelShift.Counterfactual(300, mix));
        Assert.Equal(313m, ChannelShift.Actual(month, U));
        Assert.Equal(335m, ChannelShift.Benefit(month, mix, U));
    }

    [Fact]
    public void By_month_is_each_months_benefit_at_the_baseline_mix_and_zero_when_switched_off()
    {
        // Mix £2.16 (as above). January: web 200, phone 100 → £335. February: web 100, phone 300 (the baseline mix) → £0.
        var baseline = new Dictionary<string, long> { ["web"] = 100, ["phone"] = 300 };
        IReadOnlyDictionary<string, long>[] months =
            [new Dictionary<string, long> { ["web"] = 200, ["phone"] = 100 }, new Dictionary<string, long> { ["web"] = 100, ["phone"] = 300 }];
        Assert.Equal([335m, 0m], ChannelShift.ByMonth(true, months, baseline, _ => U));
        Assert.Equal([0m, 0m], ChannelShift.ByMonth(false, months, baseline, _ => U));
        // Costs uprated by 1.5 in February (a price year): the same volumes at the baseline mix still give £0, and
        // January's £335 becomes £502.50 when its prices are 1.5 times the costs' own.
        Assert.Equal([502.5m, 0m], ChannelShift.ByMonth(true, months, baseline, _ => ch => U(ch) * 1.5m));
    }

    [Fact]
    public void Counterfactual_stays_exact_when_the_shares_do_not()
    {
        // Baseline web 1, phone 2: shares 1/3 and 2/3 never terminate, but 3 transactions at that mix
        // cost exactly 0.15 + 2 × 2.83 = £5.81.
        var mix = ChannelShift.Mix(new Dictionary<string, long> { ["web"] = 1, ["phone"] = 2 }, U);
        Assert.Equal(5.81m, ChannelShift.Counterfactual(3, mix));
    }

    [Fact]
    public void A_channel_new_in_the_period_has_no_baseline_share_but_is_costed()
    {
        // Baseline all phone (mix £2.83). Month: 10 app at £0.10 → 28.30 − 1.00 = £27.30.
        var mix = ChannelShift.Mix(new Dictionary<string, long> { ["phone"] = 50 }, U);
        Assert.Equal(27.30m, ChannelShift.Benefit(new Dictionary<string, long> { ["app"] = 10 }, mix, U));
    }

    [Fact]
    public void No_baseline_transactions_gives_zero_not_a_negative_figure()
    {
        var mix = ChannelShift.Mix(new Dictionary<string, long>(), U);
        Assert.Equal(0m, mix.UnitCost);
        Assert.Equal(0m, ChannelShift.Benefit(new Dictionary<string, long> { ["phone"] = 10 }, mix, U));
    }

    [Fact]
    public void Same_mix_as_baseline_saves_nothing()
    {
        var mix = ChannelShift.Mix(new Dictionary<string, long> { ["web"] = 20, ["phone"] = 60, ["face_to_face"] = 20 }, U);
        Assert.Equal(0m, ChannelShift.Benefit(new Dictionary<string, long> { ["web"] = 2, ["phone"] = 6, ["face_to_face"] = 2 }, mix, U));
    }
}
