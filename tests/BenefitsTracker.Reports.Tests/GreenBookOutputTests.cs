using System.Globalization;
using System.Text.Json;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Manifest;
using BenefitsTracker.Reports.Workbook;
using Xunit.Abstractions;
using static BenefitsTracker.Reports.Tests.WorkbookAssert;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// Issue 12 in every output: the manifest's Green Book keys, the page's cash sentence and appraisal section,
/// and the workbook's Green Book sheet, whose formulas ClosedXML and LibreOffice recalculate to the engine's pence.
/// </summary>
public sealed class GreenBookOutputTests(ITestOutputHelper output)
{
    /// <summary>The worked example with a two-year horizon, 10% drop-off and 50% optimism bias on costs (tests/fixtures/green-book).</summary>
    private static readonly Lazy<SavingsResult> Appraised = new(() => Results.Worked(node =>
    {
        node["appraisal_years"] = 2;
        node["benefit_drop_off"] = 0.1m;
        node["adjustments"]!["optimism_bias_costs"] = 0.5m;
    }));

    /// <summary>The sample consortium with the same horizon, drop-off and optimism bias on costs.</summary>
    private static readonly Lazy<SavingsResult> AppraisedConsortium = new(() => Results.SampleConsortium(node =>
    {
        node["appraisal_years"] = 5;
        node["benefit_drop_off"] = 0.1m;
        node["adjustments"]!["optimism_bias_costs"] = 0.5m;
    }));

    private static IEnumerable<SavingsResult> All() =>
        [Results.WorkedExampleResult, Appraised.Value, Results.SampleConwy, Results.SampleNorthWales, AppraisedConsortium.Value];

