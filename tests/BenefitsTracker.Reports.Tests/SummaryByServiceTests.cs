using System.Globalization;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Workbook;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Tests.WorkbookAssert;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// Issue 13: the workbook's Summary names each service and gives it its own line (transactions, take-up, adjusted
/// benefit by line; digital costs by category), each figure a live formula over the sheets that hold the working.
/// </summary>
public class SummaryByServiceTests
{
    private static IXLTable Table(XLWorkbook wb, string name) => wb.Worksheet("Summary").Table(name);

    private static IXLCell Cell(IXLTable t, IXLTableRow row, string header) =>
        row.Cell(t.HeadersRow().Cells().First(c => c.GetString() == header).Address.ColumnNumber - t.RangeAddress.FirstAddress.ColumnNumber + 1);

    private static IXLTableRow Row(IXLTable t, string code) =>
        t.DataRange.Rows().Single(r => r.Cell(SummaryByService.CodeCol).GetString() == code);

    private static decimal D(IXLCell c) => Convert.ToDecimal(c.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Each_service_has_its_own_named_line_that_adds_up_to_the_headline()
    {
        using var dir = new TempDir();
        var result = Results.SampleConwy;
        using var wb = WriteAndRecalculate(result, dir);
        var t = Table(wb, SummaryByService.ServicesTable);
        Assert.Equal(result.Services.Count, t.DataRange.RowCount());
        Assert.True(result.Services.Count >= 3, "Conwy runs three services");
        var total = 0m;
        foreach (var w in result.Services)
        {
            var row = Row(t, w.Service);
            Assert.Equal(ServiceNames.Of(result, w.Service), row.Cell(SummaryByService.NameCol).GetString());
            var transactions = w.Months.Sum(m => m.ByChannel.Values.Sum());
            var digital = w.Months.Sum(m => m.ByChannel.Where(kv => w.Assumptions.DigitalChannels.Contains(kv.Key)).Sum(kv => kv.Value));
            Assert.True(transactions > 0, $"{w.Service} has transactions");
            var tx = Cell(t, row, "Transactions");
            Assert.StartsWith("SUMIFS('Monthly'!", tx.FormulaA1, StringComparison.Ordinal);
            Assert.Equal((decimal)transactions, D(tx));
            Ratio((decimal)digital / transactions, Cell(t, row, "Digital take-up").Value, $"{w.Service} take-up");
            foreach (var line in BenefitLines.All.Where(l => w.Assumptions.Lines.Contains(l)))
            {
                var cell = Cell(t, row, "Adjusted: " + line.Title());
                Assert.True(cell.HasFormula, $"{w.Service} {line} is a formula");
                Pence(w.Months.Sum(m => m.AdjustedByLine.GetValueOrDefault(line)), cell.Value, $"{w.Service} {line}");
            }
            var adjusted = w.Months.Sum(m => m.AdjustedByLine.Values.Sum());
            Pence(adjusted, Cell(t, row, "Adjusted benefit").Value, $"{w.Service} adjusted");
            total += adjusted;
        }
        Pence(result.Totals.AdjustedBenefit, total, "the services' adjusted benefit in all");

        // Live: halve attribution and every service's line halves; the services still add up to the headline.
        var before = D(Cell(t, Row(t, result.Services[0].Service), "Adjusted benefit"));
        SetNamed(wb, "attribution", Convert.ToDecimal(Named(wb, "attribution"), CultureInfo.InvariantCulture) / 2);
        var after = D(Cell(t, Row(t, result.Services[0].Service), "Adjusted benefit"));
        Pence(before / 2, after, "the first service after attribution is halved");
        var sum = result.Services.Sum(w => D(Cell(t, Row(t, w.Service), "Adjusted benefit")));
        Pence(Convert.ToDecimal(Named(wb, SummarySheet.Adjusted), CultureInfo.InvariantCulture), sum,
            "services against the headline after the change");
    }

    [Fact]
    public void Costs_by_category_and_service_are_formulas_over_the_cost_lines()
    {
        using var dir = new TempDir();
        var result = Results.SampleConwy;
        using var wb = WriteAndRecalculate(result, dir);
        var t = Table(wb, SummaryByService.CostsTable);
        var digital = result.Costs.Where(c => !CostCategories.IsBaseline(c.Line.Category)).ToList();
        var owners = digital.Select(c => c.Line.Service).Distinct().ToList();
        Assert.Equal(owners.Count, t.DataRange.RowCount());
        Assert.Contains(null, owners); // the consortium's shared licence, Conwy's share
        foreach (var owner in owners)
        {
            var row = Row(t, owner ?? SummaryByService.SharedCode);
            foreach (var category in digital.Where(c => c.Line.Service == owner).Select(c => c.Line.Category).Distinct())
            {
                var cell = Cell(t, row, char.ToUpperInvariant(category[0]) + category[1..]);
                Assert.StartsWith("SUMIFS('Spend'!", cell.FormulaA1, StringComparison.Ordinal);
                Pence(digital.Where(c => c.Line.Service == owner && c.Line.Category == category).Sum(c => c.InPeriod), cell.Value,
                    $"{owner} {category}");
            }
        }
        // The costs as recorded add up to the headline's before optimism bias on costs.
        var recorded = t.DataRange.Rows().Sum(r => D(Cell(t, r, "Costs as recorded")));
        var uplift = 1m + (result.Appraisal?.OptimismBiasCosts ?? 0m);
        Pence(result.Totals.Costs, recorded * uplift, "recorded costs with the uplift against the headline");

        // A cost line's amount doubled on the Spend sheet doubles what its service's row carries in its category.
        var line = digital.First(c => c.Line.Service is not null && c.InPeriod > 0);
        var spend = wb.Worksheet("Spend");
        var lineRow = spend.Table("CostLinesTable").DataRange.Rows().First(r =>
            r.Cell(SpendSheet.ServiceCol).GetString() == line.Line.Service && r.Cell(SpendSheet.CategoryCol).GetString() == line.Line.Category
            && Math.Abs(r.Cell(6).GetDouble() - (double)line.Line.Amount) < 1e-9);
        var serviceCell = Cell(t, Row(t, line.Line.Service!), char.ToUpperInvariant(line.Line.Category[0]) + line.Line.Category[1..]);
        var was = D(serviceCell);
        lineRow.Cell(6).Value = (double)(line.Line.Amount * 2);
        wb.RecalculateAllFormulas();
        Pence(was + line.InPeriod, D(serviceCell), "the service's category after its line doubled");
    }
}
