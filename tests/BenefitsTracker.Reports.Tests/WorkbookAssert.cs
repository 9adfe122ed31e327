using System.Globalization;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Workbook;
using ClosedXML.Excel;

namespace BenefitsTracker.Reports.Tests;

/// <summary>Reading a workbook's figures back by name, and comparing them with a result to the penny.</summary>
public static class WorkbookAssert
{
    /// <summary>
    /// Writes the workbook, reopens it and has ClosedXML recalculate every formula from the data. ClosedXML 0.95.4
    /// has no MEDIAN: the Comparison sheet's medians keep the value saved with them (LibreOfficeRoundTripTests has
    /// LibreOffice recalculate them from nothing and compares them with the engine's).
    /// </summary>
    public static XLWorkbook WriteAndRecalculate(SavingsResult result, TempDir dir)
    {
        var path = dir.File("savings.xlsx");
        SavingsWorkbook.Write(result, path);
        var wb = new XLWorkbook(path);
        foreach (var cell in wb.Worksheets.SelectMany(ws =>
            ws.CellsUsed(c => c.HasFormula && c.FormulaA1.Contains("MEDIAN(", StringComparison.Ordinal))).ToList())
        {
            var saved = cell.CachedValue;
            cell.Value = saved;
        }
        wb.RecalculateAllFormulas();
        return wb;
    }

    public static IXLCell NamedCell(XLWorkbook wb, string name) =>
        wb.NamedRange(name)?.Ranges.First().FirstCell() ?? throw new Xunit.Sdk.XunitException($"no workbook name '{name}'");

    public static object Named(XLWorkbook wb, string name) => NamedCell(wb, name).Value;

    public static void SetNamed(XLWorkbook wb, string name, decimal value)
    {
        NamedCell(wb, name).Value = (double)value;
        wb.RecalculateAllFormulas();
    }

    public static void Pence(decimal expected, object actual, string what)
    {
        var value = Convert.ToDouble(actual, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(value - (double)expected) < 0.005,
            $"{what}: workbook gives {value.ToString("R", CultureInfo.InvariantCulture)}, the result {expected} (more than half a penny apart)");
    }

    public static void Ratio(decimal? expected, object actual, string what)
    {
        if (expected is null)
        {
            Assert.IsType<string>(actual);
            return;
        }
        var value = Convert.ToDouble(actual, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(value - (double)expected.Value) < 1e-12 + 1e-9 * Math.Abs((double)expected.Value),
            $"{what}: workbook gives {value}, the result {expected}");
    }

    /// <summary>Every headline figure of the Summary sheet equals the result's (METHOD.md, to the penny).</summary>
    public static void Headlines(XLWorkbook wb, SavingsResult r)
    {
        var t = r.Totals;
        Assert.Equal((double)t.Transactions, Convert.ToDouble(Named(wb, SummarySheet.Transactions), CultureInfo.InvariantCulture));
        Ratio(t.DigitalTakeUp, Named(wb, SummarySheet.TakeUp), "digital take-up");
        Pence(t.GrossBenefit, Named(wb, SummarySheet.Gross), "gross benefit");
        Pence(t.AdjustedBenefit, Named(wb, SummarySheet.Adjusted), "adjusted benefit");
        Pence(t.Cashable, Named(wb, SummarySheet.CashableName), "cashable");
        Pence(t.NonCashable, Named(wb, SummarySheet.NonCashable), "non-cashable");
        Pence(t.Costs, Named(wb, SummarySheet.Costs), "costs");
        Pence(t.NetBenefit, Named(wb, SummarySheet.Net), "net benefit");
        Ratio(t.Roi, Named(wb, SummarySheet.Roi), "ROI");
        Ratio(t.Bcr, Named(wb, SummarySheet.Bcr), "BCR");
        Pence(t.Npv, Named(wb, SummarySheet.Npv), "NPV");
        Assert.Equal(t.PaybackMonth?.ToString() ?? "not within the period",
            Convert.ToString(Named(wb, SummarySheet.Payback), CultureInfo.InvariantCulture));
        Pence(t.OfficerHoursReleased, Named(wb, SummarySheet.Hours), "officer hours released");
        if (r.Appraisal is { } a)
        {
            Pence(a.Cash.CashableNet, Named(wb, SummarySheet.CashNet), "cashable net benefit");
            Ratio(a.Cash.CashableRoi, Named(wb, SummarySheet.CashRoi), "cashable ROI");
            Assert.Equal(a.Cash.CashablePaybackMonth?.ToString() ?? "not within the period",
                Convert.ToString(Named(wb, SummarySheet.CashPayback), CultureInfo.InvariantCulture));
        }
    }
}
