using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// One row per service and month: volumes by channel and spend as data; every benefit line, the adjusted
/// and the cashable figures as live formulas over that data and the named assumptions (METHOD.md).
/// </summary>
internal static class MonthlySheet
{
    public const string Transactions = "transactions", Digital = "digital", PrintSpend = "print_spend", PostageSpend = "postage_spend",
        GrossTotal = "gross_total", AdjustedTotal = "adjusted_total", CashableTotal = "cashable_total", NonCashable = "non_cashable",
        MonthNo = "month_no";

    /// <summary>The sheet: its columns (noted in the context for the other sheets), its rows from the result.</summary>
    public static DetailSheet Define(WorkbookContext ctx)
    {
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

        var lastVol = FirstVolume + channels.Count - 1;
        var rowCount = ctx.Units.Count * ctx.Months.Count;
        ctx.MonthlyLastRow = rowCount + 1;
        ctx.MonthlyTotalRow = rowCount + 2;
        return new DetailSheet
        {
            Name = Monthly,
            TableName = "MonthlyTable",
            Headers = headers,
            RowCount = rowCount,
            Rows = () => AllRows(ctx, headers.Count),
            SummedColumns = Enumerable.Range(FirstVolume, headers.Count - FirstVolume + 1).ToList(),
            Layout = ws =>
            {
                ws.SheetView.Freeze(1, 3);
                Xl.Widths(ws, 34, 8, 10, 12, 24);
                for (var c = FirstVolume; c <= headers.Count; c++) ws.Column(c).Width = c <= lastVol + 2 ? 11 : 14;
                ws.Row(1).Height = 45;
            },
        };
    }

    private const int FirstVolume = 6;

    private static IEnumerable<XCell[]> AllRows(WorkbookContext ctx, int columns)
    {
        var row = 1;
        foreach (var u in ctx.Units)
        {
            var byMonth = u.Working.Months.ToDictionary(m => m.Month);
            for (var t = 0; t < ctx.Months.Count; t++)
            {
                row++;
                var month = ctx.Months[t];
                yield return Cells(ctx, u, month, t + 1, byMonth.GetValueOrDefault(month), row, columns);
            }
        }
    }

    /// <summary>
    /// One service-month: volumes and spend as data, every other column a formula, each with the value the
    /// engine computed (gross and adjusted by line from <see cref="ServiceMonth"/>; cashable = adjusted × the flag).
    /// </summary>
    private static XCell[] Cells(WorkbookContext ctx, ReportUnit u, Month month, int monthNo, ServiceMonth? sm, int row, int columns)
    {
        var cols = ctx.MonthlyColumn;
        var cells = new XCell[columns];
        void Set(string key, XCell cell) => cells[cols[key] - 1] = cell;
        string C(string key) => $"{Xl.Col(cols[key])}{row}";
        string N(string what) => UnitName(u, what);

        cells[0] = XCell.Str(u.Key(month));
        cells[1] = XCell.Num(monthNo, Xl.CountFormat);
        cells[2] = XCell.Str(month.ToString());
        cells[3] = XCell.Str(u.Council);
        cells[4] = XCell.Str(u.Service);
        long transactions = 0, digital = 0;
        for (var i = 0; i < ctx.ChannelList.Count; i++)
        {
            var volume = sm?.ByChannel.GetValueOrDefault(ctx.ChannelList[i]) ?? 0;
            cells[FirstVolume - 1 + i] = XCell.Num(volume, Xl.CountFormat);
            transactions += volume;
            if (u.Assumptions.DigitalChannels.Contains(ctx.ChannelList[i])) digital += volume;
        }
        // Written out cell by cell rather than as SUM/SUMPRODUCT over ranges: same arithmetic, and
        // ClosedXML evaluates it in microseconds rather than milliseconds (see WorkbookContext).
        var volumes = ctx.ChannelList.Select((ch, i) => (Channel: ch, Cell: $"{Xl.Col(FirstVolume + i)}{row}")).ToList();
        Set(Transactions, XCell.Calc(string.Join("+", volumes.Select(v => v.Cell)), transactions, Xl.CountFormat));
        Set(Digital, XCell.Calc(string.Join("+", volumes.Select(v => $"{v.Cell}*{N(DigitalFlag(v.Channel))}")), digital, Xl.CountFormat));
        // Costs in this month's prices: the Prices sheet's where a cost has a price year, else the cost as assumed.
        var priced = volumes.Where(v => u.Assumptions.UnitCosts.ContainsKey(v.Channel))
            .Select(v => $"{v.Cell}*{PricesSheet.CostIn(u, UnitCost(v.Channel), month)}").ToList();
        var mixCost = PricesSheet.Uprates(u)
            ? $"SUMPRODUCT({N("baseline_volumes")},{PricesSheet.UnitCostsIn(u, month)})/{N("baseline_transactions")}"
            : N("baseline_mix_cost");
        var actualCost = priced.Count == 0 ? "0" : string.Join("+", priced);
        Set(PrintSpend, XCell.Num(sm?.Spend.GetValueOrDefault(CostCategories.Print) ?? 0m, Xl.MoneyFormat));
        Set(PostageSpend, XCell.Num(sm?.Spend.GetValueOrDefault(CostCategories.Postage) ?? 0m, Xl.MoneyFormat));

        decimal GrossOf(BenefitLine l) => sm?.GrossByLine.GetValueOrDefault(l) ?? 0m;
        decimal AdjustedOf(BenefitLine l) => sm?.AdjustedByLine.GetValueOrDefault(l) ?? 0m;
        decimal CashableOf(BenefitLine l) => u.Assumptions.Cashable.GetValueOrDefault(l) ? AdjustedOf(l) : 0m;

        // Line 1: counterfactual at the baseline mix cost less the actual channel cost; zero when the
        // baseline has no transactions to form a mix (METHOD.md; ChannelShift.Benefit).
        Set(Gross(BenefitLine.ChannelShift), XCell.Calc(
            $"IF({N("baseline_transactions")}=0,0,{N(LineFlag(BenefitLine.ChannelShift))}*({C(Transactions)}*{mixCost}-({actualCost})))",
            GrossOf(BenefitLine.ChannelShift), Xl.MoneyFormat));
        // Line 2: the officer time rows of this service and month.
        // Looked up by key, not by position, so that sorting the Officer time table moves no figure between months.
        Set(Gross(BenefitLine.OfficerTime), XCell.LookupCalc(
            SumByKey(OfficerTime, ctx.OfficerTimeLastRow, OfficerTimeSheet.KeyCol, OfficerTimeSheet.GrossCol, row),
            GrossOf(BenefitLine.OfficerTime), Xl.MoneyFormat));
        // Line 3: a baseline month's spend less this month's.
        Set(Gross(BenefitLine.Print), XCell.Calc(
            $"{N(LineFlag(BenefitLine.Print))}*({N("baseline_print_monthly")}-{C(PrintSpend)})", GrossOf(BenefitLine.Print), Xl.MoneyFormat));
        Set(Gross(BenefitLine.Postage), XCell.Calc(
            $"{N(LineFlag(BenefitLine.Postage))}*({N("baseline_postage_monthly")}-{C(PostageSpend)})", GrossOf(BenefitLine.Postage), Xl.MoneyFormat));
        // Line 4: the matched pairs of this service and month.
        Set(Gross(BenefitLine.AvoidableContact), XCell.LookupCalc(
            SumByKey(AvoidableContact, ctx.AvoidableLastRow, AvoidableContactSheet.KeyCol, AvoidableContactSheet.GrossCol, row),
            GrossOf(BenefitLine.AvoidableContact), Xl.MoneyFormat));
        Set(GrossTotal, XCell.Calc(string.Join("+", BenefitLines.All.Select(l => C(Gross(l)))), BenefitLines.All.Sum(GrossOf), Xl.MoneyFormat));

        foreach (var l in BenefitLines.All)
            Set(Adjusted(l), XCell.Calc($"{C(Gross(l))}*{N("adjustment_factor")}", AdjustedOf(l), Xl.MoneyFormat));
        var adjusted = BenefitLines.All.Sum(AdjustedOf);
        Set(AdjustedTotal, XCell.Calc(string.Join("+", BenefitLines.All.Select(l => C(Adjusted(l)))), adjusted, Xl.MoneyFormat));
        foreach (var l in BenefitLines.All)
            Set(CashablePart(l), XCell.Calc($"{C(Adjusted(l))}*{N(CashableFlag(l))}", CashableOf(l), Xl.MoneyFormat));
        var cashable = BenefitLines.All.Sum(CashableOf);
        Set(CashableTotal, XCell.Calc(string.Join("+", BenefitLines.All.Select(l => C(CashablePart(l)))), cashable, Xl.MoneyFormat));
        Set(NonCashable, XCell.Calc($"{C(AdjustedTotal)}-{C(CashableTotal)}", adjusted - cashable, Xl.MoneyFormat));
        return cells;
    }

