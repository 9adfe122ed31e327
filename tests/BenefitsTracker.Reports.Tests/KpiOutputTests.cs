using System.Text;
using System.Text.Json;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Manifest;
using BenefitsTracker.TestSupport;
using static BenefitsTracker.Reports.Tests.WorkbookAssert;

namespace BenefitsTracker.Reports.Tests;

/// <summary>The four service KPIs in manifest.json, the workbook's KPIs sheet and the page (numbers: <see cref="KpiExample"/>).</summary>
public sealed class KpiOutputTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static JsonElement Manifest(SavingsResult r) => JsonDocument.Parse(ManifestWriter.ToUtf8(r, At)).RootElement.Clone();

    [Fact]
    public void Manifest_kpis_have_the_spec_shape_with_targets_a_year_earlier_and_months()
    {
        var text = Encoding.UTF8.GetString(ManifestWriter.ToUtf8(KpiExample.Council(), At));
        var k = JsonDocument.Parse(text).RootElement.GetProperty("kpis").EnumerateArray().Single();
        Assert.Equal("bins", k.GetProperty("service").GetString());
        Assert.Contains("\"cost_per_transaction_gbp\": 0.89,", text, StringComparison.Ordinal);   // £0.886 to the penny
        Assert.Equal(0.8, k.GetProperty("digital_take_up").GetDouble());
        Assert.Equal(0.8, k.GetProperty("completion_rate").GetDouble());
        Assert.Equal(0.8, k.GetProperty("user_satisfaction").GetDouble());
        Assert.Equal(20, k.GetProperty("ratings").GetInt32());
        var targets = k.GetProperty("targets");
        Assert.Equal(0.9, targets.GetProperty("completion_rate").GetDouble());
        Assert.False(targets.GetProperty("met").GetProperty("completion_rate").GetBoolean());
        Assert.True(targets.GetProperty("met").GetProperty("cost_per_transaction_gbp").GetBoolean());
        var ye = k.GetProperty("year_earlier");
        Assert.Equal(1.49m, ye.GetProperty("cost_per_transaction_gbp").GetDecimal());
        Assert.Equal(JsonValueKind.Null, ye.GetProperty("completion_rate").ValueKind);
        Assert.Equal(0.6, ye.GetProperty("user_satisfaction").GetDouble());
        var month = k.GetProperty("months").EnumerateArray().Single();
        Assert.Equal("2024-04", month.GetProperty("month").GetString());
        Assert.Equal("2023-04", month.GetProperty("year_earlier").GetProperty("month").GetString());
    }

    [Fact]
    public void A_month_beyond_the_data_is_unknown_in_the_manifest_not_zero()
    {
        var k = Manifest(KpiExample.Council("2024-04", "2024-05")).GetProperty("kpis")[0];
        var may = k.GetProperty("months")[1];
        Assert.False(may.GetProperty("known").GetBoolean());
        Assert.Equal(JsonValueKind.Null, may.GetProperty("ratings").ValueKind);
        Assert.Equal(JsonValueKind.Null, may.GetProperty("digital_take_up").ValueKind);
    }

    [Fact]
    public void A_shared_manifest_hides_small_rating_counts_and_the_satisfaction_resting_on_them()
    {
        var m = Manifest(KpiExample.Consortium());
        var k = m.GetProperty("kpis")[0];
        Assert.Equal(25, k.GetProperty("ratings").GetInt32());
        Assert.Equal(17.0 / 25.0, k.GetProperty("user_satisfaction").GetDouble(), 12);
        var members = m.GetProperty("members").EnumerateArray().ToDictionary(e => e.GetProperty("scope").GetProperty("council").GetString()!);
        var two = members["W06000002"].GetProperty("kpis")[0];
        Assert.Equal("<10", two.GetProperty("ratings").GetString());
        Assert.Equal(JsonValueKind.Null, two.GetProperty("user_satisfaction").ValueKind);
        Assert.Equal(1.0, two.GetProperty("digital_take_up").GetDouble());
        // One's 20 would give Two's 5 away (25 − 20), so it is hidden too.
        var one = members["W06000001"].GetProperty("kpis")[0];
        Assert.Equal("[c]", one.GetProperty("ratings").GetString());
        Assert.Equal(0, one.GetProperty("months").GetArrayLength());
    }

    [Fact]
    public void The_KPIs_sheet_recalculates_to_the_engine_and_follows_a_unit_cost()
    {
        using var dir = new TempDir();
        var r = KpiExample.Council();
        using var wb = WriteAndRecalculate(r, dir);
        var kpis = wb.NamedRange("bins_kpis")!.Ranges.First().Cells().ToList();
        var k = r.Kpis.Single();
        Pence(k.Period.CostPerTransaction!.Value, kpis[0].Value, "cost per transaction");
        Ratio(k.Period.DigitalTakeUp, kpis[1].Value, "digital take-up");
        Ratio(k.Period.CompletionRate, kpis[2].Value, "completion rate");
        Ratio(k.Period.UserSatisfaction, kpis[3].Value, "user satisfaction");

        var ws = wb.Worksheet("KPIs");
        var row = kpis[0].Address.RowNumber;
        Assert.Equal("met", ws.Cell(row, 5).GetString());
        Assert.Equal("not met", ws.Cell(row + 2, 5).GetString());
        Pence(1.49m, ws.Cell(row, 6).Value, "cost per transaction a year earlier");
        Pence(0.886m - 1.49m, ws.Cell(row, 7).Value, "change");
        Assert.Equal("", ws.Cell(row + 2, 6).GetString());        // no starts a year earlier: no completion rate

        // Web at £0.25: (40 × 2.83 + 160 × 0.25 + 40) / 200 = 193.20 / 200 = £0.966.
        SetNamed(wb, "unit_cost_web", 0.25m);
        Pence(0.966m, kpis[0].Value, "cost per transaction at the new web unit cost");
    }

    [Fact]
    public void The_page_shows_each_KPI_against_target_and_a_year_earlier()
    {
        var html = System.Net.WebUtility.HtmlDecode(ReportPage.Render(KpiExample.Council(), null));
        Assert.Contains("Service performance: the four KPIs", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">£0.89</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>not met</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">\u2212£0.60</td>", html, StringComparison.Ordinal);      // 0.886 − 1.49 = −0.604
        Assert.Contains("<td class=\"num\">+30.0 points</td>", html, StringComparison.Ordinal); // take-up 0.8 − 0.5
        // A change beside two rounded shares can differ from their difference (+8.1 points beside 77.0% and 69.0%): said once.
        Assert.Contains("Each change is worked out from the unrounded figures, so it can differ by 0.1 from the difference of the " +
            "rounded figures shown.", html, StringComparison.Ordinal);
    }
}
