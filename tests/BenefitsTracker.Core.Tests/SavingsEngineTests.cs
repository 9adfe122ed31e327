using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Core.Tests;

/// <summary>The engine end to end on small councils a person can check, and its edge cases.</summary>
public sealed class SavingsEngineTests
{
    private const string Code = "W06000001";
    private static readonly ReportRequest Year = new(new Month(2024, 1), new Month(2024, 12));

    private static AssumptionSet Assumptions(string extra = "", string service = "") => AssumptionSet.Parse($$"""
        { "version": "t", "officer_hourly_cost_gbp": { "default": 30 } {{extra}},
          "services": { "bins": { "go_live": "2024-01" {{service}} } } }
        """);

    private static SavingsResult Compute(CouncilBuilder council, AssumptionSet? assumptions = null, ReportRequest? request = null) =>
        SavingsEngine.ComputeCouncil(council.Build(), null, assumptions ?? Assumptions(), request ?? Year, CouncilBuilder.NoLineage());

    /// <summary>2023: 100 phone a month. 2024: 50 web + 50 phone a month. Saving (2.83 − 0.15) × 50 = £134 a month.</summary>
    private static CouncilBuilder Shift() => new CouncilBuilder(Code)
        .VolumeEachMonth("bins", "phone", "2023-01", "2023-12", 100)
        .VolumeEachMonth("bins", "phone", "2024-01", "2024-12", 50)
        .VolumeEachMonth("bins", "web", "2024-01", "2024-12", 50);

    [Fact]
    public void Channel_shift_end_to_end()
    {
        var r = Compute(Shift());
        Assert.Equal(134m * 12, r.Totals.GrossBenefit);
        Assert.All(r.Months, m => Assert.Equal(134m, m.GrossByLine[BenefitLine.ChannelShift]));
        Assert.Equal(0.5m, r.Totals.DigitalTakeUp);
        Assert.Equal(1200, r.Totals.Transactions);
        Assert.Equal(2.83m, Assert.Single(r.Services).BaselineMixUnitCost);
    }

    [Fact]
    public void No_baseline_data_is_a_clear_error_naming_service_and_months()
    {
        var council = new CouncilBuilder(Code).VolumeEachMonth("bins", "web", "2024-01", "2024-12", 50);
        var e = Assert.Throws<MethodException>(() => Compute(council));
        Assert.Contains("'bins'", e.Message);
        Assert.Contains("2023-01..2023-12", e.Message);
        Assert.Equal("services.bins.baseline", e.Path);
    }

    [Fact]
    public void Zero_costs_leave_roi_and_bcr_undefined()
    {
        var r = Compute(Shift());
        Assert.Equal(0m, r.Totals.Costs);
        Assert.Null(r.Totals.Roi);
        Assert.Null(r.Totals.Bcr);
        Assert.Equal(r.Totals.AdjustedBenefit, r.Totals.NetBenefit);
    }

    [Fact]
    public void A_month_without_data_is_zero_not_missing()
    {
        var council = new CouncilBuilder(Code)
            .VolumeEachMonth("bins", "phone", "2023-01", "2023-12", 100)
            .Volume("bins", "web", "2024-01", 10)
            .Volume("bins", "web", "2024-03", 10);
        var r = Compute(council, request: new ReportRequest(new Month(2024, 1), new Month(2024, 4)));
        Assert.Equal(["2024-01", "2024-02", "2024-03", "2024-04"], r.Months.Select(m => m.Month.ToString()));
        var february = r.Months[1];
        Assert.Equal(0, february.Transactions);
        Assert.Equal(0m, february.GrossBenefit);
        Assert.Equal(new Dictionary<string, long> { ["web"] = 0 }, february.ByChannel.ToDictionary());
        Assert.All(BenefitLines.All, line => Assert.Equal(0m, february.GrossByLine[line]));
    }

    [Fact]
    public void Open_cases_are_counted_not_costed()
    {
        var council = Shift()
            .ClosedEachMonth("bins", "2023-01", "2023-12", 20m, 5)
            .ClosedEachMonth("bins", "2024-01", "2024-12", 20m, 5)
            .Open("bins", "2024-06", 7);
        var r = Compute(council);
        Assert.Equal(7, r.Totals.OpenCases);
        Assert.Equal(7, r.Months[5].OpenCases);
        Assert.Equal(60, r.Totals.ClosedCases);
        Assert.Equal(0m, r.Lines.Single(l => l.Line == BenefitLine.OfficerTime).Gross);
    }