    /// <summary>A Monthly column summed over every service in month t, from the result (the value of <see cref="MonthSum"/>).</summary>
    public static decimal MonthValue(WorkbookContext ctx, Func<ReportUnit, ServiceMonth, decimal> value, int t) =>
        ctx.Units.Sum(u => u.Working.Months.FirstOrDefault(m => m.Month == ctx.Months[t]) is { } sm ? value(u, sm) : 0m);

    /// <summary>
    /// The sum of a Monthly column over every service in month t: SUMIFS by month number, so that sorting or
    /// filtering the Monthly table moves no figure between months (issue 13).
    /// </summary>
    public static string MonthSum(WorkbookContext ctx, string key, int t, int row) =>
        ctx.Units.Count == 0 ? "0" : $"SUMIFS({ColumnRange(ctx, key)},{ColumnRange(ctx, MonthNo)},$A{row})";

    /// <summary>
    /// The sum of a detail sheet's column over its rows whose key (column <paramref name="keyCol"/>) is this
    /// Monthly row's key: a lookup that survives sorting the detail table, unlike a list of its rows.
    /// </summary>
    private static string SumByKey(string sheet, int lastRow, int keyCol, int valueCol, int row) =>
        lastRow < 2 ? "0" : $"SUMIFS({Xl.Range(sheet, 2, valueCol, lastRow, valueCol)},{Xl.Range(sheet, 2, keyCol, lastRow, keyCol)},$A{row})";

    /// <summary>A monthly column's data range (rows 2..last), absolute, for SUMIFS by month number.</summary>
    public static string ColumnRange(WorkbookContext ctx, string key) =>
        Xl.Range(Monthly, 2, ctx.MonthlyColumn[key], Math.Max(ctx.MonthlyLastRow, 2), ctx.MonthlyColumn[key]);

    /// <summary>The Monthly data rows' council column (D), absolute.</summary>
    public static string CouncilRange(WorkbookContext ctx) => Xl.Range(Monthly, 2, 4, Math.Max(ctx.MonthlyLastRow, 2), 4);

    /// <summary>The Monthly data rows' service column (E), absolute.</summary>
    public static string ServiceRange(WorkbookContext ctx) => Xl.Range(Monthly, 2, 5, Math.Max(ctx.MonthlyLastRow, 2), 5);

    public static string TotalCell(WorkbookContext ctx, string key) => Xl.Cell(Monthly, ctx.MonthlyTotalRow, ctx.MonthlyColumn[key]);
}
