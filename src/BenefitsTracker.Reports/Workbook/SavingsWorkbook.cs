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
    /// <summary>
    /// Officer time sheets with more data rows than this are streamed with OpenXmlWriter rather than built
    /// in ClosedXML (docs/reports.md: at 36,000 rows ClosedXML took 22 s and 1.4 GB, at 144,000 158 s and 5.3 GB).
    /// </summary>
    internal const int StreamThreshold = 20_000;

    public static void Write(SavingsResult result, string path, CancellationToken ct = default) =>
        Write(result, path, StreamThreshold, ct);

    /// <summary>As <see cref="Write(SavingsResult, string, CancellationToken)"/> with the streaming threshold given (tests lower it).</summary>
    internal static void Write(SavingsResult result, string path, int streamThreshold, CancellationToken ct = default)
    {
        var options = new SaveOptions { EvaluateFormulasBeforeSaving = true, ValidatePackage = false };
        using var wb = new XLWorkbook();
        var ctx = new WorkbookContext(wb, result);
        ctx.StreamOfficerTime = !ctx.IsConsortium && OfficerTimeSheet.RowCount(ctx) > streamThreshold;
        Fill(ctx, ct);
        if (!ctx.StreamOfficerTime)
        {
            wb.SaveAs(path, options);
            return;
        }
        var stub = path + ".stub.xlsx";
        try
        {
            wb.SaveAs(stub, options);
            ct.ThrowIfCancellationRequested();
            OfficerTimeStreamer.Stream(ctx, stub, path);
        }
        finally
        {
            File.Delete(stub);
        }
    }

    /// <summary>The whole workbook in ClosedXML (no streaming: every sheet is built in memory).</summary>
    public static XLWorkbook Build(SavingsResult result, CancellationToken ct = default)
    {
        var wb = new XLWorkbook();
        try
        {
            Fill(new WorkbookContext(wb, result), ct);
            return wb;
        }
        catch
        {
            wb.Dispose();
            throw;
        }
    }

    private static void Fill(WorkbookContext ctx, CancellationToken ct)
    {
        var wb = ctx.Workbook;
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
    }
}