    [Fact]
    public void Manifest_carries_the_green_book_keys_from_the_result()
    {
        var r = Appraised.Value;
        var a = r.Appraisal!;
        using var doc = JsonDocument.Parse(ManifestWriter.ToUtf8(r, DateTimeOffset.UnixEpoch));
        var root = doc.RootElement;
        Assert.Equal(Core.Domain.Money.ToPence(a.Cash.CashableNet), root.GetProperty("cash").GetProperty("cashable_net_gbp").GetDecimal());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("cash").GetProperty("cashable_payback_month").ValueKind);
        var appraisal = root.GetProperty("appraisal");
        Assert.Equal(2, appraisal.GetProperty("years").GetInt32());
        Assert.Equal(6, appraisal.GetProperty("projected_months").GetInt32());
        Assert.Equal(Core.Domain.Money.ToPence(a.Npv), appraisal.GetProperty("npv_gbp").GetDecimal());
        var switching = root.GetProperty("switching_values").EnumerateArray().ToList();
        Assert.Equal(a.SwitchingValues.Select(s => s.Input), switching.Select(s => s.GetProperty("input").GetString()));
        var web = switching.Single(s => s.GetProperty("input").GetString() == "unit_costs_gbp.web");
        Assert.Equal(Math.Round(a.SwitchingValues.Single(s => s.Input == "unit_costs_gbp.web").Value!.Value, 6),
            web.GetProperty("switching_value").GetDecimal());
        Assert.Equal(Core.Domain.Money.ToPence(a.Scenarios.LowNpv), root.GetProperty("scenarios").GetProperty("low_npv_gbp").GetDecimal());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("monte_carlo").ValueKind);

        // The worked example without the new keys: no horizon, the cash view still there.
        using var plain = JsonDocument.Parse(ManifestWriter.ToUtf8(Results.WorkedExampleResult, DateTimeOffset.UnixEpoch));
        Assert.Equal(JsonValueKind.Null, plain.RootElement.GetProperty("appraisal").ValueKind);
        Assert.Equal(1781.60m, plain.RootElement.GetProperty("cash").GetProperty("cashable_net_gbp").GetDecimal());
        Assert.Equal("2025-01", plain.RootElement.GetProperty("cash").GetProperty("cashable_payback_month").GetString());
    }

    [Fact]
    public void Page_says_in_its_first_paragraph_when_the_case_has_not_paid_back_in_cash()
    {
        using var dir = new TempDir();
        ReportWriter.WriteAll(Appraised.Value, dir.Path);
        var html = File.ReadAllText(dir.File("report.html"));
        var lead = html[html.IndexOf("<p class=\"lead\">", StringComparison.Ordinal)..];
        lead = lead[..lead.IndexOf("</p>", StringComparison.Ordinal)];
        Assert.Contains("in cash terms it has not yet paid back", lead, StringComparison.Ordinal);
        // The cash figure in the sentence is rounded for people, as the headline's are.
        Assert.Contains("the net benefit is " + Fmt.About(Appraised.Value.Appraisal!.Cash.CashableNet), System.Net.WebUtility.HtmlDecode(lead),
            StringComparison.Ordinal);
        Assert.Contains("Switching values", html, StringComparison.Ordinal);
        Assert.Contains("Projected year 1", html, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File(Path.Combine("charts", "tornado.svg"))));
    }

    [Fact]
    public void Green_book_formulas_recalculate_to_the_engine_figures()
    {
        foreach (var r in All())
        {
            using var dir = new TempDir();
            using var wb = WriteAndRecalculate(r, dir);
            Headlines(wb, r);
            AssertGreenBook(name => Named(wb, name), r, $"{r.Scope.Id} (ClosedXML)");
            var ws = wb.Worksheet(GreenBookSheet.SheetName);
            AssertSwitching(ws.CellsUsed(c => c.GetString().StartsWith("unit_costs_gbp.", StringComparison.Ordinal)
                || c.GetString().StartsWith("adjustments.", StringComparison.Ordinal)
                    || c.GetString().StartsWith("officer_hourly", StringComparison.Ordinal) || c.GetString() == "total_costs")
                .Where(c => c.Address.ColumnNumber == 2)
                .Select(c => (c.GetString(), ws.Cell(c.Address.RowNumber, 5).Value)), r);
        }
    }

    [Theory]
    [InlineData("council")]
    [InlineData("consortium")]
    public async Task LibreOffice_recalculates_the_green_book_sheet_to_the_same_pence(string scope)
    {
        var soffice = Tools.Require("soffice", "libreoffice-calc-nogui", new Output(output), "/usr/bin/soffice");
        if (soffice is null) return;
        var r = scope == "council" ? Appraised.Value : AppraisedConsortium.Value;
        Assert.NotNull(r.Appraisal);
        using var dir = new TempDir();
        var outDir = await LibreOfficeRoundTripTests.RecalculateStrippedAsync(soffice, r, dir, output);
        LibreOfficeRoundTripTests.AssertRecalculated(outDir, "stripped", r);
        var sheet = LibreOfficeRoundTripTests.Csv(Path.Combine(outDir, "stripped-Green Book.csv"));
        string Value(string label) => sheet.First(row => row.Count > 1 && row[0] == label)[1];
        object Num(string label)
        {
            var text = Value(label);
            return text.EndsWith('%') ? double.Parse(text[..^1], CultureInfo.InvariantCulture) / 100
                : double.Parse(text, CultureInfo.InvariantCulture);
        }
        var labels = new Dictionary<string, string>
        {
            [GreenBookSheet.CashNet] = "Cashable net benefit", [GreenBookSheet.CashRoi] = "Cashable ROI",
            [GreenBookSheet.CashPayback] = "Cashable payback month", [GreenBookSheet.AppraisalNpv] = "Appraisal NPV",
        };
        AssertGreenBook(name => name == GreenBookSheet.CashPayback
            || (name == GreenBookSheet.CashRoi && r.Appraisal!.Cash.CashableRoi is null) ? Value(labels[name]) : Num(labels[name]), r, "LibreOffice");
        AssertSwitching(sheet.Where(row => row.Count > 4 && r.Appraisal!.SwitchingValues.Any(s => s.Input == row[1]))
            .Select(row => (row[1], (object)(double.TryParse(row[4], CultureInfo.InvariantCulture, out var v) ? v : row[4]))), r);
    }

    private static void AssertGreenBook(Func<string, object> named, SavingsResult r, string who)
    {
        var a = r.Appraisal!;
        Pence(a.Cash.CashableNet, named(GreenBookSheet.CashNet), $"{who}: cashable net");
        Ratio(a.Cash.CashableRoi, named(GreenBookSheet.CashRoi), $"{who}: cashable ROI");
        Assert.Equal(a.Cash.CashablePaybackMonth?.ToString() ?? "not within the period",
            Convert.ToString(named(GreenBookSheet.CashPayback), CultureInfo.InvariantCulture));
        Pence(a.Npv, named(GreenBookSheet.AppraisalNpv), $"{who}: appraisal NPV");
    }

    /// <summary>Each switching value the sheet shows equals the engine's to a hundredth of a penny (or both are "none in range").</summary>
    private static void AssertSwitching(IEnumerable<(string Input, object Value)> shown, SavingsResult r)
    {
        var count = 0;
        foreach (var (input, value) in shown)
        {
            var expected = r.Appraisal!.SwitchingValues.Single(s => s.Input == input).Value;
            if (expected is { } e)
                Assert.True(Math.Abs(Convert.ToDouble(value, CultureInfo.InvariantCulture) - (double)e) < 0.0001,
                    $"{input}: sheet {value}, engine {e}");
            else Assert.Equal("none in range", Convert.ToString(value, CultureInfo.InvariantCulture));
            count++;
        }
        Assert.Equal(r.Appraisal!.SwitchingValues.Count, count);
    }
}
