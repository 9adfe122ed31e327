using System.Text.Json.Nodes;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using static BenefitsTracker.Core.Tests.GreenBook.GreenBookFixture;

namespace BenefitsTracker.Core.Tests.GreenBook;

/// <summary>
/// Costs given in the prices of a price year, uprated to each month's prices (METHOD.md v2, Real prices:
/// u × D(fy(m)) / D(py)), worked by hand on the worked council (tests/fixtures/green-book/README.md, "Price years").
/// </summary>
public sealed class PriceYearTests
{
    private static readonly SavingsResult Nominal = Compute((string?)null);

    /// <summary>The worked example's assumptions with <c>unit_costs_gbp</c> replaced (removed when null).</summary>
    private static AssumptionSet WorkedWithUnitCosts(JsonObject? unitCosts)
    {
        var json = JsonNode.Parse(File.ReadAllText(TestSupport.WorkedExample.AssumptionsPath))!.AsObject();
        json.Remove("unit_costs_gbp");
        if (unitCosts is not null) json["unit_costs_gbp"] = unitCosts;
        return AssumptionSet.Parse(json.ToJsonString());
    }

    private static JsonObject Priced(decimal gbp, string year) => new() { ["gbp"] = gbp, ["price_year"] = year };

    /// <summary>Every unit cost of the worked example (0.15, 2.83, 8.62) in 2023-24 prices.</summary>
    private static AssumptionSet In202324() => WorkedWithUnitCosts(new JsonObject
    {
        ["web"] = Priced(0.15m, "2023-24"), ["phone"] = Priced(2.83m, "2023-24"), ["face_to_face"] = Priced(8.62m, "2023-24"),
    });

    private static decimal ChannelShift(SavingsResult r, Month m) => r.Months.Single(x => x.Month == m).GrossByLine[BenefitLine.ChannelShift];

    [Fact]
    public void Unit_costs_in_2023_24_prices_are_uprated_by_16_15ths_in_2024_25_and_10_9ths_in_2025_26()
    {
        // Test series: 2023-24 = 90, 2024-25 = 96, 2025-26 = 100. Channel shift month i = 825.5 + 73.266i at the costs' own
        // prices; January–March 2024 are in 2023-24 (× 1), April 2024–March 2025 × 96/90, April–June 2025 × 100/90.
        var r = Compute(In202324().WithDeflators(TestDeflators()));
        Assert.Equal(825.50m, Pence(ChannelShift(r, new Month(2024, 1))));
        Assert.Equal(1114.98m, Pence(ChannelShift(r, new Month(2024, 4)))); // (825.5 + 73.266 × 3) × 16/15 = 1,114.98453
        Assert.Equal(2301.14m, Pence(ChannelShift(r, new Month(2025, 6)))); // (825.5 + 73.266 × 17) × 10/9 = 2,301.13556
        // Over the period: 17,379.132 × 1/15 + 5,993.268 × 1/9 = £1,824.53 more gross benefit; officer time (no price
        // year), print and postage (spend) and March 2024's avoidable contact (in 2023-24) are as before.
        Assert.Equal(1824.53m, Pence(r.Totals.GrossBenefit - Nominal.Totals.GrossBenefit));
        Assert.Equal(Nominal.Months[2].GrossByLine[BenefitLine.AvoidableContact], r.Months[2].GrossByLine[BenefitLine.AvoidableContact]);
        Assert.Equal(Nominal.Months[5].GrossByLine[BenefitLine.OfficerTime], r.Months[5].GrossByLine[BenefitLine.OfficerTime]);
    }

    [Fact]
    public void Costs_without_a_price_year_are_not_changed_by_a_deflator_series()
    {
        var r = Compute(TestSupport.WorkedExample.Load().Assumptions.WithDeflators(TestDeflators()));
        Assert.Equal(Nominal.Totals, r.Totals);
        Assert.Equal(Nominal.Months.Select(m => m.GrossByLine), r.Months.Select(m => m.GrossByLine));
    }

    [Fact]
    public void The_default_unit_costs_carry_Socitms_price_year_2010_11()
    {
        // The worked example's unit costs equal the defaults; without them in the file, the defaults apply in 2010-11
        // prices: with D(2010-11) = 60 and D(2023-24) = 90, January 2024's channel shift is 825.5 × 1.5 = £1,238.25.
        var series = DeflatorSeriesReader.Parse(
            "# release: test series with 2010-11\nfinancial_year,index,source\n2010-11,60,x\n2022-23,85,x\n2023-24,90,x\n2024-25,96,x\n" +
                "2025-26,100,x\n", "t.csv");
        var r = Compute(WorkedWithUnitCosts(null).WithDeflators(series));
        Assert.Equal(1238.25m, Pence(ChannelShift(r, new Month(2024, 1))));
        var a = WorkedWithUnitCosts(null).ForService("W06000004", "garden-waste");
        Assert.Equal(new FinancialYear(2010), a.PriceYears["unit_costs_gbp.phone"]);
        // A file that sets a channel's cost without a price year takes it out of the defaults' price year.
        Assert.False(TestSupport.WorkedExample.Load().Assumptions.ForService("W06000004", "garden-waste")
            .PriceYears.ContainsKey("unit_costs_gbp.phone"));
    }

    [Fact]
    public void Without_a_series_costs_with_a_price_year_are_used_as_given_and_the_report_says_so()
    {
        var r = Compute(In202324());
        Assert.Equal(Nominal.Totals, r.Totals);
        Assert.Contains(r.Notes, n => n.Contains("unit_costs_gbp.phone", StringComparison.Ordinal)
            && n.Contains("no GDP deflator series", StringComparison.Ordinal));
    }

