using System.Globalization;
using System.Text.Json.Nodes;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Reports.Workbook;
using BenefitsTracker.TestSupport;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Tests.WorkbookAssert;

namespace BenefitsTracker.Reports.Tests;

public class WorkbookTests
{
    [Fact]
    public void Worked_example_headline_formulas_equal_the_engine_and_expected_json()
    {
        using var dir = new TempDir();
        var result = Results.WorkedExampleResult;
        using var wb = WriteAndRecalculate(result, dir);
        Headlines(wb, result);

        var totals = WorkedExample.Expected.GetProperty("totals");
        decimal E(string key) => totals.GetProperty(key).GetDecimal();
        Pence(E("gross_benefit_gbp"), Named(wb, SummarySheet.Gross), "expected.json gross");
        Pence(E("adjusted_benefit_gbp"), Named(wb, SummarySheet.Adjusted), "expected.json adjusted");
        Pence(E("cashable_gbp"), Named(wb, SummarySheet.CashableName), "expected.json cashable");
        Pence(E("non_cashable_gbp"), Named(wb, SummarySheet.NonCashable), "expected.json non-cashable");
        Pence(E("costs_gbp"), Named(wb, SummarySheet.Costs), "expected.json costs");
        Pence(E("net_benefit_gbp"), Named(wb, SummarySheet.Net), "expected.json net");
        Pence(E("npv_gbp"), Named(wb, SummarySheet.Npv), "expected.json NPV");
        Assert.Equal("2024-05", Named(wb, SummarySheet.Payback));
        Pence(22.5m, Named(wb, SummarySheet.Hours), "hours");
    }

    [Fact]
    public void Worked_example_lines_and_months_add_up_as_the_engine_says()
    {
        using var dir = new TempDir();
        var result = Results.WorkedExampleResult;
        using var wb = WriteAndRecalculate(result, dir);
        var cashable = wb.Worksheet("Cashable");
        for (var i = 0; i < BenefitLines.All.Count; i++)
        {
            var line = result.Lines[i];
            Assert.Equal(line.Line.Title(), cashable.Cell(i + 2, 1).GetString());
            Pence(line.Gross, cashable.Cell(i + 2, 3).Value, line.Line.Key() + " gross");
            Pence(line.Adjusted, cashable.Cell(i + 2, 4).Value, line.Line.Key() + " adjusted");
        }
        var expectedLines = WorkedExample.Expected.GetProperty("lines");
        Pence(expectedLines.GetProperty("channel_shift").GetDecimal(), cashable.Cell(2, 3).Value, "expected channel shift");
        Pence(expectedLines.GetProperty("avoidable_contact").GetDecimal(), cashable.Cell(6, 3).Value, "expected avoidable contact");

        var appraisal = wb.Worksheet("Appraisal");
        for (var t = 0; t < result.Months.Count; t++)
        {
            var m = result.Months[t];
            Assert.Equal(m.Month.ToString(), appraisal.Cell(t + 2, 2).GetString());
            Pence(m.AdjustedBenefit, appraisal.Cell(t + 2, 3).Value, $"{m.Month} adjusted");
            Pence(m.Costs, appraisal.Cell(t + 2, 6).Value, $"{m.Month} costs");
            Pence(m.CumulativeNet, appraisal.Cell(t + 2, 8).Value, $"{m.Month} cumulative net");
        }
    }

    public static TheoryData<string> SampleScopes => new() { "council", "consortium" };

    [Theory]
    [MemberData(nameof(SampleScopes))]
    public void Sample_data_headline_formulas_equal_the_engine(string scope)
    {
        using var dir = new TempDir();
        var result = scope == "council" ? Results.SampleConwy : Results.SampleNorthWales;
        using var wb = WriteAndRecalculate(result, dir);
        Headlines(wb, result);
        var appraisal = wb.Worksheet("Appraisal");
        for (var t = 0; t < result.Months.Count; t++)
        {
            Pence(result.Months[t].AdjustedBenefit, appraisal.Cell(t + 2, 3).Value, $"{result.Months[t].Month} adjusted");
            Pence(result.Months[t].Cashable, appraisal.Cell(t + 2, 4).Value, $"{result.Months[t].Month} cashable");
        }
    }

    /// <summary>A named assumption, the value to give it, and the same change made to the assumptions file.</summary>
    public static TheoryData<string, double, string> WorkedChanges => new()
    {
        { "unit_cost_phone", 3.50, "unit_costs_gbp.phone" },
        { "unit_cost_web", 0.40, "unit_costs_gbp.web" },
        { "unit_cost_face_to_face", 12.00, "unit_costs_gbp.face_to_face" },
        { "hourly_cost_default", 41.25, "officer_hourly_cost_gbp.default" },
        { "deadweight", 0.35, "adjustments.deadweight" },
        { "attribution", 0.5, "adjustments.attribution" },
        { "optimism_bias", 0.25, "adjustments.optimism_bias" },
        { "discount_rate", 0.10, "discount_rate" },
    };

