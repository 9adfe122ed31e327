using BenefitsTracker.Core.Model;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// savings.xlsx: the finance officer's workbook. Data on the detail sheets, every figure a live formula
/// over that data and the named assumptions, saved with evaluated values and a full recalculation on open.
/// A consortium's workbook is shared beyond one council and built differently: see <see cref="ConsortiumWorkbook"/>.
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
            if (ctx.IsConsortium)
            {
                // Shared beyond one council: members' figures as values, no member's monthly data (see ConsortiumWorkbook).
                foreach (var name in ConsortiumWorkbook.SheetNames) wb.AddWorksheet(name);
                ConsortiumWorkbook.Write(ctx, ct);
            }
            else
            {
                ctx.Init();
                // Sheets in reading order; filled below in dependency order.
                string[] names = [Summary, Assumptions, Baseline, Monthly, OfficerTime, AvoidableContact, Spend, Cashable, Appraisal, LineageSheetName];
                foreach (var name in names) wb.AddWorksheet(name);

                Action<WorkbookContext>[] steps =
                [
                    AssumptionsSheet.Write, BaselineSheet.Write, OfficerTimeSheet.Write, AvoidableContactSheet.Write,
                    MonthlySheet.Write, SpendSheet.Write, AppraisalSheet.Write, CashableSheet.Write, SummarySheet.Write,
                    LineageSheet.Write,
                ];
                foreach (var step in steps)
                {
                    ct.ThrowIfCancellationRequested();
                    step(ctx);
                }
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
