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
            // Resolved per service (avoidable contact already carries channel shift's flag).
            var flags = ctx.Units.Select(u => u.Assumptions.Cashable.GetValueOrDefault(line)).Distinct().ToList();
            ws.Cell(row, 2).Text(flags.Count switch { 0 => "-", 1 => flags[0] ? "Yes" : "No", _ => "Varies by service" });
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

    public static string TotalCell(int column) => Xl.Cell(Cashable, BenefitLines.All.Count + 2, column);
}
