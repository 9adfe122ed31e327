using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Domain;
using Suppression = BenefitsTracker.Core.Method.Suppression;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// A consortium's savings.xlsx, made to be shared beyond one council (METHOD.md, Consortia). It holds
/// no member's monthly data: each shown member's figures as values (Members), the members the comparison
/// withholds (<see cref="MemberComparison.Suppressed"/>) combined in one row so that the totals still add
/// up, the consortium's months with channel counts hidden by <see cref="Suppression.HiddenCells{TKey}"/>
/// shown as "&lt;N" (Monthly), and the appraisal and headline figures as live formulas over them; each member's
/// four KPIs by service beside the consortium's (<see cref="ConsortiumKpiSheet"/>) and each member's benefits
/// register rows (<see cref="ConsortiumRegisterSheet"/>), under the same disclosure control. Each member's own
/// workbook shows the line-by-line working.
/// </summary>
internal static class ConsortiumWorkbook
{
    public static IReadOnlyList<string> SheetNames { get; } =
    [
        Summary, Assumptions, Members, Monthly, Appraisal, GreenBookSheet.SheetName, Comparison,
        ConsortiumKpiSheet.SheetName, ConsortiumRegisterSheet.SheetName, LineageSheetName,
    ];

    public static void Write(WorkbookContext ctx, CancellationToken ct)
    {
        WriteAssumptions(ctx);
        ct.ThrowIfCancellationRequested();
        var members = MembersTable.Write(ctx);
        ct.ThrowIfCancellationRequested();
        var monthly = MonthlyTable.Write(ctx);
        // Each month's row of the Monthly sheet found by its month number, not its position, so that sorting the
        // Monthly table moves no figure between months (issue 13).
        var lastMonth = Math.Max(ctx.Months.Count + 1, 2);
        string ByMonth(int col, int row) => $"SUMIFS({Xl.Range(Monthly, 2, col, lastMonth, col)},{Xl.Range(Monthly, 2, 1, lastMonth, 1)},$A{row})";
        AppraisalSheet.Write(ctx, (_, row) => (
            ByMonth(monthly.AdjustedCol, row), ByMonth(monthly.CashableCol, row),
            ByMonth(monthly.NonCashableCol, row), ByMonth(monthly.CostsCol, row)));
        ct.ThrowIfCancellationRequested();
        WriteSummary(ctx, members);
        GreenBookSheet.Write(ctx);
        ComparisonSheet.Write(ctx, new ComparisonSheet.MemberColumns(
            MembersTable.HeaderRow + 1, members.TotalRow - 1, MembersTable.TransactionsCol, MembersTable.DigitalCol,
            members.AdjustedCol, members.CostsCol));
        ct.ThrowIfCancellationRequested();
        ConsortiumKpiSheet.Write(ctx);
        ConsortiumRegisterSheet.Write(ctx, line =>
            Xl.Cell(Members, members.TotalRow, MembersTable.FirstLineCol + BenefitLines.All.Count + BenefitLines.All.ToList().IndexOf(line)));
        LineageSheet.Write(ctx);
    }

    private static int Threshold(WorkbookContext ctx) => ctx.Result.Assumptions.SuppressionThreshold;

    /// <summary>A count, or "&lt;N" when the rule hides it; true when the number is shown.</summary>
    private static bool Count(IXLCell cell, long count, int threshold)
    {
        if (Suppression.Hides(count, threshold))
        {
            cell.Text($"<{threshold}");
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
            return false;
        }
        cell.Num(count);
        return true;
    }

    private static void Withheld(IXLCell cell)
    {
        cell.Text(ComparisonSheet.Withheld);
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }

    private static void WriteSummary(WorkbookContext ctx, MembersTable m)
    {
        var th = Threshold(ctx);
        string Total(int col) => Xl.Cell(Members, m.TotalRow, col);
        var next = SummarySheet.Write(ctx,
        [
            DisclosureView.Of(ctx.Result).Note + " The withheld members are combined in one row of the Members sheet. Every value below is a " +
                "formula over the Members and Appraisal sheets; " +
                "change discount_rate on the Assumptions sheet and the NPV follows.",
            "Each member council's own workbook (benefits report for that council) shows the line-by-line working: volumes, baseline, officer " +
                "time, avoidable contact and the named assumptions.",
        ],
        new SummarySheet.Sources(
            Total(MembersTable.TransactionsCol), Total(MembersTable.DigitalCol), Total(m.GrossCol), Total(m.AdjustedCol),
            Total(m.CashableCol), Total(m.NonCashableCol), Total(m.CostsCol),
            AppraisalSheet.Total(ctx, AppraisalSheet.DiscountedCol), AppraisalSheet.Column(ctx, AppraisalSheet.PaidBackCol),
            Xl.Range(Appraisal, 2, 2, ctx.Months.Count + 1, 2), Total(m.HoursCol),
            "Completed transactions on every channel, the members added up (Members)",
            "Sum of the enabled benefit lines of every member (Members; each member's own workbook shows the working)",
            "Each member's own costs and its apportioned share of the consortium's shared costs (Members)",
            "Officer hours released by each member, added up (Members)") { CashPaybackFormula = GreenBookSheet.CashPayback });

        // The two routes to the totals, by member and by month, agree.
        var ws = ctx.Sheet(Summary);
        var row = next + 1;
        ws.Cell(row, 1).Text("Checks").Style.Font.SetBold();
        (string Label, string Formula, string How)[] checks =
        [
            ("Check: adjusted benefit, months less members", $"{AppraisalSheet.Total(ctx, AppraisalSheet.AdjustedCol)}-{SummarySheet.Adjusted}",
                "Appraisal's total of the months less the Members total: zero"),
            ("Check: costs, months less members", $"{AppraisalSheet.Total(ctx, AppraisalSheet.CostsCol)}-{SummarySheet.Costs}",
                "Appraisal's total of the months less the Members total: zero"),
        ];
        foreach (var (label, formula, how) in checks)
        {
            row++;
            ws.Cell(row, 1).Text(label);
            ws.Cell(row, 2).Formula($"ROUND({formula},2)", Xl.MoneyFormat);
            ws.Cell(row, 3).Text(how);
            // Wrapped whole in the first column, not cut by the figure beside it.
            SavingsWorkbook.FitWrapped(ws, row, 1, 3);
        }
    }

    private static void WriteAssumptions(WorkbookContext ctx)
    {
        var ws = ctx.Sheet(Assumptions);
        var a = ctx.Result.Assumptions;
        Xl.Header(ws, 1, 1, ["Name", "Value", "What it means"]);
        ws.Cell(2, 1).Text("discount_rate");
        ws.Cell(2, 2).Num(a.DiscountRate, Xl.FractionFormat);
        ws.Cell(2, 3).Text("Annual discount rate for the NPV (Green Book)");
        Xl.Name(ctx.Workbook, "discount_rate", ws.Range(2, 2, 2, 2), "Annual discount rate for the NPV (Green Book)");
        ws.Cell(3, 1).Text("suppression_threshold");
        ws.Cell(3, 2).Num(a.SuppressionThreshold);
        ws.Cell(3, 3).Text("Counts below this are shown as <N in outputs shared beyond one council");
        Xl.Name(ctx.Workbook, "suppression_threshold", ws.Range(3, 2, 3, 2));
        ws.Cell(4, 1).Text("apportionment");
        ws.Cell(4, 2).Text(ctx.Result.Comparison?.Apportionment ?? a.Apportionment ?? "equal");
        ws.Cell(4, 3).Text("How the consortium's shared costs are split between its members");
        Xl.Table(ws, "AssumptionsTable", 1, 1, 4, 3);
        ws.Cell(6, 1).Text("Unit costs, officer hourly costs, adjustments and cashable flags belong to each member: its own workbook holds them as " +
            "named assumptions, and its figures here are computed with them.")
            .Style.Font.SetItalic();
        Xl.Widths(ws, 34, 16, 70);
    }

