using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// Spend by month: print and postage (summed from Monthly) and the digital service's costs by category,
/// then every cost line in scope with how it is spread (METHOD.md: evenly over its months).
/// </summary>
internal static class SpendSheet
{
    /// <summary>Columns of the cost-line table below the months.</summary>
    public const int ServiceCol = 2, CategoryCol = 3, FirstMonthCol = 8, LastMonthCol = 9, PerMonthCol = 10, ShareCol = 11,
        CarriedCol = 12, InPeriodCol = 13;

    /// <summary>The header row of the cost-line table (below the months and their total).</summary>
    public static int LinesHeader(WorkbookContext ctx) => ctx.PeriodTotalRow + 3;

    /// <summary>A column of the cost-line table's data rows, absolute, for SUMIFS from other sheets.</summary>
    public static string LineColumn(WorkbookContext ctx, int column)
    {
        var first = LinesHeader(ctx) + 1;
        return Xl.Range(Spend, first, column, Math.Max(LinesHeader(ctx) + ctx.Result.Costs.Count, first), column);
    }

    public static void Write(WorkbookContext ctx)
    {
        var ws = ctx.Sheet(Spend);
        var spread = CostSpread.DigitalByCategory(ctx.Result);
        var byCategory = spread?.ByMonth;
        var categories = byCategory is null ? [] : CostCategories.Digital.Where(c => byCategory.Values.Any(d => d.ContainsKey(c))).ToList();
        var headers = new List<string> { "Month no.", "Month", "Print spend", "Postage spend" };
        headers.AddRange(categories.Select(c => "Digital cost: " + c));
        headers.Add("Digital service costs");
        Xl.Header(ws, 1, 1, headers);
        var totalCol = headers.Count;
        ctx.SpendDigitalTotalColumn = totalCol;

        // The cost lines sit below the months; each month's digital cost by category is a SUMIFS over them.
        var header = LinesHeader(ctx);
        string Lines(int column) => LineColumn(ctx, column);

        for (var t = 0; t < ctx.Months.Count; t++)
        {
            var row = t + 2;
            var month = ctx.Months[t];
            ws.Cell(row, 1).Num(t + 1);
            ws.Cell(row, 2).Text(month.ToString());
            ctx.Live(ws, row, 3, MonthlySheet.MonthSum(ctx, MonthlySheet.PrintSpend, t, row),
                MonthlySheet.MonthValue(ctx, (_, sm) => sm.Spend.GetValueOrDefault(CostCategories.Print), t), Xl.MoneyFormat);
            ctx.Live(ws, row, 4, MonthlySheet.MonthSum(ctx, MonthlySheet.PostageSpend, t, row),
                MonthlySheet.MonthValue(ctx, (_, sm) => sm.Spend.GetValueOrDefault(CostCategories.Postage), t), Xl.MoneyFormat);
            if (byCategory is null)
                ws.Cell(row, totalCol).Num(CostSpread.Recorded(ctx.Result, t), Xl.MoneyFormat);
            else
            {
                var amounts = byCategory.GetValueOrDefault(month);
                // The lines of this category whose months include this one: their monthly amount, times the share
                // this report carries where it carries a share (a changed or added line flows through).
                for (var i = 0; i < categories.Count; i++)
                    ctx.Live(ws, row, 5 + i,
                        $"SUMIFS({Lines(CarriedCol)},{Lines(CategoryCol)},\"{categories[i]}\",{Lines(FirstMonthCol)},\"<=\"&$A{row}," +
                            $"{Lines(LastMonthCol)},\">=\"&$A{row})",
                        amounts?.GetValueOrDefault(categories[i]) ?? 0m, Xl.MoneyFormat);
                ws.Cell(row, totalCol)
                    .Formula(categories.Count == 0 ? "0" : string.Join("+", categories.Select((_, i) => $"{Xl.Col(5 + i)}{row}")), Xl.MoneyFormat);
            }
        }
        var last = ctx.Months.Count + 1;
        Xl.Table(ws, "SpendTable", 1, 1, last, totalCol);
        Xl.TotalRow(ws, ctx.PeriodTotalRow, 1, totalCol, "Total");
        for (var c = 3; c <= totalCol; c++) ws.Cell(ctx.PeriodTotalRow, c).Formula($"SUM({Xl.Col(c)}2:{Xl.Col(c)}{last})", Xl.MoneyFormat);
        ws.SheetView.FreezeRows(1);

        ws.Cell(header - 1, 1).Text("Cost lines in scope (the digital service's costs, and the baseline spend digital can avoid)")
            .Style.Font.Bold = true;
        string[] lineHeaders = ["Owner", "Service", "Category", "Period start", "Period end", "Amount", "Months spread over",
            "First month no.", "Last month no.", "Per month", "Share carried", "Per month carried", "In the period", "Cashable",
            "Reference", "Description"];
        Xl.Header(ws, header, 1, lineHeaders);
        var r = header;
        var from = ctx.Result.Request.From;
        foreach (var cw in ctx.Result.Costs)
        {
            r++;
            ws.Cell(r, 1).Text(cw.Owner);
            ws.Cell(r, ServiceCol).Text(cw.Line.Service ?? SummaryByService.SharedCode);
            ws.Cell(r, CategoryCol).Text(cw.Line.Category);
            ws.Cell(r, 4).Text(cw.Line.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            ws.Cell(r, 5).Text(cw.Line.PeriodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            ws.Cell(r, 6).Num(cw.Line.Amount, Xl.MoneyFormat);
            ws.Cell(r, 7).Num(cw.SpreadMonths);
            // Month numbers on the months' scale above (1 = the period's first month; before it ≤ 0).
            ws.Cell(r, FirstMonthCol).Num(Month.Of(cw.Line.PeriodStart).Index - from.Index + 1);
            ws.Cell(r, LastMonthCol).Num(Month.Of(cw.Line.PeriodEnd).Index - from.Index + 1);
            ws.Cell(r, PerMonthCol).Formula($"F{r}/G{r}", Xl.MoneyFormat);
            ws.Cell(r, ShareCol).Num(cw.Share, Xl.FractionFormat);
            ws.Cell(r, CarriedCol).Formula(spread?.WithShare == false ? $"J{r}" : $"J{r}*K{r}", Xl.MoneyFormat);
            // The line's months inside the period (1..N on the months' scale) at its monthly amount and share: a changed
            // amount or period flows through to the Summary's costs by service.
            ws.Cell(r, InPeriodCol).Formula($"J{r}*K{r}*MAX(0,MIN(I{r},{ctx.Months.Count})-MAX(H{r},1)+1)", Xl.MoneyFormat);
            ws.Cell(r, 14).Num(cw.Line.Cashable ? 1 : 0, Xl.YesNoFormat);
            ws.Cell(r, 15).Text(cw.Line.Reference);
            ws.Cell(r, 16).Text(cw.Line.Description);
        }
        Xl.Table(ws, "CostLinesTable", header, 1, r, lineHeaders.Length);
        Xl.Widths(ws, 12, 24, 14, 14, 14, 14, 14, 12, 12, 14, 14, 14, 14, 10, 14, 40);
        ws.Row(1).Height = 32;
        ws.Row(header).Height = 32;
    }
}

/// <summary>Digital service costs by month and category, from the cost lines' spread.</summary>
internal static class CostSpread
{
    /// <summary>
    /// Spreads each digital cost line over its months and keeps the spread only if it adds up to the
    /// engine's monthly costs (null otherwise, and the Spend sheet then shows the monthly total alone), and
    /// whether it did so with each line's share (a consortium's shared lines) or without.
    /// </summary>
    public static (Dictionary<Month, Dictionary<string, decimal>> ByMonth, bool WithShare)? DigitalByCategory(SavingsResult result)
    {
        foreach (var withShare in new[] { true, false })
        {
            var spread = new Dictionary<Month, Dictionary<string, decimal>>();
            foreach (var cw in result.Costs.Where(c => !CostCategories.IsBaseline(c.Line.Category)))
            {
                var amount = withShare ? cw.MonthlyAmount * cw.Share : cw.MonthlyAmount;
                foreach (var m in Month.Range(Month.Of(cw.Line.PeriodStart), Month.Of(cw.Line.PeriodEnd)))
                {
                    if (m < result.Request.From || m > result.Request.To) continue;
                    var d = spread.TryGetValue(m, out var x) ? x : spread[m] = new Dictionary<string, decimal>(StringComparer.Ordinal);
                    d[cw.Line.Category] = d.GetValueOrDefault(cw.Line.Category) + amount;
                }
            }
            if (result.Months.Select((m, t) => (m, t))
                .All(x => Math.Abs((spread.GetValueOrDefault(x.m.Month)?.Values.Sum() ?? 0m) - Recorded(result, x.t)) < 0.000001m))
                return (spread, withShare);
        }
        return null;
    }

    /// <summary>
    /// Month t's digital costs as recorded, before optimism bias on costs (the Appraisal sheet applies the
    /// uplift as a formula over the named optimism_bias_costs).
    /// </summary>
    public static decimal Recorded(SavingsResult result, int t) =>
        result.Appraisal is { OptimismBiasCosts: not 0m } a ? result.Months[t].Costs / (1m + a.OptimismBiasCosts) : result.Months[t].Costs;
}
