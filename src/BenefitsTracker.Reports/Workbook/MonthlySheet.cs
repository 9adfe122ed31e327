using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// One row per service and month: volumes by channel and spend as data; every benefit line, the adjusted
/// and the cashable figures as live formulas over that data and the named assumptions (METHOD.md).
/// </summary>
internal static class MonthlySheet
{
    public const string Transactions = "transactions", Digital = "digital", PrintSpend = "print_spend", PostageSpend = "postage_spend",
        GrossTotal = "gross_total", AdjustedTotal = "adjusted_total", CashableTotal = "cashable_total", NonCashable = "non_cashable", MonthNo = "month_no";

    public static void Write(WorkbookContext ctx)
    {
        var ws = ctx.Sheet(Monthly);
        var channels = ctx.ChannelList;
        var cols = ctx.MonthlyColumn;
        var headers = new List<string> { "Key", "Month no.", "Month", "Council", "Service" };
        cols[MonthNo] = 2;
        foreach (var ch in channels) headers.Add("Volume: " + Fmt.Channel(ch));
        void Field(string key, string header) { headers.Add(header); cols[key] = headers.Count; }
        Field(Transactions, "Transactions");
        Field(Digital, "Digital transactions");
        Field(PrintSpend, "Print spend");
        Field(PostageSpend, "Postage spend");
        foreach (var l in BenefitLines.All) Field(Gross(l), "Gross: " + l.Title());
        Field(GrossTotal, "Gross benefit");
        foreach (var l in BenefitLines.All) Field(Adjusted(l), "Adjusted: " + l.Title());
        Field(AdjustedTotal, "Adjusted benefit");
        foreach (var l in BenefitLines.All) Field(CashablePart(l), "Cashable: " + l.Title());
        Field(CashableTotal, "Cashable");
        Field(NonCashable, "Non-cashable");
        Xl.Header(ws, 1, 1, headers);

        var firstVol = 6;
        var lastVol = firstVol + channels.Count - 1;
        var row = 1;
        foreach (var u in ctx.Units)
        {
            var byMonth = u.Working.Months.ToDictionary(m => m.Month);
            for (var t = 0; t < ctx.Months.Count; t++)
            {
                row++;
                var month = ctx.Months[t];
                var sm = byMonth.GetValueOrDefault(month);
                WriteRow(ctx, ws, u, month, t + 1, sm, row, firstVol, lastVol);
            }
        }
        ctx.MonthlyLastRow = row;
        ctx.MonthlyTotalRow = row + 1;
        Xl.Table(ws, "MonthlyTable", 1, 1, row, headers.Count);
        var total = row + 1;
        Xl.TotalRow(ws, total, 1, headers.Count, "Total");
        for (var c = firstVol; c <= headers.Count; c++)
        {
            var format = ws.Cell(Math.Max(row, 2), c).Style.NumberFormat.Format;
            ws.Cell(total, c).Formula(row > 1 ? $"SUM({Xl.Col(c)}2:{Xl.Col(c)}{row})" : "0", format);
        }
        ws.SheetView.Freeze(1, 3);
        Xl.Widths(ws, 34, 8, 10, 12, 24);
        for (var c = firstVol; c <= headers.Count; c++) ws.Column(c).Width = c <= lastVol + 2 ? 11 : 14;
        ws.Row(1).Height = 45;
    }