    [Theory]
    [MemberData(nameof(WorkedChanges))]
    public void Changing_a_named_assumption_recalculates_the_workbook_as_the_method_says(string name, double value, string jsonPath)
    {
        using var dir = new TempDir();
        using var wb = WriteAndRecalculate(Results.WorkedExampleResult, dir);
        var before = Convert.ToDouble(Named(wb, SummarySheet.Adjusted), CultureInfo.InvariantCulture);
        SetNamed(wb, name, (decimal)value);
        var changed = Results.Worked(node => Set(node, jsonPath, value));
        Headlines(wb, changed);
        if (name != "discount_rate")
            Assert.NotEqual(before, Convert.ToDouble(Named(wb, SummarySheet.Adjusted), CultureInfo.InvariantCulture));
        else
            Assert.NotEqual((double)Results.WorkedExampleResult.Totals.Npv,
                Convert.ToDouble(Named(wb, SummarySheet.Npv), CultureInfo.InvariantCulture), 2);
    }

    [Fact]
    public void Changing_a_grade_rate_and_a_unit_cost_in_the_sample_council_recalculates_as_the_method_says()
    {
        using var dir = new TempDir();
        using var wb = WriteAndRecalculate(Results.SampleConwy, dir);
        SetNamed(wb, "hourly_cost_po1", 45m);
        SetNamed(wb, "unit_cost_email", 2.75m);
        SetNamed(wb, "hourly_cost_default", 35m);
        var changed = Results.SampleCouncil(node =>
        {
            Set(node, "officer_hourly_cost_gbp.grades.PO1", 45);
            Set(node, "unit_costs_gbp.email", 2.75);
            Set(node, "councils.W06000003.officer_hourly_cost_gbp.default", 35);
        });
        Headlines(wb, changed);
    }

    [Theory]
    [MemberData(nameof(SampleScopes))]
    public void Workbook_has_the_sheets_names_tables_and_formats_finance_officers_expect(string scope)
    {
        using var dir = new TempDir();
        var path = dir.File("savings.xlsx");
        SavingsWorkbook.Write(scope == "council" ? Results.SampleConwy : Results.SampleNorthWales, path);
        using var wb = new XLWorkbook(path);
        if (scope == "council")
        {
            Assert.Equal(["Summary", "Assumptions", "Baseline", "Monthly", "Officer time", "Avoidable contact", "Spend", "Cashable", "Appraisal",
                "Green Book", "KPIs", "Benefits register", "Lineage"],
                wb.Worksheets.Select(w => w.Name).ToArray());
            foreach (var name in new[] { "unit_cost_web", "unit_cost_phone", "hourly_cost_default", "deadweight", "attribution",
                "optimism_bias", "discount_rate" })
                Assert.NotNull(wb.NamedRange(name));
            Assert.NotNull(wb.NamedRange("garden_waste_hourly_cost_default"));
        }
        else
        {
            // Shared beyond one council: no member's monthly data, the members' figures as values, the months suppressed.
            Assert.Equal(
                ["Summary", "Assumptions", "Members", "Monthly", "Appraisal", "Green Book", "Comparison", "KPIs", "Benefits register", "Lineage"],
                wb.Worksheets.Select(w => w.Name).ToArray());
            Assert.NotNull(wb.NamedRange("discount_rate"));
            Assert.Contains("own workbook", string.Join(" ", wb.Worksheet("Summary").Column(1).CellsUsed().Select(c => c.GetString())),
                StringComparison.Ordinal);
        }

        var monthly = wb.Worksheet("Monthly");
        Assert.Equal(1, monthly.SheetView.SplitRow);
        var table = Assert.Single(monthly.Tables);
        Assert.True(table.ShowAutoFilter);
        var adjusted = monthly.Row(1).CellsUsed().First(c => c.GetString() == "Adjusted benefit");
        Assert.Equal(Xl.MoneyFormat, monthly.Cell(2, adjusted.Address.ColumnNumber).Style.NumberFormat.Format);

        foreach (var ws in wb.Worksheets)
            foreach (var cell in ws.CellsUsed(c => c.HasFormula))
                Assert.DoesNotContain("[", cell.FormulaA1);
    }

    [Fact]
    public void Changing_the_discount_rate_in_the_consortium_workbook_recalculates_the_NPV()
    {
        using var dir = new TempDir();
        using var wb = WriteAndRecalculate(Results.SampleNorthWales, dir);
        SetNamed(wb, "discount_rate", 0.10m);
        Headlines(wb, Results.SampleConsortium(node => Set(node, "discount_rate", 0.10)));
    }

    [Fact]
    public void Workbook_is_saved_with_evaluated_values_and_asks_for_a_full_recalculation_on_open()
    {
        using var dir = new TempDir();
        var path = dir.File("savings.xlsx");
        SavingsWorkbook.Write(Results.WorkedExampleResult, path);
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        var xml = reader.ReadToEnd();
        Assert.Contains("fullCalcOnLoad=\"1\"", xml);
        using var wb = new XLWorkbook(path);
        var cached = wb.Worksheet("Summary").Cell(SummarySheet.FirstFigureRow + 3, 2).CachedValue;
        Pence(Results.WorkedExampleResult.Totals.AdjustedBenefit, cached, "cached adjusted benefit");
    }

    internal static void Set(JsonNode node, string path, double value)
    {
        var parts = path.Split('.');
        var current = node;
        foreach (var part in parts[..^1]) current = current[part] ??= new JsonObject();
        current[parts[^1]] = value;
    }
}
