using BenefitsTracker.Core.Domain;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>Each benefit line's gross, adjusted, cashable and non-cashable totals (METHOD.md: cashable figures are adjusted).</summary>
internal static class CashableSheet
{
    public static void Write(WorkbookContext ctx)
    {
        var ws = ctx.Sheet(Cashable);
        string[] headers = ["Benefit line", "Counted as cashable", "Gross benefit", "Adjusted benefit", "Cashable", "Non-cashable"];
        Xl.Header(ws, 1, 1, headers);
        var row = 1;
        foreach (var line in BenefitLines.All)
        {
            row++;
            ws.Cell(row, 1).Text(line.Title());
            // A formula over the services' flags on the Assumptions sheet (avoidable contact's already carries
            // channel shift's), so that changing cashable_<line> there changes this label too.
            if (ctx.CashableFlagRange.TryGetValue(line, out var flags))
                ws.Cell(row, 2).Formula(CountedAsCashable(flags, ctx.Units.Count));
            else ws.Cell(row, 2).Text("-");
            ws.Cell(row, 3).Formula(MonthlySheet.TotalCell(ctx, Gross(line)), Xl.MoneyFormat);
            ws.Cell(row, 4).Formula(MonthlySheet.TotalCell(ctx, Adjusted(line)), Xl.MoneyFormat);
            ws.Cell(row, 5).Formula(MonthlySheet.TotalCell(ctx, CashablePart(line)), Xl.MoneyFormat);
            ws.Cell(row, 6).Formula($"D{row}-E{row}", Xl.MoneyFormat);
        }
        Xl.Table(ws, "CashableTable", 1, 1, row, headers.Length);
        var total = row + 1;
        Xl.TotalRow(ws, total, 1, headers.Length, "Total");
        for (var c = 3; c <= 6; c++) ws.Cell(total, c).Formula($"SUM({Xl.Col(c)}2:{Xl.Col(c)}{row})", Xl.MoneyFormat);
        ws.SheetView.FreezeRows(1);
        Xl.Widths(ws, 44, 18, 16, 16, 16, 16);
    }

    /// <summary>"Yes" when every service's flag is 1, "No" when none is, else "Varies by service".</summary>
    internal static string CountedAsCashable(string flags, int services) =>
        $"IF(SUM({flags})={services},\"Yes\",IF(SUM({flags})=0,\"No\",\"Varies by service\"))";

    public static string TotalCell(int column) => Xl.Cell(Cashable, BenefitLines.All.Count + 2, column);
}