    [Fact]
    public void A_year_the_series_lacks_is_an_error_naming_the_key_and_the_year()
    {
        var series = DeflatorSeriesReader.Parse("# release: short\nfinancial_year,index,source\n2022-23,85,x\n2023-24,90,x\n2024-25,96,x\n", "s.csv");
        var e = Assert.Throws<MethodException>(() => Compute(In202324().WithDeflators(series)));
        Assert.Contains("2025-26", e.Message, StringComparison.Ordinal);
        Assert.Contains("unit_costs_gbp.", e.Message, StringComparison.Ordinal);
        Assert.Contains("--deflators", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_switching_value_of_an_uprated_cost_puts_the_NPV_at_zero()
    {
        var r = Compute(In202324().WithDeflators(TestDeflators()));
        var web = r.Appraisal!.SwitchingValues.Single(s => s.Input == "unit_costs_gbp.web").Value!.Value;
        var at = Compute(WorkedWithUnitCosts(new JsonObject
        {
            ["web"] = Priced(web, "2023-24"), ["phone"] = Priced(2.83m, "2023-24"), ["face_to_face"] = Priced(8.62m, "2023-24"),
        }).WithDeflators(TestDeflators()));
        Assert.InRange(at.Appraisal!.Npv, -0.01m, 0.01m);
        // Not the nominal switching value: the uprating makes each pound of web cost weigh more.
        Assert.NotEqual(Math.Round(Nominal.Appraisal!.SwitchingValues.Single(s => s.Input == "unit_costs_gbp.web").Value!.Value, 4),
            Math.Round(web, 4));
    }

    [Theory]
    [InlineData("{\"price_year\": \"2010-11\"}", "unit_costs_gbp.phone.gbp")]
    [InlineData("{\"gbp\": 2.83}", "unit_costs_gbp.phone.price_year")]
    [InlineData("{\"gbp\": 2.83, \"price_year\": \"2010/11\"}", "unit_costs_gbp.phone.price_year")]
    [InlineData("{\"gbp\": -1, \"price_year\": \"2010-11\"}", "unit_costs_gbp.phone.gbp")]
    [InlineData("{\"gbp\": 2.83, \"price_year\": \"2010-11\", \"year\": 1}", "unit_costs_gbp.phone.year")]
    public void A_badly_written_priced_cost_is_refused_naming_the_key(string value, string key)
    {
        var e = Assert.Throws<AssumptionsException>(() => WorkedWithUnitCosts(new JsonObject { ["phone"] = JsonNode.Parse(value) }));
        Assert.Equal(key, e.Path);
    }

    [Fact]
    public void A_series_given_in_the_assumptions_uprates_without_being_supplied()
    {
        var json = JsonNode.Parse(File.ReadAllText(TestSupport.WorkedExample.AssumptionsPath))!.AsObject();
        json["unit_costs_gbp"] = new JsonObject { ["web"] = Priced(0.15m, "2023-24"), ["phone"] = Priced(2.83m, "2023-24"),
            ["face_to_face"] = Priced(8.62m, "2023-24") };
        json["gdp_deflators"] = new JsonObject { ["release"] = "in the file",
            ["index"] = new JsonObject { ["2022-23"] = 85, ["2023-24"] = 90, ["2024-25"] = 96, ["2025-26"] = 100 } };
        var set = AssumptionSet.Parse(json.ToJsonString());
        Assert.Equal("in the file", set.Deflators!.Release);
        Assert.Equal(1114.98m, Pence(ChannelShift(Compute(set), new Month(2024, 4))));
    }

    [Theory]
    [InlineData("{\"index\": {\"2024-25\": 100}}", "gdp_deflators.release")]
    [InlineData("{\"release\": \"r\"}", "gdp_deflators.index")]
    [InlineData("{\"release\": \"r\", \"index\": {\"2024/25\": 100}}", "gdp_deflators.index.2024/25")]
    [InlineData("{\"release\": \"r\", \"index\": {\"2024-25\": 0}}", "gdp_deflators.index.2024-25")]
    [InlineData("{\"release\": \"r\", \"index\": {}}", "gdp_deflators.index")]
    public void A_badly_written_series_in_the_assumptions_is_refused_naming_the_key(string value, string key)
    {
        var e = Assert.Throws<AssumptionsException>(() => AssumptionSet.Parse($$"""{ "version": "v", "gdp_deflators": {{value}} }"""));
        Assert.Equal(key, e.Path);
    }

    [Fact]
    public void Hourly_costs_take_a_price_year_too()
    {
        var json = JsonNode.Parse(File.ReadAllText(TestSupport.WorkedExample.AssumptionsPath))!.AsObject();
        json["officer_hourly_cost_gbp"] = new JsonObject { ["default"] = Priced(28m, "2023-24") };
        var r = Compute(AssumptionSet.Parse(json.ToJsonString()).WithDeflators(TestDeflators()));
        // 1.25 hours a month × £28: January–March 2024 £35, April 2024–March 2025 £37.33, April–June 2025 £38.89.
        Assert.Equal(35.00m, Pence(r.Months[0].GrossByLine[BenefitLine.OfficerTime]));
        Assert.Equal(37.33m, Pence(r.Months[3].GrossByLine[BenefitLine.OfficerTime]));
        Assert.Equal(38.89m, Pence(r.Months[17].GrossByLine[BenefitLine.OfficerTime]));
    }
}
