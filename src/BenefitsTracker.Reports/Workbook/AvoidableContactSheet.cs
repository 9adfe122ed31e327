using BenefitsTracker.Core.Domain;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// Avoidable contact (METHOD.md line 4, a dis-benefit): each matched failure-then-offline pair is valued
/// at −(offline unit cost − digital unit cost), in the month of the offline transaction.
/// </summary>
internal static class AvoidableContactSheet
{
    public const int KeyCol = 1, PairsCol = 7, GrossCol = 11;

    public static void Write(WorkbookContext ctx)
    {
        var ws = ctx.Sheet(AvoidableContact);
        string[] headers = ["Key", "Month", "Council", "Service", "Failed on (digital)", "Then used (offline)", "Matched pairs",
            "Offline unit cost", "Digital unit cost", "Difference per pair", "Gross benefit"];
        Xl.Header(ws, 1, 1, headers);
        var row = 1;
        foreach (var u in ctx.Units)
            foreach (var r in u.Working.AvoidableContact.OrderBy(r => r.Month).ThenBy(r => r.DigitalChannel, StringComparer.Ordinal).ThenBy(r => r.OfflineChannel, StringComparer.Ordinal))
            {
                row++;
                ws.Cell(row, 1).Text(u.Key(r.Month));
                OfficerTimeSheet.Rows(ctx.AvoidableRows, u.Key(r.Month)).Add(row);
                ws.Cell(row, 2).Text(r.Month.ToString());
                ws.Cell(row, 3).Text(u.Council);
                ws.Cell(row, 4).Text(u.Service);
                ws.Cell(row, 5).Text(r.DigitalChannel);
                ws.Cell(row, 6).Text(r.OfflineChannel);
                ws.Cell(row, PairsCol).Num(r.Count);
                ws.Cell(row, 8).Formula(UnitName(u, UnitCost(r.OfflineChannel)), Xl.RateFormat);
                ws.Cell(row, 9).Formula(UnitName(u, UnitCost(r.DigitalChannel)), Xl.RateFormat);
                ws.Cell(row, 10).Formula($"H{row}-I{row}", Xl.RateFormat);
                ws.Cell(row, GrossCol).Formula($"-{UnitName(u, LineFlag(BenefitLine.AvoidableContact))}*G{row}*J{row}", Xl.MoneyFormat);
            }
        ctx.AvoidableLastRow = row;
        Xl.Table(ws, "AvoidableContactTable", 1, 1, row, headers.Length);
        var total = row + 1;
        Xl.TotalRow(ws, total, 1, headers.Length, "Total");
        ws.Cell(total, PairsCol).Formula(row > 1 ? $"SUM(G2:G{row})" : "0", Xl.CountFormat);
        ws.Cell(total, GrossCol).Formula(row > 1 ? $"SUM(K2:K{row})" : "0", Xl.MoneyFormat);
        ws.SheetView.FreezeRows(1);
        Xl.Widths(ws, 34, 10, 12, 24, 14, 14, 10, 12, 12, 12, 14);
        ws.Row(1).Height = 32;
    }
}