    [Fact]
    public void Officer_time_end_to_end_with_grades()
    {
        // Baseline 2023: 12 × 10 cases of 30 minutes (M_B = 30). 2024: each month 4 PO1 cases of 15 minutes
        // (£40/h) and 2 ungraded of 30 minutes (£30/h): PO1 4 × 15/60 × 40 = £40; ungraded 0. £40 a month.
        var council = Shift()
            .ClosedEachMonth("bins", "2023-01", "2023-12", 30m, 10, "SO1")
            .ClosedEachMonth("bins", "2024-01", "2024-12", 15m, 4, "PO1")
            .ClosedEachMonth("bins", "2024-01", "2024-12", 30m, 2);
        var r = Compute(council, AssumptionSet.Parse("""
            { "version": "t", "officer_hourly_cost_gbp": { "default": 30, "grades": { "PO1": 40 } },
              "services": { "bins": { "go_live": "2024-01" } } }
            """));
        var line = r.Lines.Single(l => l.Line == BenefitLine.OfficerTime);
        Assert.Equal(480m, line.Gross);
        Assert.Equal(12m, r.Totals.OfficerHoursReleased);
        Assert.Equal(24, r.Services[0].OfficerTime.Count);
        Assert.NotNull(line.Ci95);
    }

    [Fact]
    public void Baseline_without_closed_cases_makes_officer_time_zero_with_a_note()
    {
        var council = Shift().ClosedEachMonth("bins", "2024-01", "2024-12", 15m, 4);
        var r = Compute(council);
        Assert.Equal(0m, r.Lines.Single(l => l.Line == BenefitLine.OfficerTime).Gross);
        Assert.Null(r.Lines.Single(l => l.Line == BenefitLine.OfficerTime).Ci95);
        Assert.Null(r.Services[0].BaselineMeanMinutes);
        Assert.Contains(r.Notes, n => n.Contains("no closed cases", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_unit_cost_is_an_error_naming_the_channel()
    {
        var e = Assert.Throws<MethodException>(() => Compute(Shift().Volume("bins", "post", "2024-05", 3)));
        Assert.Equal("unit_costs_gbp.post", e.Path);
        Assert.Contains("'post'", e.Message);
        Assert.Contains("unit_costs_gbp.post", e.Message);
    }

    [Fact]
    public void Missing_hourly_cost_is_an_error_only_when_officer_time_is_valued()
    {
        var noDefault = AssumptionSet.Parse("""{ "version": "t", "services": { "bins": { "go_live": "2024-01" } } }""");
        Assert.Equal(134m * 12, Compute(Shift(), noDefault).Totals.GrossBenefit);

        var withCases = Shift().ClosedEachMonth("bins", "2023-01", "2023-12", 30m, 1).Closed("bins", "2024-02", 10m, 1);
        var e = Assert.Throws<MethodException>(() => Compute(withCases, noDefault));
        Assert.Equal("officer_hourly_cost_gbp.default", e.Path);
    }

    [Fact]
    public void A_service_in_the_data_but_not_the_assumptions_is_an_error_naming_it()
    {
        var e = Assert.Throws<AssumptionsException>(() => Compute(Shift().Volume("parking", "web", "2024-01", 5)));
        Assert.Equal("services.parking", e.Path);
    }

    [Fact]
    public void A_line_switched_off_is_zero_and_not_enabled()
    {
        var r = Compute(Shift(), Assumptions(service: """, "lines": ["officer_time", "print"]"""));
        var shift = r.Lines.Single(l => l.Line == BenefitLine.ChannelShift);
        Assert.False(shift.Enabled);
        Assert.Equal(0m, shift.Gross);
        Assert.True(r.Lines.Single(l => l.Line == BenefitLine.Print).Enabled);
        Assert.Equal(0m, r.Totals.GrossBenefit);
    }

    [Fact]
    public void Print_and_postage_end_to_end_are_cashable()
    {
        // £2,400 of print in 2023 (£200 a month), none in 2024: £2,400 avoided, cashable. The hosting line
        // over 2024 shows the finance feed reaches 2024 (without any 2024 line, 2024 would be unknown, not zero).
        var council = Shift().Cost("bins", "print", "2023-01", "2023-12", 2400m, cashable: true).Cost("bins", "hosting", "2024-01", "2024-12", 1200m);
        var r = Compute(council);
        Assert.Equal(2400m, r.Lines.Single(l => l.Line == BenefitLine.Print).Gross);
        Assert.Equal(2400m, r.Totals.Cashable);
        Assert.Equal(134m * 12, r.Totals.NonCashable);
        Assert.Equal(1200m, r.Totals.Costs);
        Assert.Contains(r.Costs, c => c.Line.Category == "print" && c.InPeriod == 0m);
    }

    [Fact]
    public void Adjustments_apply_per_service_and_cashability_follows_the_service()
    {
        var assumptions = AssumptionSet.Parse("""
            { "version": "t",
              "services": { "bins": { "go_live": "2024-01", "adjustments": { "deadweight": 0.5 }, "cashable": { "channel_shift": true } },
                            "permits": { "go_live": "2024-01" } } }
            """);
        var council = Shift()
            .VolumeEachMonth("permits", "phone", "2023-01", "2023-12", 100)
            .VolumeEachMonth("permits", "phone", "2024-01", "2024-12", 50)
            .VolumeEachMonth("permits", "web", "2024-01", "2024-12", 50);
        var r = Compute(council, assumptions);
        // Each service saves £1,608 gross; bins keeps half, cashable; permits all, non-cashable.
        Assert.Equal(3216m, r.Totals.GrossBenefit);
        Assert.Equal(804m + 1608m, r.Totals.AdjustedBenefit);
        Assert.Equal(804m, r.Totals.Cashable);
        Assert.Equal(1608m, r.Totals.NonCashable);
        Assert.False(r.Lines.Single(l => l.Line == BenefitLine.ChannelShift).Cashable);
        Assert.Equal(["bins", "permits"], r.Services.Select(s => s.Service));
    }

    [Fact]
    public void A_service_filter_keeps_its_own_costs_and_drops_council_wide_ones()
    {
        var council = Shift()
            .VolumeEachMonth("permits", "phone", "2023-01", "2023-12", 10)
            .Cost("bins", "hosting", "2024-01", "2024-12", 1200m)
            .Cost("permits", "hosting", "2024-01", "2024-12", 600m)
            .Cost(null, "licence", "2024-01", "2024-12", 2400m);
        var assumptions =
            AssumptionSet.Parse("""{ "version": "t", "services": { "bins": { "go_live": "2024-01" }, "permits": { "go_live": "2024-01" } } }""");

        var all = Compute(council, assumptions);
        Assert.Equal(4200m, all.Totals.Costs);
        var bins = Compute(council, assumptions, Year with { Service = "bins" });
        Assert.Equal(1200m, bins.Totals.Costs);
        Assert.Equal(100m, bins.Months[0].Costs);
        Assert.Equal(["bins"], bins.Services.Select(s => s.Service));
    }

    [Fact]
    public void Payback_and_npv_over_a_year_boundary()
    {
        // £134 a month for 18 months against £1,000 of implementation in the first month.
        // Cumulative: −866, −732, ..., first ≥ 0 in month 8 (8 × 134 = 1,072). NPV at 3.5%:
        // (12 × 134 − 1,000) + 6 × 134 / 1.035.
        var council = Shift()
            .VolumeEachMonth("bins", "phone", "2025-01", "2025-06", 50)
            .VolumeEachMonth("bins", "web", "2025-01", "2025-06", 50)
            .Cost("bins", "implementation", "2024-01", "2024-01", 1000m);
        var r = Compute(council, request: new ReportRequest(new Month(2024, 1), new Month(2025, 6)));
        Assert.Equal(new Month(2024, 8), r.Totals.PaybackMonth);
        Assert.Equal(12 * 134m - 1000m + 6 * 134m / 1.035m, r.Totals.Npv, 20);
        Assert.Equal(1m / 1.035m, r.Months[12].DiscountFactor);
        Assert.Equal(1m, r.Months[11].DiscountFactor);
        Assert.Equal(18 * 134m - 1000m, r.Months[^1].CumulativeNet);
    }

    [Fact]
    public void Period_before_the_data_begins_is_refused_not_zero()
    {
        // No data is not zero (METHOD.md v2): a period no feed reaches is refused, naming what is held.
        var e = Assert.Throws<MethodException>(() => Compute(Shift(), request: new ReportRequest(new Month(2022, 1), new Month(2022, 3))));
        Assert.Contains("events 2023-01 to 2024-12", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_requested_service_with_no_data_is_an_error()
    {
        var e = Assert.Throws<MethodException>(() => Compute(Shift(), request: Year with { Service = "parking" }));
        Assert.Contains("'parking'", e.Message);
    }

    [Fact]
    public void A_report_period_that_ends_before_it_starts_is_an_error()
    {
        Assert.Throws<MethodException>(() => Compute(Shift(), request: new ReportRequest(new Month(2024, 5), new Month(2024, 1))));
    }

    [Fact]
    public void Avoidable_contact_end_to_end_takes_channel_shift_cashability()
    {
        var council = Shift()
            .Contact("bins", "u1", "web", ContactKind.Failed, "2024-04-01T10:00:00Z")
            .Contact("bins", "u1", "phone", ContactKind.Completed, "2024-04-03T10:00:00Z");
        var r = Compute(council, Assumptions(""", "cashable": { "channel_shift": true }"""));
        var line = r.Lines.Single(l => l.Line == BenefitLine.AvoidableContact);
        Assert.Equal(-2.68m, line.Gross);
        Assert.True(line.Cashable);
        Assert.Equal(-2.68m, r.Months[3].GrossByLine[BenefitLine.AvoidableContact]);
    }

    [Fact]
    public void A_period_running_past_the_data_says_which_months_are_unknown()
    {
        var past = SavingsEngine.ComputeCouncil(Shift().Build(), null, Assumptions(), new ReportRequest(new Month(2024, 7), new Month(2025, 3)),
            CouncilBuilder.NoLineage());
        Assert.Equal(Month.Range(new Month(2025, 1), new Month(2025, 3)), past.Coverage.Single().Of(Feed.Events).UnknownMonths);
        Assert.Equal(0m, past.Months[^1].GrossByLine[BenefitLine.ChannelShift]);

        var inside = SavingsEngine.ComputeCouncil(Shift().Build(), null, Assumptions(), new ReportRequest(new Month(2024, 1), new Month(2024, 6)),
            CouncilBuilder.NoLineage());
        Assert.Empty(inside.Coverage.Single().Of(Feed.Events).UnknownMonths);
    }
}
