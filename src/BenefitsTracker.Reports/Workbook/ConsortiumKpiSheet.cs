using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using ClosedXML.Excel;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// A consortium's KPI sheet (issue 15): the four service KPIs of the GOV.UK Service Manual for each service, the
/// consortium's against its target and the same months a year earlier, and each member's beside it, so that a
/// consortium lead can compare members service by service. The sums behind each KPI are values (the consortium
/// workbook holds no member's monthly data); each KPI is a formula over its row's sums, the consortium's sums add up
/// the member rows where every one is shown, and the summary at the top refers to the consortium rows. Shared beyond
/// one council, so it shows what <see cref="KpiDisclosure"/> allows: a hidden count is "&lt;N" or "[c]", and every
/// figure worked out from it is "[c]"; a member withheld whole is hidden in every row (<see cref="DisclosureRules.Group"/>).
/// </summary>
internal static class ConsortiumKpiSheet
{
    public const string SheetName = KpiSheet.SheetName;
    public const int SummaryHeaderRow = 4;
    public const int ServiceCol = 1, CouncilCol = 2, NameCol = 3, TransactionsCol = 4, DigitalCol = 5, ChannelCostCol = 6, CostsCol = 7,
        CompletedCol = 8, StartedCol = 9, RatingsCol = 10, SatisfiedCol = 11, FirstKpiCol = 12;

    /// <summary>The label of the consortium's row of a service, and of its row a year earlier, in the Council column.</summary>
    public const string ConsortiumLabel = "Consortium", YearEarlierLabel = "Consortium, a year earlier";

    /// <summary>The three counts the KPIs rest on, each with the columns that go with it.</summary>
    private enum Base { Transactions, Starts, Ratings }

    private static Base BaseOf(Kpi kpi) => kpi switch
    {
        Kpi.CostPerTransaction or Kpi.DigitalTakeUp => Base.Transactions,
        Kpi.CompletionRate => Base.Starts,
        _ => Base.Ratings,
    };

    private static Kpi KpiOf(Base b) => b switch
    {
        Base.Transactions => Kpi.CostPerTransaction,
        Base.Starts => Kpi.CompletionRate,
        _ => Kpi.UserSatisfaction,
    };

    /// <summary>The count's column first, then the figures that go with it.</summary>
    private static int[] Columns(Base b) => b switch
    {
        Base.Transactions => [TransactionsCol, DigitalCol, ChannelCostCol, CostsCol],
        Base.Starts => [StartedCol, CompletedCol],
        _ => [RatingsCol, SatisfiedCol],
    };

    private static IEnumerable<int> KpiColumns(Base b) =>
        Kpis.All.Select((k, i) => (k, i)).Where(x => BaseOf(x.k) == b).Select(x => FirstKpiCol + x.i);

    private static decimal Figure(KpiFigures f, int col) => col switch
    {
        TransactionsCol => f.Transactions,
        DigitalCol => f.DigitalTransactions,
        ChannelCostCol => f.ChannelCost,
        CostsCol => f.Costs,
        CompletedCol => f.CompletedWhereStarted,
        StartedCol => f.StartedRecorded,
        RatingsCol => f.Ratings,
        SatisfiedCol => f.Satisfied,
        _ => throw new ArgumentOutOfRangeException(nameof(col), col, null),
    };

    private static string FormatOf(int col) => col is ChannelCostCol or CostsCol ? Xl.MoneyFormat : Xl.CountFormat;

    /// <summary>The headers of the members' rows.</summary>
    public static IReadOnlyList<string> Headers { get; } =
    [
        "Service", "Council", "Name", "Transactions", "Digital transactions", "Channel cost", "Service's own digital costs",
        "Completed where starts recorded", "Starts recorded", "Ratings", "Ratings of 4 or 5", .. Kpis.All.Select(KpiText.Label),
    ];

    /// <summary>The first row of the members' table (its header).</summary>
    public static int HeaderRow(SavingsResult r) => SummaryHeaderRow + r.Kpis.Count * Kpis.All.Count + 3;

