using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Core.Tests.Method;

/// <summary>
/// METHOD.md v2, No data is not zero. Bins: print £1,200 over 2023 (£100 a month, the baseline), none
/// after go-live in January 2024 (print stopped); a licence of £600 over January to June 2024; phone 100
/// a month in 2023, web 100 a month January to June 2024; no cases. Reported over 2024.
/// </summary>
public sealed class CoverageTests
{
    private static readonly AssumptionSet Assumptions = AssumptionSet.Parse("""
        { "version": "t", "officer_hourly_cost_gbp": { "default": 30 }, "services": { "bins": { "go_live": "2024-01" } } }
        """);

    private static CouncilData Bins() => new CouncilBuilder("W06000001", "One", 100_000)
        .VolumeEachMonth("bins", "phone", "2023-01", "2023-12", 100)
        .VolumeEachMonth("bins", "web", "2024-01", "2024-06", 100)
        .Cost("bins", "print", "2023-01", "2023-12", 1200m, cashable: true)
        .Cost("bins", "licence", "2024-01", "2024-06", 600m)
        .Build();

    private static SavingsResult Compute(string from, string to) =>
        SavingsEngine.ComputeCouncil(Bins(), null, Assumptions, new ReportRequest(Month.Parse(from), Month.Parse(to)), CouncilBuilder.NoLineage());

    [Fact]
    public void Print_stopped_is_a_saving_while_the_cost_lines_reach_and_unknown_after()
    {
        var r = Compute("2024-01", "2024-12");
        // Cost lines reach January 2023 (print starts) to June 2024 (the licence's last month): six months
        // of £100 baseline print less £0 = £600. July to December are unknown, not £600 more.
        Assert.Equal(600m, r.Lines.Single(l => l.Line == BenefitLine.Print).Gross);
        var costs = r.Coverage.Single().Of(Feed.CostLines);
        Assert.Equal(new Month(2023, 1), costs.From);
        Assert.Equal(new Month(2024, 6), costs.To);
        Assert.Equal(Month.Range(new Month(2024, 7), new Month(2024, 12)), costs.UnknownMonths);
        Assert.Contains(BenefitLine.Print, costs.Lines);
        Assert.Contains(BenefitLine.Postage, costs.Lines);
        Assert.All(r.Months.Where(m => m.Month > new Month(2024, 6)), m => Assert.Equal(0m, m.GrossByLine[BenefitLine.Print]));
        Assert.False(r.Coverage.Single().Complete);
    }

    [Fact]
    public void A_feed_with_no_rows_leaves_every_month_unknown_for_its_lines()
    {
        var cases = Compute("2024-01", "2024-12").Coverage.Single().Of(Feed.Cases);
        Assert.Null(cases.From);
        Assert.Equal(12, cases.UnknownMonths.Count);
        Assert.Equal([BenefitLine.OfficerTime], cases.Lines);
    }

    [Fact]
    public void Within_the_data_every_feed_that_has_rows_covers_the_period()
    {
        var r = Compute("2024-01", "2024-06");
        Assert.Empty(r.Coverage.Single().Of(Feed.Events).UnknownMonths);
        Assert.Empty(r.Coverage.Single().Of(Feed.CostLines).UnknownMonths);
        Assert.Equal(600m, r.Lines.Single(l => l.Line == BenefitLine.Print).Gross);
    }

    [Fact]
    public void A_period_with_no_data_at_all_is_refused_naming_the_range_held()
    {
        var e = Assert.Throws<MethodException>(() => Compute("2030-01", "2030-12"));
        Assert.Contains("no data at all for 2030-01 to 2030-12", e.Message, StringComparison.Ordinal);
        Assert.Contains("events 2023-01 to 2024-06, cases none, cost lines 2023-01 to 2024-06", e.Message, StringComparison.Ordinal);
    }
}
