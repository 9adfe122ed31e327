using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Core.Tests.Method;

/// <summary>METHOD.md line 3 and the spreading of cost lines, checked by hand.</summary>
public sealed class PrintAndPostageTests
{
    private static readonly Month B1 = new(2023, 1), B12 = new(2023, 12);

    [Fact]
    public void Print_avoided_is_baseline_monthly_average_less_this_months_spend()
    {
        // £1,200 over 2023 → £100 a month; £30 spent this month → £70 avoided.
        var lines = new[] { CouncilBuilder.Line("s", "print", "2023-01", "2023-12", 1200m),
            CouncilBuilder.Line("s", "print", "2024-02", "2024-02", 30m) };
        var sB = PrintAndPostage.BaselineSpend(lines, "print", B1, B12);
        Assert.Equal(1200m, sB);
        Assert.Equal(30m, PrintAndPostage.MonthSpend(lines, "print", new Month(2024, 2)));
        Assert.Equal(70m, PrintAndPostage.Benefit(sB, 12, 30m));
        Assert.Equal(100m, PrintAndPostage.Benefit(sB, 12, PrintAndPostage.MonthSpend(lines, "print", new Month(2024, 3))));
    }

    [Fact]
    public void By_month_is_the_line_over_each_month_of_the_period_and_zero_when_switched_off()
    {
        // £1,200 over 2023 → £100 a month. P is January to March 2024: £30 in February, £90 spread over March–May.
        var lines = new[]
        {
            CouncilBuilder.Line("s", "print", "2023-01", "2023-12", 1200m),
            CouncilBuilder.Line("s", "print", "2024-02", "2024-02", 30m),
            CouncilBuilder.Line("s", "print", "2024-03", "2024-05", 90m),
        };
        Assert.Equal([100m, 70m, 70m], PrintAndPostage.ByMonth(true, lines, "print", 1200m, 12, new Month(2024, 1), new Month(2024, 3)));
        Assert.Equal([0m, 0m, 0m], PrintAndPostage.ByMonth(false, lines, "print", 1200m, 12, new Month(2024, 1), new Month(2024, 3)));
    }

    [Fact]
    public void Only_the_part_of_a_line_inside_the_baseline_counts()
    {
        // A £2,400 contract from July 2022 to June 2023 is £200 a month; six of its months fall in 2023.
        var lines = new[] { CouncilBuilder.Line("s", "postage", "2022-07", "2023-06", 2400m) };
        Assert.Equal(1200m, PrintAndPostage.BaselineSpend(lines, "postage", B1, B12));
        Assert.Equal(0m, PrintAndPostage.BaselineSpend(lines, "print", B1, B12));
    }

    [Fact]
    public void Spend_rising_above_baseline_is_a_negative_figure()
    {
        Assert.Equal(-400m, PrintAndPostage.Benefit(6000m, 12, 900m));
    }

    [Fact]
    public void A_cost_line_spreads_evenly_over_the_months_it_touches()
    {
        // 15 January to 10 March: three months (January, February, March), £100 each.
        var line = new Core.Model.CostLine("s", "hosting", new DateOnly(2024, 1, 15), new DateOnly(2024, 3, 10), 300m, false, "H", null);
        Assert.Equal(3, CostSpreading.MonthCount(line));
        Assert.Equal(100m, CostSpreading.MonthlyAmount(line));
        Assert.Equal(100m, CostSpreading.AmountIn(line, new Month(2024, 2)));
        Assert.Equal(0m, CostSpreading.AmountIn(line, new Month(2024, 4)));
        Assert.Equal(200m, CostSpreading.AmountIn(line, new Month(2024, 2), new Month(2024, 6)));
        Assert.True(CostSpreading.Overlaps(line, new Month(2024, 3), new Month(2024, 5)));
        Assert.False(CostSpreading.Overlaps(line, new Month(2024, 4), new Month(2024, 5)));
    }

    [Fact]
    public void Uneven_amounts_are_not_rounded_when_spread()
    {
        var line = CouncilBuilder.Line("s", "licence", "2024-01", "2024-03", 100m);
        Assert.Equal(100m / 3m, CostSpreading.MonthlyAmount(line));
        Assert.Equal(100m, Math.Round(CostSpreading.AmountIn(line, new Month(2024, 1), new Month(2024, 3)), 20));
    }

    [Fact]
    public void A_line_that_ends_before_it_starts_is_an_error()
    {
        var line = new Core.Model.CostLine("s", "hosting", new DateOnly(2024, 3, 1), new DateOnly(2024, 1, 31), 300m, false, "H-9", null);
        var e = Assert.Throws<MethodException>(() => CostSpreading.MonthCount(line));
        Assert.Contains("H-9", e.Message);
    }
}