    /// <summary>One row per shown member, one for the withheld members combined, and the consortium total.</summary>
    private sealed class MembersTable
    {
        public const int TransactionsCol = 3, DigitalCol = 4, FirstLineCol = 5, HeaderRow = 3;
        public int GrossCol, AdjustedCol, CashableCol, NonCashableCol, CostsCol, NetCol, HoursCol, TotalRow;

        public static MembersTable Write(WorkbookContext ctx)
        {
            var ws = ctx.Sheet(Members);
            var r = ctx.Result;
            var th = Threshold(ctx);
            var lines = BenefitLines.All;
            var t = new MembersTable();
            var headers = new List<string> { "Council", "Name", "Transactions", "Digital transactions" };
            headers.AddRange(lines.Select(l => "Gross: " + l.Title()));
            headers.AddRange(lines.Select(l => "Adjusted: " + l.Title()));
            headers.Add("Gross benefit"); t.GrossCol = headers.Count;
            headers.Add("Adjusted benefit"); t.AdjustedCol = headers.Count;
            headers.Add("Cashable (adjusted)"); t.CashableCol = headers.Count;
            headers.Add("Non-cashable (adjusted)"); t.NonCashableCol = headers.Count;
            headers.Add("Digital service costs"); t.CostsCol = headers.Count;
            headers.Add("Net benefit"); t.NetCol = headers.Count;
            headers.Add("Officer hours released"); t.HoursCol = headers.Count;

            var withheldCodes = DisclosureView.Of(r).Members.Keys.ToHashSet(StringComparer.Ordinal);
            var shown = r.Members.Where(m => !withheldCodes.Contains(m.Scope.Id)).ToList();
            var withheld = r.Members.Where(m => withheldCodes.Contains(m.Scope.Id)).ToList();
            ws.Cell(1, 1).Text(
                $"Each member's figures, computed on its own data and assumptions (its own workbook shows the working). Counts below {th} are " +
                    $"shown as <{th}. " +
                (withheld.Count > 0
                    ? $"{withheld.Count} members are withheld (a count below {th}, shown as <{th}, and those hidden beside it so that none can be " +
                        $"worked out by subtraction, shown as {DisclosureView.ConfidentialSymbol}) and appear combined, so that no council's " +
                        $"figures can be read off and the totals still add up."
                    : "No member is withheld."));
            Xl.Header(ws, HeaderRow, 1, headers);

            var row = HeaderRow;
            // Columns in which some row shows "<N" or "withheld": their total is the consortium's figure, as a value.
            var partial = new HashSet<int>();
            void Figures(IReadOnlyList<SavingsResult> who, string code, string name)
            {
                row++;
                ws.Cell(row, 1).Text(code);
                ws.Cell(row, 2).Text(name);
                if (!Count(ws.Cell(row, TransactionsCol), who.Sum(m => m.Totals.Transactions), th)) partial.Add(TransactionsCol);
                if (!Count(ws.Cell(row, DigitalCol), who.Sum(m => m.Totals.DigitalTransactions), th)) partial.Add(DigitalCol);
                // A combined figure to which only one of the combined members contributes is that member's own:
                // withheld (and so is any figure of the row computed from it).
                var hidden = new HashSet<int>();
                void Value(int col, Func<SavingsResult, decimal> figure, string format)
                {
                    if (who.Count > 1 && who.Count(m => figure(m) != 0m) == 1)
                    {
                        Withheld(ws.Cell(row, col));
                        hidden.Add(col);
                        partial.Add(col);
                    }
                    else ws.Cell(row, col).Num(who.Sum(figure), format);
                }
                void Formula(int col, string formula, params int[] from)
                {
                    if (from.Any(hidden.Contains))
                    {
                        Withheld(ws.Cell(row, col));
                        hidden.Add(col);
                        partial.Add(col);
                    }
                    else ws.Cell(row, col).Formula(formula, Xl.MoneyFormat);
                }
                for (var i = 0; i < lines.Count; i++)
                {
                    var line = lines[i];
                    Value(FirstLineCol + i, m => m.Lines.FirstOrDefault(l => l.Line == line)?.Gross ?? 0m, Xl.MoneyFormat);
                    Value(FirstLineCol + lines.Count + i, m => m.Lines.FirstOrDefault(l => l.Line == line)?.Adjusted ?? 0m, Xl.MoneyFormat);
                }
                var grossCols = Enumerable.Range(FirstLineCol, lines.Count).ToArray();
                var adjustedCols = Enumerable.Range(FirstLineCol + lines.Count, lines.Count).ToArray();
                Value(t.CashableCol, m => m.Totals.Cashable, Xl.MoneyFormat);
                Value(t.CostsCol, m => m.Totals.Costs, Xl.MoneyFormat);
                Value(t.HoursCol, m => m.Totals.OfficerHoursReleased, Xl.HoursFormat);
                Formula(t.GrossCol, string.Join("+", grossCols.Select(c => $"{Xl.Col(c)}{row}")), grossCols);
                Formula(t.AdjustedCol, string.Join("+", adjustedCols.Select(c => $"{Xl.Col(c)}{row}")), adjustedCols);
                Formula(t.NonCashableCol, $"{Xl.Col(t.AdjustedCol)}{row}-{Xl.Col(t.CashableCol)}{row}", t.AdjustedCol, t.CashableCol);
                Formula(t.NetCol, $"{Xl.Col(t.AdjustedCol)}{row}-{Xl.Col(t.CostsCol)}{row}", t.AdjustedCol, t.CostsCol);
            }
            foreach (var m in shown) Figures([m], m.Scope.Id, m.Scope.Name);
            if (withheld.Count > 0)
            {
                Figures(withheld, "withheld", $"Withheld members ({withheld.Count} councils combined)");
                ws.Range(row, 1, row, headers.Count).Style.Font.SetItalic();
            }
            var last = row;
            Xl.Table(ws, "MembersTable", HeaderRow, 1, last, headers.Count);

            row++;
            t.TotalRow = row;
            Xl.TotalRow(ws, row, 1, headers.Count, "Consortium total");
            var consortium = new Dictionary<int, decimal>
            {
                [TransactionsCol] = r.Totals.Transactions, [DigitalCol] = r.Totals.DigitalTransactions,
                [t.GrossCol] = r.Totals.GrossBenefit, [t.AdjustedCol] = r.Totals.AdjustedBenefit, [t.CashableCol] = r.Totals.Cashable,
                [t.NonCashableCol] = r.Totals.NonCashable, [t.CostsCol] = r.Totals.Costs, [t.NetCol] = r.Totals.NetBenefit,
                [t.HoursCol] = r.Totals.OfficerHoursReleased,
            };
            for (var i = 0; i < lines.Count; i++)
            {
                var line = r.Lines.FirstOrDefault(l => l.Line == lines[i]);
                consortium[FirstLineCol + i] = line?.Gross ?? 0m;
                consortium[FirstLineCol + lines.Count + i] = line?.Adjusted ?? 0m;
            }
            for (var c = TransactionsCol; c <= headers.Count; c++)
            {
                var format = c is TransactionsCol or DigitalCol ? Xl.CountFormat : c == t.HoursCol ? Xl.HoursFormat : Xl.MoneyFormat;
                var cell = ws.Cell(row, c);
                if (!partial.Contains(c)) cell.Formula(last > HeaderRow ? $"SUM({Xl.Col(c)}{HeaderRow + 1}:{Xl.Col(c)}{last})" : "0", format);
                else if (c is TransactionsCol or DigitalCol) Count(cell, (long)consortium[c], th);
                else cell.Num(consortium[c], format);
            }
            if (partial.Count > 0)
                ws.Cell(row + 2, 1).Text(
                    $"Where a column shows <{th} or {DisclosureView.ConfidentialSymbol} (a figure of the combined row that only one of its members " +
                        $"contributes to), its total is the consortium's figure, written as a value; the other totals add up the rows.")
                    .Style.Font.SetItalic();
            ws.SheetView.Freeze(HeaderRow, 2);
            Xl.Widths(ws, 14, 34, 13, 13);
            for (var c = FirstLineCol; c <= headers.Count; c++) ws.Column(c).Width = 15;
            ws.Row(HeaderRow).Height = 45;
            return t;
        }
    }

