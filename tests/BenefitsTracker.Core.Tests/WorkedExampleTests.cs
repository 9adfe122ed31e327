using System.Text.Json;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Core.Tests;

/// <summary>
/// The hand-worked example (tests/fixtures/worked-council/README.md) must come out of the engine
/// to the penny: every total, every line gross and adjusted, every month.
/// </summary>
public sealed class WorkedExampleTests
{
    private static readonly SavingsResult Result = Compute();

    private static SavingsResult Compute()
    {
        var (council, assumptions, request) = WorkedExample.Load();
        return SavingsEngine.ComputeCouncil(council, null, assumptions, request, WorkedExample.Lineage());
    }

    private static JsonElement Expected => WorkedExample.Expected;

    private static decimal Pence(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static decimal Money(JsonElement parent, string key) => parent.GetProperty(key).GetDecimal();

    [Fact]
    public void Totals_match_to_the_penny()
    {
        var totals = Expected.GetProperty("totals");
        var t = Result.Totals;
        Assert.Equal(totals.GetProperty("transactions").GetInt64(), t.Transactions);
        Assert.Equal(Money(totals, "gross_benefit_gbp"), Pence(t.GrossBenefit));
        Assert.Equal(Money(totals, "adjusted_benefit_gbp"), Pence(t.AdjustedBenefit));
        Assert.Equal(Money(totals, "cashable_gbp"), Pence(t.Cashable));
        Assert.Equal(Money(totals, "non_cashable_gbp"), Pence(t.NonCashable));
        Assert.Equal(Money(totals, "costs_gbp"), Pence(t.Costs));
        Assert.Equal(Money(totals, "net_benefit_gbp"), Pence(t.NetBenefit));
        Assert.Equal(Money(totals, "npv_gbp"), Pence(t.Npv));
        Assert.Equal(Money(totals, "officer_hours_released"), t.OfficerHoursReleased);
        Assert.Equal(totals.GetProperty("payback_month").GetString(), t.PaybackMonth?.ToString());
    }

    [Fact]
    public void Ratios_match_expected_fractions()
    {
        var totals = Expected.GetProperty("totals");
        Assert.Equal(totals.GetProperty("digital_take_up").GetDouble(), (double)Result.Totals.DigitalTakeUp!.Value, 12);
        Assert.Equal(totals.GetProperty("roi").GetDouble(), (double)Result.Totals.Roi!.Value, 12);
        Assert.Equal(totals.GetProperty("bcr").GetDouble(), (double)Result.Totals.Bcr!.Value, 12);
    }

    [Fact]
    public void Every_line_matches_gross_and_adjusted()
    {
        var gross = Expected.GetProperty("lines");
        var adjusted = Expected.GetProperty("lines_adjusted");
        foreach (var line in Result.Lines)
        {
            Assert.True(line.Enabled, line.Line.Key());
            Assert.Equal(Money(gross, line.Line.Key()), Pence(line.Gross));
            Assert.Equal(Money(adjusted, line.Line.Key()), Pence(line.Adjusted));
        }
        Assert.Equal(BenefitLines.All, Result.Lines.Select(l => l.Line));
    }

    [Fact]
    public void Every_month_matches_transactions_channels_benefit_and_costs()
    {
        var months = Expected.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(months.Count, Result.Months.Count);
        for (var i = 0; i < months.Count; i++)
        {
            var expected = months[i];
            var actual = Result.Months[i];
            Assert.Equal(expected.GetProperty("month").GetString(), actual.Month.ToString());
            Assert.Equal(expected.GetProperty("transactions").GetInt64(), actual.Transactions);
            var channels = expected.GetProperty("by_channel").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
            Assert.Equal(channels, actual.ByChannel.ToDictionary());
            Assert.Equal(Money(expected, "adjusted_benefit_gbp"), Pence(actual.AdjustedBenefit));
            Assert.Equal(Money(expected, "costs_gbp"), Pence(actual.Costs));
        }
    }

    [Fact]
    public void Cashable_lines_are_print_and_postage()
    {
        Assert.Equal(
            [BenefitLine.Print, BenefitLine.Postage],
            Result.Lines.Where(l => l.Cashable).Select(l => l.Line));
    }

    [Fact]
    public void Baseline_working_matches_the_readme()
    {
        var service = Assert.Single(Result.Services);
        Assert.Equal(3.452m, service.BaselineMixUnitCost);
        Assert.Equal(15m, service.BaselineMeanMinutes);
        Assert.Equal(120, service.BaselineClosedCases);
        Assert.Equal(6000m, service.BaselineSpend[CostCategories.Print]);
        Assert.Equal(2400m, service.BaselineSpend[CostCategories.Postage]);
        Assert.Equal(new Dictionary<string, long> { ["web"] = 1200, ["phone"] = 3600, ["face_to_face"] = 1200 },
            service.BaselineVolumes.ToDictionary());
        var contact = Assert.Single(service.AvoidableContact);
        Assert.Equal((new Month(2024, 3), "web", "phone", 1L, 2.68m, -2.68m),
            (contact.Month, contact.DigitalChannel, contact.OfflineChannel, contact.Count, contact.UnitDifference, contact.Gross));
    }

    [Fact]
    public void Measures_completion_rate_and_cost_per_transaction()
    {
        // Starts are recorded on web only: 340 + 20i a month, completions 300 + 20i.
        long completed = 0, started = 0;
        for (var i = 0; i < 18; i++) { completed += 300 + 20 * i; started += 340 + 20 * i; }
        Assert.Equal((decimal)completed / started, Result.Totals.CompletionRate);

        var channelCost = Result.Months.Sum(m => m.ByChannel["web"] * 0.15m + m.ByChannel["phone"] * 2.83m + m.ByChannel["face_to_face"] * 8.62m);
        Assert.Equal((channelCost + 5800m) / 10990m, Result.Totals.CostPerTransaction);
    }

    [Fact]
    public void Officer_time_has_a_confidence_interval_around_the_figure()
    {
        var line = Result.Lines.Single(l => l.Line == BenefitLine.OfficerTime);
        Assert.NotNull(line.Ci95);
        Assert.True(line.Ci95!.Low <= line.Gross && line.Gross <= line.Ci95.High, $"{line.Ci95} around {line.Gross}");
        Assert.Null(Result.Lines.Single(l => l.Line == BenefitLine.ChannelShift).Ci95);
    }

    [Fact]
    public void Lineage_and_assumptions_are_carried_through()
    {
        Assert.Equal("worked-example-1", Result.Assumptions.Version);
        Assert.Equal(64, Result.Assumptions.Sha256.Length);
        Assert.Equal(Result.Assumptions.Sha256, Result.Lineage.AssumptionsSha256);
        Assert.Equal(new ReportScope(ScopeKind.Council, "W06000004", "Denbighshire"), Result.Scope);
        Assert.Null(Result.Assumptions.Apportionment);
    }
}