    private static void WriteRow(WorkbookContext ctx, IXLWorksheet ws, ReportUnit u, Month month, int monthNo, ServiceMonth? sm, int row, int firstVol, int lastVol)
    {
        var cols = ctx.MonthlyColumn;
        string C(string key) => $"{Xl.Col(cols[key])}{row}";
        string N(string what) => UnitName(u, what);

        ws.Cell(row, 1).Text(u.Key(month));
        ws.Cell(row, 2).Num(monthNo);
        ws.Cell(row, 3).Text(month.ToString());
        ws.Cell(row, 4).Text(u.Council);
        ws.Cell(row, 5).Text(u.Service);
        for (var i = 0; i < ctx.ChannelList.Count; i++)
            ws.Cell(row, firstVol + i).Num(sm?.ByChannel.GetValueOrDefault(ctx.ChannelList[i]) ?? 0);
        // Written out cell by cell rather than as SUM/SUMPRODUCT over ranges: same arithmetic, and
        // ClosedXML evaluates it in microseconds rather than milliseconds (see WorkbookContext).
        var volumes = ctx.ChannelList.Select((ch, i) => (Channel: ch, Cell: $"{Xl.Col(firstVol + i)}{row}")).ToList();
        ws.Cell(row, cols[Transactions]).Formula(string.Join("+", volumes.Select(v => v.Cell)), Xl.CountFormat);
        ws.Cell(row, cols[Digital]).Formula(string.Join("+", volumes.Select(v => $"{v.Cell}*{N(DigitalFlag(v.Channel))}")), Xl.CountFormat);
        var priced = volumes.Where(v => HasUnitCost(ctx, u, v.Channel)).Select(v => $"{v.Cell}*{N(UnitCost(v.Channel))}").ToList();
        var actualCost = priced.Count == 0 ? "0" : string.Join("+", priced);
        ws.Cell(row, cols[PrintSpend]).Num(sm?.Spend.GetValueOrDefault(CostCategories.Print) ?? 0m, Xl.MoneyFormat);
        ws.Cell(row, cols[PostageSpend]).Num(sm?.Spend.GetValueOrDefault(CostCategories.Postage) ?? 0m, Xl.MoneyFormat);

        // Line 1: counterfactual at the baseline mix cost less the actual channel cost.
        ws.Cell(row, cols[Gross(BenefitLine.ChannelShift)]).Formula(
            $"{N(LineFlag(BenefitLine.ChannelShift))}*({C(Transactions)}*{N("baseline_mix_cost")}-({actualCost}))", Xl.MoneyFormat);
        // Line 2: the officer time rows of this service and month.
        ws.Cell(row, cols[Gross(BenefitLine.OfficerTime)]).Formula(SumOf(OfficerTime, ctx.OfficerTimeRows.GetValueOrDefault(u.Key(month)) ?? [], OfficerTimeSheet.GrossCol), Xl.MoneyFormat);
        // Line 3: a baseline month's spend less this month's.
        ws.Cell(row, cols[Gross(BenefitLine.Print)]).Formula(
            $"{N(LineFlag(BenefitLine.Print))}*({N("baseline_print_monthly")}-{C(PrintSpend)})", Xl.MoneyFormat);
        ws.Cell(row, cols[Gross(BenefitLine.Postage)]).Formula(
            $"{N(LineFlag(BenefitLine.Postage))}*({N("baseline_postage_monthly")}-{C(PostageSpend)})", Xl.MoneyFormat);
        // Line 4: the matched pairs of this service and month.
        ws.Cell(row, cols[Gross(BenefitLine.AvoidableContact)]).Formula(SumOf(AvoidableContact, ctx.AvoidableRows.GetValueOrDefault(u.Key(month)) ?? [], AvoidableContactSheet.GrossCol), Xl.MoneyFormat);
        ws.Cell(row, cols[GrossTotal]).Formula(string.Join("+", BenefitLines.All.Select(l => C(Gross(l)))), Xl.MoneyFormat);

        foreach (var l in BenefitLines.All)
            ws.Cell(row, cols[Adjusted(l)]).Formula($"{C(Gross(l))}*{N("adjustment_factor")}", Xl.MoneyFormat);
        ws.Cell(row, cols[AdjustedTotal]).Formula(string.Join("+", BenefitLines.All.Select(l => C(Adjusted(l)))), Xl.MoneyFormat);
        foreach (var l in BenefitLines.All)
            ws.Cell(row, cols[CashablePart(l)]).Formula($"{C(Adjusted(l))}*{N(CashableFlag(l))}", Xl.MoneyFormat);
        ws.Cell(row, cols[CashableTotal]).Formula(string.Join("+", BenefitLines.All.Select(l => C(CashablePart(l)))), Xl.MoneyFormat);
        ws.Cell(row, cols[NonCashable]).Formula($"{C(AdjustedTotal)}-{C(CashableTotal)}", Xl.MoneyFormat);
    }

    /// <summary>Whether the service has a unit cost cell for the channel (its own or the top-level one).</summary>
    private static bool HasUnitCost(WorkbookContext ctx, ReportUnit u, string channel) =>
        u.Assumptions.UnitCosts.ContainsKey(channel) || ctx.Result.Assumptions.UnitCosts.ContainsKey(channel);

    /// <summary>
    /// The sum of a Monthly column over every service in month t (rows are service by service, month
    /// by month), written as explicit cells; SUMIFS by month number when there are too many services
    /// for one formula.
    /// </summary>
    public static string MonthSum(WorkbookContext ctx, string key, int t, int row)
    {
        if (ctx.Units.Count == 0) return "0";
        if (ctx.Units.Count > 200)
            return $"SUMIFS({ColumnRange(ctx, key)},{ColumnRange(ctx, MonthNo)},$A{row})";
        return SumOf(Monthly, ctx.Units.Select(u => 2 + u.Index * ctx.Months.Count + t), ctx.MonthlyColumn[key]);
    }

    /// <summary>A monthly column's data range (rows 2..last), absolute, for SUMIFS by month number.</summary>
    public static string ColumnRange(WorkbookContext ctx, string key) =>
        Xl.Range(Monthly, 2, ctx.MonthlyColumn[key], Math.Max(ctx.MonthlyLastRow, 2), ctx.MonthlyColumn[key]);

    public static string TotalCell(WorkbookContext ctx, string key) => Xl.Cell(Monthly, ctx.MonthlyTotalRow, ctx.MonthlyColumn[key]);
}
