using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Tests.Method;

/// <summary>METHOD.md line 2, grade by grade, checked by hand.</summary>
public sealed class OfficerTimeTests
{
    private static readonly Month Jan = new(2024, 1);

    [Fact]
    public void Baseline_mean_is_over_every_closed_case_of_the_baseline()
    {
        // 10 cases of 20 minutes (no grade) and 10 of 40 (PO1): M_B = 600 / 20 = 30 minutes.
        var baseline = OfficerTime.BaselineOf([
            new ClosedCases("s", new Month(2023, 1), null, 20m, 10),
            new ClosedCases("s", new Month(2023, 2), "PO1", 40m, 10)]);
        Assert.Equal(new OfficerTime.Baseline(20, 600m), baseline);
        Assert.Equal(30m, baseline.MeanMinutes);
    }

    [Fact]
    public void Hours_released_are_baseline_minutes_not_spent_over_sixty()
    {
        // M_B = 15. 10 cases taking 75 minutes: (15 × 10 − 75) / 60 = 1.25 hours (the worked example).
        Assert.Equal(1.25m, OfficerTime.HoursReleased(new OfficerTime.Baseline(120, 1800m), 10, 75m));
    }

    [Fact]
    public void Each_grade_is_valued_at_its_own_rate_else_the_default()
    {
        // M_B = 20. PO1 (£32.50): 4 cases, 40 minutes → (80 − 40)/60 = 2/3 h → £21.666…
        // No grade (default £30): 2 cases, 10 minutes → (40 − 10)/60 = 0.5 h → £15.
        var assumptions = Service(hourlyDefault: 30m, grades: new() { ["PO1"] = 32.5m });
        var rows = OfficerTime.Rows(new OfficerTime.Baseline(10, 200m),
            [new ClosedCases("s", Jan, "PO1", 10m, 4), new ClosedCases("s", Jan, null, 5m, 2)],
            (g, m) => OfficerTime.HourlyCost(assumptions, g, "W06000001", "s", m));

        Assert.Equal(2, rows.Count);
        var ungraded = rows[0];
        Assert.Equal((Jan, (string?)null, 2L, 10m, 30m, 0.5m, 15m),
            (ungraded.Month, ungraded.Grade, ungraded.ClosedCases, ungraded.OfficerMinutes, ungraded.HourlyCost,
                ungraded.HoursReleased, ungraded.Gross));
        var po1 = rows[1];
        Assert.Equal("PO1", po1.Grade);
        Assert.Equal(40m, po1.OfficerMinutes);
        Assert.Equal(21.67m, Math.Round(po1.Gross, 2));
        Assert.Equal(2m / 3m * 32.5m, po1.Gross, 20);
    }

    [Fact]
    public void A_grade_without_a_rate_and_no_default_is_an_error_naming_the_key()
    {
        var assumptions = Service(hourlyDefault: null, grades: new() { ["PO1"] = 32.5m });
        Assert.Equal(32.5m, OfficerTime.HourlyCost(assumptions, "PO1", "W06000001", "s"));
        var e = Assert.Throws<MethodException>(() => OfficerTime.HourlyCost(assumptions, "SO2", "W06000001", "s"));
        Assert.Equal("officer_hourly_cost_gbp.default", e.Path);
        Assert.Contains("SO2", e.Message);
    }

    [Fact]
    public void By_month_sums_each_months_grades_and_leaves_months_without_cases_at_zero()
    {
        // P is January to March 2024. January: £15 (no grade) + £20 (PO1); March: −£5; February has no cases.
        var rows = new[]
        {
            new OfficerTimeRow(Jan, null, 2, 10m, 30m, 0.5m, 15m),
            new OfficerTimeRow(Jan, "PO1", 4, 40m, 40m, 0.5m, 20m),
            new OfficerTimeRow(new Month(2024, 3), null, 1, 40m, 30m, -1m / 6m, -5m),
        };
        Assert.Equal([35m, 0m, -5m], OfficerTime.ByMonth(rows, Jan, new Month(2024, 3)));
    }

    [Fact]
    public void Slower_cases_than_baseline_give_a_negative_figure()
    {
        Assert.Equal(-0.5m, OfficerTime.HoursReleased(new OfficerTime.Baseline(1, 10m), 1, 40m));
    }

    internal static ServiceAssumptions Service(decimal? hourlyDefault, Dictionary<string, decimal> grades)
    {
        var grade = string.Join(", ", grades.Select(g => $"\"{g.Key}\": {g.Value}"));
        var byDefault = hourlyDefault is { } d ? $"\"default\": {d}," : "";
        return AssumptionSet.Parse($$"""
            { "version": "t", "officer_hourly_cost_gbp": { {{byDefault}} "grades": { {{grade}} } },
              "services": { "s": { "go_live": "2024-01" } } }
            """).ForService("W06000001", "s");
    }
}
