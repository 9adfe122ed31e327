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

    /// <summary>The sheet, its rows from the result; notes its last row for the Monthly lookups by key.</summary>
    public static DetailSheet Define(WorkbookContext ctx)
    {
        var row = 1 + OrderedRows(ctx).Count();
        ctx.OfficerTimeLastRow = row;
        return new DetailSheet
        {
            Name = OfficerTime,
            TableName = "OfficerTimeTable",
            Headers = ["Key", "Month", "Council", "Service", "Grade", "Closed cases (N)", "Officer minutes (T)",
                "Baseline mean minutes (M_B)", "Hourly cost", "Hours released", "Gross benefit"],
            RowCount = row - 1,
            Rows = () => OrderedRows(ctx).Select((x, i) => Cells(x.Unit, x.Row, i + 2)),
            SummedColumns = [CasesCol, MinutesCol, HoursCol, GrossCol],
            Layout = DetailSheet.HeaderRowLayout(34, 10, 12, 24, 10, 12, 14, 14, 12, 12, 14),
        };
    }

    /// <summary>One row: N and T as data, M_B, the rate, hours and gross as formulas with the engine's values.</summary>
    private static XCell[] Cells(ReportUnit u, Core.Model.OfficerTimeRow r, int row) =>
    [
        XCell.Str(u.Key(r.Month)),
        XCell.Str(r.Month.ToString()),
        XCell.Str(u.Council),
        XCell.Str(u.Service),
        XCell.Str(r.Grade ?? "(none)"),
        XCell.Num(r.ClosedCases, Xl.CountFormat),
        XCell.Num(r.OfficerMinutes, Xl.MinutesFormat),
        XCell.Calc(MeanMinutesFormula(u), u.Working.BaselineMeanMinutes ?? 0m, Xl.HoursFormat),
        XCell.Calc(RateFormula(u, r), r.HourlyCost, Xl.MoneyFormat),
        XCell.Calc(HoursFormula(u, row), r.HoursReleased, Xl.HoursFormat),
        XCell.Calc(GrossFormula(row), r.Gross, Xl.MoneyFormat),
    ];

    /// <summary>The sheet's data rows in order (row 2 onwards): service by service, month, then grade.</summary>
    internal static IEnumerable<(ReportUnit Unit, Core.Model.OfficerTimeRow Row)> OrderedRows(WorkbookContext ctx) =>
        ctx.Units.SelectMany(u => u.Working.OfficerTime.OrderBy(r => r.Month).ThenBy(r => r.Grade ?? "", StringComparer.Ordinal).Select(r => (u, r)));

    internal static string MeanMinutesFormula(ReportUnit u) => UnitName(u, "baseline_mean_minutes");

    internal static string RateFormula(ReportUnit u, Core.Model.OfficerTimeRow r) =>
        PricesSheet.CostIn(u, r.Grade is { } g && u.Assumptions.HourlyCostByGrade.ContainsKey(g) ? HourlyCost(g) : "hourly_cost_default", r.Month);

    internal static string HoursFormula(ReportUnit u, int row) =>
        $"IF(OR({UnitName(u, LineFlag(BenefitLine.OfficerTime))}=0,{UnitName(u, "baseline_cases")}=0),0,(H{row}*F{row}-G{row})/60)";

    internal static string GrossFormula(int row) => $"J{row}*I{row}";
}
