using System.Text.Json.Nodes;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Workbook;
using BenefitsTracker.TestSupport;
using Xunit.Abstractions;
using static BenefitsTracker.Reports.Tests.WorkbookAssert;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// Costs with a price year in the workbook (METHOD.md v2, Real prices): the Prices sheet uprates each cost to each
/// financial year's prices with live formulas over the Green Book sheet's deflator table, the month-by-month sheets use
/// them, and ClosedXML and LibreOffice recalculate the engine's figures to the penny; changing a price year on the
/// Assumptions sheet restates them as the engine would.
/// </summary>
public sealed class PriceYearOutputTests(ITestOutputHelper output)
{
    private static SavingsResult Compute(string priceYear)
    {
        var (council, _, request) = WorkedExample.Load();
        var json = JsonNode.Parse(File.ReadAllText(WorkedExample.AssumptionsPath))!.AsObject();
        JsonObject Priced(decimal gbp) => new() { ["gbp"] = gbp, ["price_year"] = priceYear };
        json["unit_costs_gbp"] = new JsonObject { ["web"] = Priced(0.15m), ["phone"] = Priced(2.83m), ["face_to_face"] = Priced(8.62m) };
        json["officer_hourly_cost_gbp"] = new JsonObject { ["default"] = Priced(28m) };
        var series = WorkedExample.TestDeflators();
        var set = AssumptionSet.Parse(json.ToJsonString()).WithDeflators(series);
        return SavingsEngine.ComputeCouncil(council, null, set, request, WorkedExample.Lineage());
    }

    private static readonly Lazy<SavingsResult> In202324 = new(() => Compute("2023-24"));

    [Fact]
    public void Workbook_uprates_costs_on_the_Prices_sheet_and_a_changed_price_year_restates_every_figure()
    {
        var r = In202324.Value;
        Assert.NotEqual(Results.WorkedExampleResult.Totals.GrossBenefit, r.Totals.GrossBenefit); // the uprating changes the figures
        using var dir = new TempDir();
        using var wb = WriteAndRecalculate(r, dir);
        Assert.NotNull(wb.Worksheet(PricesSheet.SheetName));
        Assert.Equal("2023-24", Named(wb, "price_year_unit_cost_phone").ToString());
        Headlines(wb, r);

        // A finance officer decides the costs are in 2024-25 prices: type it in, and the figures are the engine's for that.
        foreach (var name in new[] { "price_year_unit_cost_web", "price_year_unit_cost_phone", "price_year_unit_cost_face_to_face",
            "price_year_hourly_cost_default" })
            NamedCell(wb, name).Value = "2024-25";
        wb.RecalculateAllFormulas();
        Headlines(wb, Compute("2024-25"));
    }

    [Fact]
    public void Page_caveats_name_each_cost_with_a_price_year_and_the_deflators_that_uprate_it()
    {
        using var dir = new TempDir();
        ReportWriter.WriteAll(In202324.Value, dir.Path);
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.html")));
        Assert.Contains("the phone unit cost (unit_costs_gbp.phone)", html, StringComparison.Ordinal);
        Assert.Contains("Price years: the default hourly cost (officer_hourly_cost_gbp.default), the face to face unit cost", html,
            StringComparison.Ordinal);
        Assert.Contains("and the web unit cost (unit_costs_gbp.web) in 2023-24 prices.", html, StringComparison.Ordinal);
        Assert.Contains("uprated to the prices of the month it values", html, StringComparison.Ordinal);
        Assert.Contains("TEST SERIES", html, StringComparison.Ordinal);

        using var plain = new TempDir();
        ReportWriter.WriteAll(Results.WorkedExampleResult, plain.Path);
        Assert.DoesNotContain("Price years:", File.ReadAllText(plain.File("report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_price_year_the_workbook_has_no_Prices_sheet()
    {
        using var dir = new TempDir();
        using var wb = WriteAndRecalculate(Results.WorkedExampleResult, dir);
        Assert.False(wb.TryGetWorksheet(PricesSheet.SheetName, out _));
        Assert.Null(wb.NamedRange("price_year_unit_cost_phone"));
    }

    [Fact]
    public async Task LibreOffice_recalculates_the_uprated_figures_to_the_same_pence()
    {
        var soffice = Tools.Require("soffice", "libreoffice-calc-nogui", new Output(output), "/usr/bin/soffice");
        if (soffice is null) return;
        var r = In202324.Value;
        using var dir = new TempDir();
        var outDir = await LibreOfficeRoundTripTests.RecalculateStrippedAsync(soffice, r, dir, output);
        LibreOfficeRoundTripTests.AssertRecalculated(outDir, "stripped", r);
    }
}