    /// <summary>The consortium's months: transactions by channel (small ones hidden), and the month's money as values.</summary>
    private sealed class MonthlyTable
    {
        public int TransactionsCol, GrossCol, AdjustedCol, CashableCol, NonCashableCol, CostsCol;

        public static MonthlyTable Write(WorkbookContext ctx)
        {
            var ws = ctx.Sheet(Monthly);
            var r = ctx.Result;
            var th = Threshold(ctx);
            var channels = r.Months.SelectMany(m => m.ByChannel.Keys).Distinct()
                .OrderBy(Channels.Order).ThenBy(c => c, StringComparer.Ordinal).ToList();
            var t = new MonthlyTable();
            var headers = new List<string> { "Month no.", "Month" };
            headers.AddRange(channels.Select(ch => "Transactions: " + Fmt.Channel(ch)));
            headers.Add("Transactions"); t.TransactionsCol = headers.Count;
            headers.Add("Gross benefit"); t.GrossCol = headers.Count;
            headers.Add("Adjusted benefit"); t.AdjustedCol = headers.Count;
            headers.Add("Cashable"); t.CashableCol = headers.Count;
            headers.Add("Non-cashable"); t.NonCashableCol = headers.Count;
            headers.Add("Digital service costs"); t.CostsCol = headers.Count;
            Xl.Header(ws, 1, 1, headers);

            for (var i = 0; i < ctx.Months.Count; i++)
            {
                var row = i + 2;
                var m = r.Months[i];
                ws.Cell(row, 1).Num(i + 1);
                ws.Cell(row, 2).Text(m.Month.ToString());
                // The engine's rule for a row whose total is shown: small counts, then the smallest others until the hidden add up to the threshold.
                var hidden = DisclosureView.Of(r).Channels(i);
                for (var k = 0; k < channels.Count; k++)
                {
                    var cell = ws.Cell(row, 3 + k);
                    if (hidden.TryGetValue(channels[k], out var shown))
                    {
                        cell.Text(DisclosureView.Of(r).Symbol(shown));
                        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                    }
                    else cell.Num(m.ByChannel.GetValueOrDefault(channels[k]));
                }
                Count(ws.Cell(row, t.TransactionsCol), m.Transactions, th);
                ws.Cell(row, t.GrossCol).Num(m.GrossBenefit, Xl.MoneyFormat);
                ws.Cell(row, t.AdjustedCol).Num(m.AdjustedBenefit, Xl.MoneyFormat);
                ws.Cell(row, t.CashableCol).Num(m.Cashable, Xl.MoneyFormat);
                ws.Cell(row, t.NonCashableCol).Formula($"{Xl.Col(t.AdjustedCol)}{row}-{Xl.Col(t.CashableCol)}{row}", Xl.MoneyFormat);
                ws.Cell(row, t.CostsCol).Num(m.Costs, Xl.MoneyFormat);
            }
            var last = ctx.Months.Count + 1;
            Xl.Table(ws, "MonthlyTable", 1, 1, last, headers.Count);
            // Money adds up; counts with hidden cells do not, so they have no total here (the Summary has the period's).
            Xl.TotalRow(ws, ctx.PeriodTotalRow, 1, headers.Count, "Total");
            for (var c = t.GrossCol; c <= t.CostsCol; c++)
                ws.Cell(ctx.PeriodTotalRow, c).Formula(last >= 2 ? $"SUM({Xl.Col(c)}2:{Xl.Col(c)}{last})" : "0", Xl.MoneyFormat);
            ws.Cell(ctx.PeriodTotalRow + 2, 1).Text(
                $"Counts below {th} are shown as <{th}; where a month would hide just one channel, the next smallest is hidden too and shown as " +
                    $"{DisclosureView.ConfidentialSymbol}, so that the month's total cannot give it away.")
                .Style.Font.SetItalic();
            ws.SheetView.Freeze(1, 2);
            Xl.Widths(ws, 9, 10);
            for (var c = 3; c <= headers.Count; c++) ws.Column(c).Width = c <= t.TransactionsCol ? 12 : 15;
            ws.Row(1).Height = 45;
            return t;
        }
    }
}
