using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// Month by month appraisal (METHOD.md, Adjustments and appraisal): adjusted benefit less cost, its
/// running total (payback is the first month it is at least zero) and the Green Book discounting,
/// year index y = floor(t / 12) for the t-th month counted from 0.
/// </summary>
internal static class AppraisalSheet
{
    public const int AdjustedCol = 3, CashableCol = 4, NonCashableCol = 5, CostsCol = 6, NetCol = 7, CumulativeCol = 8,
        PaidBackCol = 9, DiscountedCol = 12;

    /// <summary>The four figures each month's row starts from: adjusted, cashable, non-cashable and costs.</summary>
    public delegate (string Adjusted, string Cashable, string NonCashable, string Costs) MonthSources(int t, int row);

    /// <summary>The engine's adjusted, cashable and non-cashable figures of month t (what the month sums come to).</summary>
    public delegate (decimal Adjusted, decimal Cashable, decimal NonCashable) MonthValues(int t);

    /// <summary>
    /// A council's appraisal: month sums of the Monthly sheet's rows (held back from ClosedXML when the detail
    /// sheets are streamed: see <see cref="WorkbookContext.Live"/>), costs from the Spend sheet.
    /// </summary>
    public static void Write(WorkbookContext ctx) => Write(ctx, (t, row) => (
        MonthlySheet.MonthSum(ctx, MonthlySheet.AdjustedTotal, t, row),
        MonthlySheet.MonthSum(ctx, MonthlySheet.CashableTotal, t, row),
        MonthlySheet.MonthSum(ctx, MonthlySheet.NonCashable, t, row),
        $"{Xl.Cell(Spend, row, ctx.SpendDigitalTotalColumn)}*(1+optimism_bias_costs)"),
        t => (ctx.Result.Months[t].AdjustedBenefit, ctx.Result.Months[t].Cashable, ctx.Result.Months[t].NonCashable));

    public static void Write(WorkbookContext ctx, MonthSources sources, MonthValues? values = null)
    {
        var ws = ctx.Sheet(Appraisal);
        string[] headers = ["Month no.", "Month", "Adjusted benefit", "Cashable", "Non-cashable", "Digital service costs",
            "Net benefit", "Cumulative net benefit", "Paid back by now", "Year index (y)", "Discount factor", "Discounted net benefit"];
        Xl.Header(ws, 1, 1, headers);
        for (var t = 0; t < ctx.Months.Count; t++)
        {
            var row = t + 2;
            ws.Cell(row, 1).Num(t + 1);
            ws.Cell(row, 2).Text(ctx.Months[t].ToString());
            var (adjusted, cashable, nonCashable, costs) = sources(t, row);
            if (values is null)
            {
                ws.Cell(row, AdjustedCol).Formula(adjusted, Xl.MoneyFormat);
                ws.Cell(row, CashableCol).Formula(cashable, Xl.MoneyFormat);
                ws.Cell(row, NonCashableCol).Formula(nonCashable, Xl.MoneyFormat);
            }
            else
            {
                var v = values(t);
                ctx.Live(ws, row, AdjustedCol, adjusted, v.Adjusted, Xl.MoneyFormat);
                ctx.Live(ws, row, CashableCol, cashable, v.Cashable, Xl.MoneyFormat);
                ctx.Live(ws, row, NonCashableCol, nonCashable, v.NonCashable, Xl.MoneyFormat);
            }
            ws.Cell(row, CostsCol).Formula(costs, Xl.MoneyFormat);
            ws.Cell(row, NetCol).Formula($"C{row}-F{row}", Xl.MoneyFormat);
            ws.Cell(row, CumulativeCol).Formula(t == 0 ? $"G{row}" : $"H{row - 1}+G{row}", Xl.MoneyFormat);
            // Rounded to a millionth of a penny so that floating-point dust cannot move the payback month.
            ws.Cell(row, PaidBackCol).Formula($"IF(ROUND(H{row},6)>=0,1,0)", Xl.YesNoFormat);
            ws.Cell(row, 10).Formula($"INT((A{row}-1)/12)", "0");
            ws.Cell(row, 11).Formula($"1/(1+discount_rate)^J{row}", "0.000000");
            ws.Cell(row, DiscountedCol).Formula($"G{row}*K{row}", Xl.MoneyFormat);
        }
        var last = ctx.Months.Count + 1;
        Xl.Table(ws, "AppraisalTable", 1, 1, last, headers.Length);
        Xl.TotalRow(ws, ctx.PeriodTotalRow, 1, headers.Length, "Total");
        foreach (var c in new[] { AdjustedCol, CashableCol, NonCashableCol, CostsCol, NetCol, DiscountedCol })
            ws.Cell(ctx.PeriodTotalRow, c).Formula($"SUM({Xl.Col(c)}2:{Xl.Col(c)}{last})", Xl.MoneyFormat);
        ws.SheetView.FreezeRows(1);
        Xl.Widths(ws, 9, 10, 15, 15, 15, 15, 15, 16, 11, 10, 12, 16);
        ws.Row(1).Height = 32;
    }

    public static string Column(WorkbookContext ctx, int col) => Xl.Range(Appraisal, 2, col, ctx.Months.Count + 1, col);
    public static string Total(WorkbookContext ctx, int col) => Xl.Cell(Appraisal, ctx.PeriodTotalRow, col);
}
