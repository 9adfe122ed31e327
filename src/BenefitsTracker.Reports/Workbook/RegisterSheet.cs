using BenefitsTracker.Core.Domain;
using BenefitsTracker.Reports.Register;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// The benefits register (HM Treasury Green Book) as a sheet: the rows of <see cref="BenefitsRegister"/>, with
/// live formulas where the figure is already in the workbook: the baseline value from the Baseline sheet's
/// names, the value realised from the unit's rows of the Monthly sheet, and cashable from the Assumptions flags.
/// </summary>
internal static class RegisterSheet
{
    public const string SheetName = "Benefits register";
    public const int RealisedCol = 8;

    public static void Write(WorkbookContext ctx)
    {
        var ws = ctx.Sheet(SheetName);
        Xl.Header(ws, 1, 1, BenefitsRegister.Headers);
        var row = 1;
        foreach (var r in BenefitsRegister.Rows(ctx.Result))
        {
            row++;
            var u = r.Unit!;
            ws.Cell(row, 1).Text(r.Council);
            ws.Cell(row, 2).Text(r.Service);
            ws.Cell(row, 3).Text(r.Line.Title());
            ws.Cell(row, 4).Text(r.Description);
            ws.Cell(row, 5).Text(r.Measure);
            var format = r.Line == BenefitLine.OfficerTime ? "#,##0.00" : "£#,##0.0000";
            if (r.BaselineName is { } name) ws.Cell(row, 6).Formula(name, format);
            ws.Cell(row, 7).Text(r.BaselineUnit);
            var first = 2 + u.Index * ctx.Months.Count;
            var last = first + ctx.Months.Count - 1;
            var col = ctx.MonthlyColumn[Adjusted(r.Line)];
            ctx.Live(ws, row, RealisedCol, ctx.Months.Count == 0 ? "0" : $"SUM({Xl.Range(Monthly, first, col, last, col)})", r.Realised, Xl.MoneyFormat);
            ws.Cell(row, 9).Formula(UnitName(u, CashableFlag(r.Line)), Xl.YesNoFormat);
            ws.Cell(row, 10).Text(r.Assumption);
            ws.Cell(row, 11).Text(r.Owner ?? "not named");
            ws.Cell(row, 12).Text(r.Evidence);
        }
        Xl.Table(ws, "RegisterTable", 1, 1, row, BenefitsRegister.Headers.Count);
        ws.SheetView.FreezeRows(1);
        Xl.Widths(ws, 12, 20, 20, 40, 36, 14, 24, 16, 10, 50, 20, 44);
        ws.Column(4).Style.Alignment.WrapText = true;
        ws.Row(1).Height = 30;
    }
}
