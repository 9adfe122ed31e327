using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// Avoidable contact (METHOD.md line 4, a dis-benefit): each matched failure-then-offline pair is valued
/// at −(offline unit cost − digital unit cost), in the month of the offline transaction.
/// </summary>
internal static class AvoidableContactSheet
{
    public const int KeyCol = 1, PairsCol = 7, GrossCol = 11;

    /// <summary>The sheet, its rows from the result; notes its last row for the Monthly lookups by key.</summary>
    public static DetailSheet Define(WorkbookContext ctx)
    {
        var row = 1 + OrderedRows(ctx).Count();
        ctx.AvoidableLastRow = row;
        return new DetailSheet
        {
            Name = AvoidableContact,
            TableName = "AvoidableContactTable",
            Headers = ["Key", "Month", "Council", "Service", "Failed on (digital)", "Then used (offline)", "Matched pairs",
                "Offline unit cost", "Digital unit cost", "Difference per pair", "Gross benefit"],
            RowCount = row - 1,
            Rows = () => OrderedRows(ctx).Select((x, i) => Cells(ctx, x.Unit, x.Row, i + 2)),
            SummedColumns = [PairsCol, GrossCol],
            Layout = DetailSheet.HeaderRowLayout(34, 10, 12, 24, 14, 14, 10, 12, 12, 12, 14),
        };
    }

    private static IEnumerable<(ReportUnit Unit, AvoidableContactRow Row)> OrderedRows(WorkbookContext ctx) =>
        ctx.Units.SelectMany(u => u.Working.AvoidableContact
            .OrderBy(r => r.Month).ThenBy(r => r.DigitalChannel, StringComparer.Ordinal).ThenBy(r => r.OfflineChannel, StringComparer.Ordinal)
            .Select(r => (u, r)));

    /// <summary>One row: the pairs as data, the unit costs, their difference and the benefit as formulas with the engine's values.</summary>
    private static XCell[] Cells(WorkbookContext ctx, ReportUnit u, AvoidableContactRow r, int row) =>
    [
        XCell.Str(u.Key(r.Month)),
        XCell.Str(r.Month.ToString()),
        XCell.Str(u.Council),
        XCell.Str(u.Service),
        XCell.Str(r.DigitalChannel),
        XCell.Str(r.OfflineChannel),
        XCell.Num(r.Count, Xl.CountFormat),
        XCell.Calc(PricesSheet.CostIn(u, UnitCost(r.OfflineChannel), r.Month), PricesSheet.ValueIn(u, InputKeys.UnitCost(r.OfflineChannel),
            u.Assumptions.UnitCosts.GetValueOrDefault(r.OfflineChannel), r.Month), Xl.RateFormat),
        XCell.Calc(PricesSheet.CostIn(u, UnitCost(r.DigitalChannel), r.Month), PricesSheet.ValueIn(u, InputKeys.UnitCost(r.DigitalChannel),
            u.Assumptions.UnitCosts.GetValueOrDefault(r.DigitalChannel), r.Month), Xl.RateFormat),
        XCell.Calc($"H{row}-I{row}", r.UnitDifference, Xl.RateFormat),
        XCell.Calc($"-{UnitName(u, LineFlag(BenefitLine.AvoidableContact))}*G{row}*J{row}", r.Gross, Xl.MoneyFormat),
    ];
}