    public static void Write(WorkbookContext ctx)
    {
        var ws = ctx.Sheet(SheetName);
        var r = ctx.Result;
        var kd = KpiDisclosure.Of(r);
        var view = kd.View;
        ws.Cell(1, 1).Text($"Service performance: the four KPIs, {r.Scope.Name}, by member").Style.Font.SetBold().Font.SetFontSize(14);
        ws.Cell(2, 1).Text("GOV.UK Service Manual: cost per transaction, digital take-up, completion rate and user satisfaction " +
            "(ratings of 4 or 5 of all ratings). Each member's KPIs are computed on its own data and unit costs " +
            "(its own workbook shows them month by month); each KPI below is a formula over " +
            "its row's sums, and the consortium's row adds up its members' where all are shown. " + view.Note);

        Xl.Header(ws, SummaryHeaderRow, 1, ["Service", "KPI", "This period", "Target", "Target met", "Same months a year earlier", "Change"]);
        var headerRow = HeaderRow(r);
        ws.Cell(headerRow - 1, 1).Text("Each member and the consortium, by service, over the period").Style.Font.SetBold();
        Xl.Header(ws, headerRow, 1, Headers);

        var row = headerRow;
        var summary = SummaryHeaderRow;
        foreach (var k in r.Kpis)
        {
            var running = r.Members.Select(m => (Member: m, Kpis: m.Kpis.FirstOrDefault(x => x.Service == k.Service)))
                .Where(x => x.Kpis is not null).ToList();
            // Each member's status under each of the three counts: the Core view, withheld members hidden whole, then no lone hidden figure.
            var status = new Dictionary<Base, IReadOnlyDictionary<string, Shown>>();
            foreach (var b in Enum.GetValues<Base>())
                status[b] = DisclosureRules.Group([.. running.Select(x =>
                {
                    var code = x.Member.Scope.Id;
                    var whole = view.Member(code);
                    var f = x.Kpis!.Period;
                    return new GroupPart(code, Figure(f, Columns(b)[0]), Columns(b).Any(c => Figure(f, c) != 0m),
                        whole != Shown.Value ? whole : kd.Member(code, k.Service, KpiOf(b)));
                })]);

            var first = row + 1;
            foreach (var (m, mk) in running)
            {
                row++;
                ws.Cell(row, ServiceCol).Text(k.Service);
                ws.Cell(row, CouncilCol).Text(m.Scope.Id);
                ws.Cell(row, NameCol).Text(m.Scope.Name);
                foreach (var b in Enum.GetValues<Base>())
                    Figures(ws, row, b, mk!.Period, status[b].TryGetValue(m.Scope.Id, out var s) ? s : Shown.Value, view, null);
            }
            var last = row;

            // The consortium's row: a column's sum over the members where every member's figure is shown and adds up to the
            // consortium's (a month is the consortium's only where every member has it), else the consortium's figure.
            row++;
            var consortiumRow = row;
            ws.Cell(row, ServiceCol).Text(k.Service);
            ws.Cell(row, CouncilCol).Text(ConsortiumLabel);
            ws.Cell(row, NameCol).Text(r.Scope.Name);
            foreach (var b in Enum.GetValues<Base>())
                Figures(ws, row, b, k.Period, kd.Period(k.Service, KpiOf(b)), view,
                    col => status[b].Count == 0 && last >= first && running.Sum(x => Figure(x.Kpis!.Period, col)) == Figure(k.Period, col)
                        ? $"SUM({Xl.Col(col)}{first}:{Xl.Col(col)}{last})" : null);
            ws.Range(row, 1, row, FirstKpiCol + Kpis.All.Count - 1).Style.Font.SetBold();

            int? yearEarlierRow = null;
            if (k.YearEarlier is { } ye)
            {
                row++;
                yearEarlierRow = row;
                ws.Cell(row, ServiceCol).Text(k.Service);
                ws.Cell(row, CouncilCol).Text(YearEarlierLabel);
                ws.Cell(row, NameCol).Text(r.Scope.Name);
                foreach (var b in Enum.GetValues<Base>())
                    Figures(ws, row, b, ye, kd.Period(k.Service, KpiOf(b), yearEarlier: true), view, null);
                ws.Range(row, 1, row, FirstKpiCol + Kpis.All.Count - 1).Style.Font.SetItalic();
            }

            // The summary: the consortium's KPIs, its targets and a year earlier, each a reference to the rows below.
            for (var i = 0; i < Kpis.All.Count; i++)
            {
                var kpi = Kpis.All[i];
                summary++;
                var format = kpi == Kpi.CostPerTransaction ? Xl.MoneyFormat : Xl.PercentFormat;
                ws.Cell(summary, 1).Text(k.Service);
                ws.Cell(summary, 2).Text(KpiText.Label(kpi));
                var col = Xl.Col(FirstKpiCol + i);
                if (kd.Period(k.Service, kpi) != Shown.Value) Hidden(ws.Cell(summary, 3), DisclosureView.ConfidentialSymbol);
                else ws.Cell(summary, 3).Formula($"{col}{consortiumRow}", format);
                if (k.Targets?.Of(kpi) is { } target) ws.Cell(summary, 4).Num(target, format);
                var better = kpi == Kpi.CostPerTransaction ? "<=" : ">=";
                ws.Cell(summary, 5).Formula(
                    $"IF(ISNUMBER(C{summary}),IF(ISNUMBER(D{summary}),IF(C{summary}{better}D{summary},\"met\",\"not met\"),\"\"),\"\")");
                if (yearEarlierRow is { } y)
                {
                    if (kd.Period(k.Service, kpi, yearEarlier: true) != Shown.Value) Hidden(ws.Cell(summary, 6), DisclosureView.ConfidentialSymbol);
                    else ws.Cell(summary, 6).Formula($"{col}{y}", format);
                }
                // A change to the penny or to a tenth of a point, so that no change reads £0.00 or 0.0%, never −0.0% (as the page).
                var change = kpi == Kpi.CostPerTransaction ? $"ROUND(C{summary}-F{summary},2)" : $"ROUND(C{summary}-F{summary},3)";
                ws.Cell(summary, 7).Formula($"IF(AND(ISNUMBER(C{summary}),ISNUMBER(F{summary})),{change},\"\")",
                    kpi == Kpi.CostPerTransaction ? Xl.MoneyChangeFormat : Xl.PercentChangeFormat);
            }
        }
        if (r.Kpis.Count == 0) ws.Cell(SummaryHeaderRow + 1, 1).Text("No service has data in the period.");
        ws.SheetView.FreezeRows(SummaryHeaderRow);
        Xl.Widths(ws, 22, 26, 24, 13, 13, 13, 15, 15, 13, 11, 11);
        for (var c = FirstKpiCol; c < FirstKpiCol + Kpis.All.Count; c++) ws.Column(c).Width = 14;
        ws.Row(headerRow).Height = 45;
    }

