using BenefitsTracker.Core.Domain;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// Officer time released (METHOD.md line 2), one row per service, month and grade:
/// hours = (M_B × N − T) / 60, benefit = hours × the grade's hourly cost (else the default).
/// </summary>
internal static class OfficerTimeSheet
{
    public const int KeyCol = 1, CasesCol = 6, MinutesCol = 7, HoursCol = 10, GrossCol = 11;

    public static void Write(WorkbookContext ctx)
    {
        var ws = ctx.Sheet(OfficerTime);
        string[] headers = ["Key", "Month", "Council", "Service", "Grade", "Closed cases (N)", "Officer minutes (T)",
            "Baseline mean minutes (M_B)", "Hourly cost", "Hours released", "Gross benefit"];
        Xl.Header(ws, 1, 1, headers);
        var row = 1;
        // Above the threshold only the first data row is written in full (its cells give the streamed rows
        // their styles) and the rest carry just hours and gross as values, for the formulas on other sheets
        // to evaluate; OfficerTimeStreamer writes every row in full afterwards (docs/reports.md).
        var stub = ctx.StreamOfficerTime;
        foreach (var (u, r) in OrderedRows(ctx))
        {
            row++;
            Rows(ctx.OfficerTimeRows, u.Key(r.Month)).Add(row);
            if (stub && row > 2)
            {
                ws.Cell(row, HoursCol).SetValue((double)r.HoursReleased);
                ws.Cell(row, GrossCol).SetValue((double)r.Gross);
                continue;
            }
            ws.Cell(row, 1).Text(u.Key(r.Month));
            ws.Cell(row, 2).Text(r.Month.ToString());
            ws.Cell(row, 3).Text(u.Council);
            ws.Cell(row, 4).Text(u.Service);
            ws.Cell(row, 5).Text(r.Grade ?? "(none)");
            ws.Cell(row, CasesCol).Num(r.ClosedCases);
            ws.Cell(row, MinutesCol).Num(r.OfficerMinutes, "#,##0.##");
            ws.Cell(row, 8).Formula(MeanMinutesFormula(u), "#,##0.00");
            ws.Cell(row, 9).Formula(RateFormula(u, r), Xl.MoneyFormat);
            ws.Cell(row, HoursCol).Formula(HoursFormula(u, row), Xl.HoursFormat);
            ws.Cell(row, GrossCol).Formula(GrossFormula(row), Xl.MoneyFormat);
        }
        ctx.OfficerTimeLastRow = row;
        Xl.Table(ws, "OfficerTimeTable", 1, 1, row, headers.Length);
        var total = row + 1;
        Xl.TotalRow(ws, total, 1, headers.Length, "Total");
        foreach (var (col, fmt) in new[] { (CasesCol, Xl.CountFormat), (MinutesCol, "#,##0.##"), (HoursCol, Xl.HoursFormat), (GrossCol, Xl.MoneyFormat) })
            ws.Cell(total, col).Formula(row > 1 ? $"SUM({Xl.Col(col)}2:{Xl.Col(col)}{row})" : "0", fmt);
        ws.SheetView.FreezeRows(1);
        Xl.Widths(ws, 34, 10, 12, 24, 10, 12, 14, 14, 12, 12, 14);
        ws.Row(1).Height = 32;
    }

    /// <summary>The sheet's data rows in order (row 2 onwards): service by service, month, then grade.</summary>
    internal static IEnumerable<(ReportUnit Unit, Core.Model.OfficerTimeRow Row)> OrderedRows(WorkbookContext ctx) =>
        ctx.Units.SelectMany(u => u.Working.OfficerTime.OrderBy(r => r.Month).ThenBy(r => r.Grade ?? "", StringComparer.Ordinal).Select(r => (u, r)));

    internal static int RowCount(WorkbookContext ctx) => ctx.Units.Sum(u => u.Working.OfficerTime.Count);

    internal static string MeanMinutesFormula(ReportUnit u) => UnitName(u, "baseline_mean_minutes");

    internal static string RateFormula(ReportUnit u, Core.Model.OfficerTimeRow r) =>
        r.Grade is { } g && u.Assumptions.HourlyCostByGrade.ContainsKey(g) ? UnitName(u, HourlyCost(g)) : UnitName(u, "hourly_cost_default");

    internal static string HoursFormula(ReportUnit u, int row) =>
        $"IF(OR({UnitName(u, LineFlag(BenefitLine.OfficerTime))}=0,{UnitName(u, "baseline_cases")}=0),0,(H{row}*F{row}-G{row})/60)";

    internal static string GrossFormula(int row) => $"J{row}*I{row}";

    internal static List<int> Rows(Dictionary<string, List<int>> index, string key) =>
        index.TryGetValue(key, out var list) ? list : index[key] = [];
}
