using BenefitsTracker.Core.Model;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// savings.xlsx: the finance officer's workbook. Data on the detail sheets, every figure a live formula
/// over that data and the named assumptions, saved with evaluated values and a full recalculation on open.
/// </summary>
public static class SavingsWorkbook
{
    public static void Write(SavingsResult result, string path, CancellationToken ct = default)
    {
        using var wb = Build(result, ct);
        wb.SaveAs(path, new SaveOptions { EvaluateFormulasBeforeSaving = true, ValidatePackage = false });
    }

    public static XLWorkbook Build(SavingsResult result, CancellationToken ct = default)
    {
        var wb = new XLWorkbook();
        try
        {
            var ctx = new WorkbookContext(wb, result);
            ctx.Init();
            // Sheets in reading order; filled below in dependency order.
            var names = new List<string> { Summary, Assumptions, Baseline, Monthly, OfficerTime, AvoidableContact, Spend, Cashable, Appraisal };
            if (ctx.IsConsortium) names.Add(Members);
            names.Add(LineageSheetName);
            foreach (var name in names) wb.AddWorksheet(name);

            Action<WorkbookContext>[] steps =
            [
                AssumptionsSheet.Write, BaselineSheet.Write, OfficerTimeSheet.Write, AvoidableContactSheet.Write,
                MonthlySheet.Write, SpendSheet.Write, AppraisalSheet.Write, CashableSheet.Write, SummarySheet.Write,
                MembersSheet.Write, LineageSheet.Write,
            ];
            foreach (var step in steps)
            {
                ct.ThrowIfCancellationRequested();
                step(ctx);
            }
            foreach (var ws in wb.Worksheets) ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
            wb.FullCalculationOnLoad = true;
            wb.ForceFullCalculation = true;
            return wb;
        }
        catch
        {
            wb.Dispose();
            throw;
        }
    }
}
