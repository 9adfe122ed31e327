using BenefitsTracker.Core.Domain;
using BenefitsTracker.Reports.Formatting;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// Each service's baseline period B: volumes by channel and the mix cost per transaction (METHOD.md line 1),
/// closed cases and mean officer minutes M_B (line 2), print and postage spend S_B (line 3).
/// </summary>
internal static class BaselineSheet
{
    public static void Write(WorkbookContext ctx)
    {
        var ws = ctx.Sheet(Baseline);
        var channels = ctx.ChannelList;
        var headers = new List<string> { "Council", "Service", "Baseline from", "Baseline to", "Months in baseline" };
        headers.AddRange(channels.Select(ch => "Baseline volume: " + Fmt.Channel(ch)));
        headers.AddRange(["Baseline transactions", "Mix cost per transaction", "Baseline closed cases", "Baseline officer minutes",
            "Mean minutes per case (M_B)", "Baseline print spend", "Baseline postage spend", "Print per baseline month",
            "Postage per baseline month"]);
        Xl.Header(ws, 1, 1, headers);

        var row = 1;
        foreach (var u in ctx.Units)
        {
            row++;
            var w = u.Working;
            var sa = u.Assumptions;
            ws.Cell(row, 1).Text(u.Council);
            ws.Cell(row, 2).Text(u.Service);
            ws.Cell(row, 3).Text(sa.BaselineFrom.ToString());
            ws.Cell(row, 4).Text(sa.BaselineTo.ToString());
            ws.Cell(row, 5).Num(Month.Count(sa.BaselineFrom, sa.BaselineTo));
            var col = 6;
            foreach (var ch in channels) ws.Cell(row, col++).Num(w.BaselineVolumes.GetValueOrDefault(ch));
            var lastVol = col - 1;
            var vols = $"{Xl.Col(6)}{row}:{Xl.Col(lastVol)}{row}";
            // Where costs are uprated, Monthly costs the baseline mix in each month's prices from these volumes.
            if (PricesSheet.Uprates(u)) Xl.Name(ctx.Workbook, UnitName(u, "baseline_volumes"), ws.Range(row, 6, row, lastVol));
            ws.Cell(row, col).Formula($"SUM({vols})", Xl.CountFormat);
            var totalRef = $"{Xl.Col(col)}{row}";
            Name(ctx, u, "baseline_transactions", row, col);
            col++;
            ws.Cell(row, col).Formula($"IF({totalRef}=0,0,SUMPRODUCT({vols},{UnitName(u, "unit_costs")})/{totalRef})", Xl.UnitRateFormat);
            Name(ctx, u, "baseline_mix_cost", row, col++);
            ws.Cell(row, col).Num(w.BaselineClosedCases);
            Name(ctx, u, "baseline_cases", row, col);
            var casesRef = $"{Xl.Col(col)}{row}";
            col++;
            var minutes = w.BaselineMeanMinutes is { } mean ? Math.Round(mean * w.BaselineClosedCases, 6) : 0m;
            ws.Cell(row, col).Num(minutes, Xl.MinutesFormat);
            var minutesRef = $"{Xl.Col(col)}{row}";
            col++;
            ws.Cell(row, col).Formula($"IF({casesRef}=0,0,{minutesRef}/{casesRef})", Xl.HoursFormat);
            Name(ctx, u, "baseline_mean_minutes", row, col++);
            var printRef = $"{Xl.Col(col)}{row}";
            ws.Cell(row, col++).Num(w.BaselineSpend.GetValueOrDefault(CostCategories.Print), Xl.MoneyFormat);
            var postageRef = $"{Xl.Col(col)}{row}";
            ws.Cell(row, col++).Num(w.BaselineSpend.GetValueOrDefault(CostCategories.Postage), Xl.MoneyFormat);
            ws.Cell(row, col).Formula($"{printRef}/$E{row}", Xl.MoneyFormat);
            Name(ctx, u, "baseline_print_monthly", row, col++);
            ws.Cell(row, col).Formula($"{postageRef}/$E{row}", Xl.MoneyFormat);
            Name(ctx, u, "baseline_postage_monthly", row, col++);
        }
        Xl.Table(ws, "BaselineTable", 1, 1, row, headers.Count);
        ws.SheetView.FreezeRows(1);
        Xl.Widths(ws, 12, 24, 11, 11, 10);
        for (var c = 6; c <= headers.Count; c++) ws.Column(c).Width = 14;
        ws.Row(1).Height = 45;
    }

    private static void Name(WorkbookContext ctx, ReportUnit u, string what, int row, int col) =>
        Xl.Name(ctx.Workbook, UnitName(u, what), ctx.Sheet(Baseline).Range(row, col, row, col));
}
