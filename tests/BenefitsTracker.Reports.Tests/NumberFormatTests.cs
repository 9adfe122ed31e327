using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Workbook;
using ClosedXML.Excel;
using Xunit.Abstractions;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// Issue 13: negatives carry a true minus sign (U+2212) in every workbook number format, as on the page, and a cost
/// change of nothing reads £0.00, never +£0.00.
/// </summary>
public class NumberFormatTests(ITestOutputHelper output)
{
    /// <summary>Every number format in the council's and the consortium's workbooks: its negative section, if it can have one, uses −.</summary>
    [Theory]
    [InlineData("council")]
    [InlineData("consortium")]
    public void Every_number_format_writes_negatives_with_a_true_minus(string scope)
    {
        using var wb = SavingsWorkbook.Build(scope == "council" ? Results.SampleConwy : Results.SampleNorthWales);
        var formats = wb.Worksheets.SelectMany(ws => ws.CellsUsed()).Select(c => c.Style.NumberFormat.Format)
            .Where(f => f.Any(ch => ch is '0' or '#'))
            .Distinct().ToList();
        Assert.Contains(Xl.MoneyFormat, formats);
        Assert.Contains(Xl.PercentFormat, formats);
        // Formats of figures that are never negative by construction: a month number, the year index, discount factors, deflators.
        string[] neverNegative = ["0", "0.000000", "0.000###", "0.00####"];
        foreach (var f in formats.Where(f => !neverNegative.Contains(f)))
        {
            var sections = f.Split(';');
            Assert.True(sections.Length >= 2, $"'{f}' has no negative section, so a negative shows a hyphen");
            Assert.Contains("−", sections[1], StringComparison.Ordinal);
            Assert.DoesNotContain("-", sections[1], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0.89, 0.89, "£0.00")]
    [InlineData(0.891, 0.89, "£0.00")]
    [InlineData(0.89, 1.49, "−£0.60")]
    [InlineData(1.01, 0.89, "+£0.12")]
    public void A_cost_per_transaction_change_of_nothing_has_no_sign(double now, double before, string expected)
    {
        KpiFigures Figures(double cost) => new() { Transactions = 1000, Costs = (decimal)cost * 1000m };
        Assert.Equal(expected, KpiText.Change(Kpi.CostPerTransaction, Figures(now), Figures(before), Shown.Value, Shown.Value));
    }

    /// <summary>LibreOffice shows the workbook's formats as a reader sees them: −£2.68, −30.5%, £0.00 for no change.</summary>
    [Fact]
    public async Task LibreOffice_shows_negatives_with_a_true_minus_and_no_change_unsigned()
    {
        var soffice = Tools.Require("soffice", "libreoffice-calc-nogui", new Output(output), "/usr/bin/soffice");
        if (soffice is null) return;
        using var dir = new TempDir();
        var path = dir.File("formats.xlsx");
        using (var wb = new XLWorkbook())
        {
            var ws = wb.AddWorksheet("Formats");
            (double Value, string Format)[] cells =
            [
                (-2.68, Xl.MoneyFormat), (1234.5, Xl.MoneyFormat), (-0.305, Xl.PercentFormat), (0.7698, Xl.PercentFormat),
                (0, Xl.MoneyChangeFormat), (0.6, Xl.MoneyChangeFormat), (-0.6, Xl.MoneyChangeFormat), (-0.02, Xl.PercentChangeFormat),
                (-12.5, Xl.HoursFormat), (-1500, Xl.CountFormat),
            ];
            for (var i = 0; i < cells.Length; i++) ws.Cell(1, i + 1).Num((decimal)cells[i].Value, cells[i].Format);
            wb.SaveAs(path);
        }
        var outDir = await LibreOfficeRoundTripTests.ConvertToCsvAsync(soffice, path, dir.Path, output, asShown: true);
        var row = LibreOfficeRoundTripTests.Csv(Path.Combine(outDir, "formats-Formats.csv"))[0];
        Assert.Equal(["−£2.68", "£1,234.50", "−30.5%", "77.0%", "£0.00", "+£0.60", "−£0.60", "−2.0%", "−12.50", "−1,500"], row);
    }
}