    /// <summary>
    /// One count's figures of a row and the KPIs over them: values (or the formulas <paramref name="sum"/> gives), or, where
    /// the count is hidden, its symbol and "[c]" for every figure that goes with it.
    /// </summary>
    private static void Figures(IXLWorksheet ws, int row, Base b, KpiFigures f, Shown shown, DisclosureView view, Func<int, string?>? sum)
    {
        var cols = Columns(b);
        if (shown != Shown.Value)
        {
            Hidden(ws.Cell(row, cols[0]), view.Symbol(shown));
            foreach (var c in cols.Skip(1).Concat(KpiColumns(b))) Hidden(ws.Cell(row, c), DisclosureView.ConfidentialSymbol);
            return;
        }
        foreach (var c in cols)
        {
            if (sum?.Invoke(c) is { } formula) ws.Cell(row, c).Formula(formula, FormatOf(c));
            else if (c is ChannelCostCol or CostsCol) ws.Cell(row, c).Num(Figure(f, c), Xl.MoneyFormat);
            else ws.Cell(row, c).Num((long)Figure(f, c));
        }
        string C(int col) => $"{Xl.Col(col)}{row}";
        for (var i = 0; i < Kpis.All.Count; i++)
        {
            var kpi = Kpis.All[i];
            if (BaseOf(kpi) != b) continue;
            var kpiFormula = kpi switch
            {
                Kpi.CostPerTransaction => $"IF({C(TransactionsCol)}=0,\"\",({C(ChannelCostCol)}+{C(CostsCol)})/{C(TransactionsCol)})",
                Kpi.DigitalTakeUp => $"IF({C(TransactionsCol)}=0,\"\",{C(DigitalCol)}/{C(TransactionsCol)})",
                Kpi.CompletionRate => $"IF({C(StartedCol)}=0,\"\",{C(CompletedCol)}/{C(StartedCol)})",
                _ => $"IF({C(RatingsCol)}=0,\"\",{C(SatisfiedCol)}/{C(RatingsCol)})",
            };
            ws.Cell(row, FirstKpiCol + i).Formula(kpiFormula, kpi == Kpi.CostPerTransaction ? Xl.MoneyFormat : Xl.PercentFormat);
        }
    }

    private static void Hidden(IXLCell cell, string symbol)
    {
        cell.Text(symbol);
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }
}
