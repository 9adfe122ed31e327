using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Reports.Register;
using ClosedXML.Excel;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// A consortium's benefits register (HM Treasury Green Book; issue 15) as a sheet: one row per member, service and
/// benefit line, as each member's own register has it (<see cref="BenefitsRegister"/>), then the consortium's value
/// realised by service and line, a live SUMIFS over the members' rows where all of them are shown, and a check that
/// each line's total agrees with the Members sheet. A member's figures per service are not elsewhere in this
/// workbook, so they are values. Shared beyond one council: a member withheld whole shows its symbol ("&lt;N" or
/// "[c]") in place of its figures, and a shown member whose figure would give a lone withheld one away by subtraction
/// is hidden beside it as "[c]" (<see cref="DisclosureRules.Group"/>).
/// </summary>
internal static class ConsortiumRegisterSheet
{
    public const string SheetName = RegisterSheet.SheetName;
    public const int HeaderRow = 3, BaselineCol = 6, RealisedCol = 8, CashableCol = 9;

    /// <summary>The headers of the consortium's block below the members' rows.</summary>
    public static readonly IReadOnlyList<string> TotalHeaders = ["Service", "Benefit", "Realised to date (£ adjusted)", "Members with this line"];

    /// <param name="ctx">The workbook.</param>
    /// <param name="membersTotal">The Members sheet's cell holding the consortium's adjusted figure of a line.</param>
    public static void Write(WorkbookContext ctx, Func<BenefitLine, string> membersTotal)
    {
        var ws = ctx.Sheet(SheetName);
        var r = ctx.Result;
        var view = DisclosureView.Of(r);
        ws.Cell(1, 1).Text("Each member's benefits register, one row per member, service and benefit line " +
            "(each member's own workbook shows the working); " +
            "below, the consortium's value realised by service and line. " + view.Note);
        Xl.Header(ws, HeaderRow, 1, BenefitsRegister.Headers);

        var rows = r.Members.SelectMany(m => BenefitsRegister.Rows(m)).ToList();
        var groups = rows.GroupBy(x => (x.Service, x.Line))
            .OrderBy(g => g.Key.Service, StringComparer.Ordinal).ThenBy(g => g.Key.Line).ToList();
        var row = HeaderRow;
        // Which groups have a hidden row: their consortium figure is a value, not a sum of the rows.
        var partial = new HashSet<(string, BenefitLine)>();
        foreach (var g in groups)
        {
            var status = DisclosureRules.Group([.. g.Select(x => new GroupPart(
                x.Council, Math.Abs(x.Realised), x.Realised != 0m, view.Member(x.Council)))]);
            if (status.Count > 0) partial.Add(g.Key);
            foreach (var x in g.OrderBy(x => x.Council, StringComparer.Ordinal))
            {
                row++;
                ws.Cell(row, 1).Text(x.Council);
                ws.Cell(row, 2).Text(x.Service);
                ws.Cell(row, 3).Text(x.Line.Title());
                ws.Cell(row, 4).Text(x.Description);
                ws.Cell(row, 5).Text(x.Measure);
                ws.Cell(row, 7).Text(x.BaselineUnit);
                ws.Cell(row, CashableCol).Num(x.Cashable ? 1 : 0, Xl.YesNoFormat);
                ws.Cell(row, 10).Text(x.Assumption);
                ws.Cell(row, 11).Text(x.Owner ?? "not named");
                ws.Cell(row, 12).Text(x.Evidence);
                if (status.TryGetValue(x.Council, out var shown))
                {
                    Hidden(ws.Cell(row, RealisedCol), view.Symbol(shown));
                    if (x.Baseline is not null) Hidden(ws.Cell(row, BaselineCol), DisclosureView.ConfidentialSymbol);
                    continue;
                }
                if (x.Baseline is { } b) ws.Cell(row, BaselineCol).Num(b, x.Line == BenefitLine.OfficerTime ? Xl.HoursFormat : Xl.UnitRateFormat);
                ws.Cell(row, RealisedCol).Num(x.Realised, Xl.MoneyFormat);
            }
        }
        var last = row;
        Xl.Table(ws, "RegisterTable", HeaderRow, 1, last, BenefitsRegister.Headers.Count);

        // The consortium by service and line: the members' rows added up by SUMIFS (sorting the table moves nothing).
        row += 2;
        ws.Cell(row, 1).Text("The consortium, by service and benefit line").Style.Font.SetBold();
        row++;
        var totalsHeader = row;
        Xl.Header(ws, row, 1, TotalHeaders);
        string Range(int col) => $"${Xl.Col(col)}${HeaderRow + 1}:${Xl.Col(col)}${Math.Max(last, HeaderRow + 1)}";
        foreach (var g in groups)
        {
            row++;
            ws.Cell(row, 1).Text(g.Key.Service);
            ws.Cell(row, 2).Text(g.Key.Line.Title());
            if (partial.Contains(g.Key)) ws.Cell(row, 3).Num(g.Sum(x => x.Realised), Xl.MoneyFormat);
            else ws.Cell(row, 3).Formula($"SUMIFS({Range(RealisedCol)},{Range(2)},A{row},{Range(3)},B{row})", Xl.MoneyFormat);
            ws.Cell(row, 4).Num(g.Count());
        }
        var totalsLast = row;

        // Each line's total here less the Members sheet's: zero (the same figure reached by member, service and line).
        row += 2;
        ws.Cell(row, 1).Text("Checks").Style.Font.SetBold();
        var checks = new List<int>();
        foreach (var line in BenefitLines.All.Where(l => groups.Any(g => g.Key.Line == l)))
        {
            row++;
            checks.Add(row);
            ws.Cell(row, 1).Text($"Check: {line.Title()}, register less Members");
            ws.Cell(row, 2).Text(line.Title());
            string Totals(string col) => $"${col}${totalsHeader + 1}:${col}${Math.Max(totalsLast, totalsHeader + 1)}";
            ws.Cell(row, 3).Formula($"ROUND(SUMIFS({Totals("C")},{Totals("B")},B{row})-{membersTotal(line)},2)", Xl.MoneyFormat);
            ws.Cell(row, 4).Text("The lines' realised values above less the Members sheet's total of the line: zero");
        }

        ws.SheetView.FreezeRows(HeaderRow);
        Xl.Widths(ws, 22, 20, 20, 40, 36, 14, 24, 16, 10, 50, 20, 44);
        // After the widths, which the rows' heights follow.
        RegisterSheet.FitRows(ws, HeaderRow + 1, [.. groups.SelectMany(g => g.OrderBy(x => x.Council, StringComparer.Ordinal))]);
        ws.Column(4).Style.Alignment.WrapText = true;
        // Each check's label ("Check: …, register less Members") and its explanation wrapped whole, not cut by the figure beside it.
        foreach (var check in checks) SavingsWorkbook.FitWrapped(ws, check, 1, 2, 4);
        ws.Row(HeaderRow).Height = 30;
    }

    private static void Hidden(IXLCell cell, string symbol)
    {
        cell.Text(symbol);
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }
}
