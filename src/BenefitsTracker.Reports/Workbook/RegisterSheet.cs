using BenefitsTracker.Core.Domain;
using BenefitsTracker.Reports.Register;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// The benefits register (HM Treasury Green Book) as a sheet: the rows of <see cref="BenefitsRegister"/>, with
/// live formulas where the figure is already in the workbook: the baseline value from the Baseline sheet's
/// names, the value realised from the unit's rows of the Monthly sheet, and cashable from the Assumptions flags.
/// </summary>
internal static class RegisterSheet
{
    public const string SheetName = "Benefits register";
    public const int RealisedCol = 8;

    public static void Write(WorkbookContext ctx)
    {
        var ws = ctx.Sheet(SheetName);
        Xl.Header(ws, 1, 1, BenefitsRegister.Headers);
        var row = 1;
        foreach (var r in BenefitsRegister.Rows(ctx.Result))
        {
            row++;
            var u = r.Unit!;
            ws.Cell(row, 1).Text(r.Council);
            ws.Cell(row, 2).Text(r.Service);
            ws.Cell(row, 3).Text(r.Line.Title());
            ws.Cell(row, 4).Text(r.Description);
            ws.Cell(row, 5).Text(r.Measure);
            var format = r.Line == BenefitLine.OfficerTime ? Xl.HoursFormat : Xl.UnitRateFormat;
            if (r.BaselineName is { } name) ws.Cell(row, 6).Formula(name, format);
            ws.Cell(row, 7).Text(r.BaselineUnit);
            // The unit's Monthly rows found by council and service, not by position: sorting Monthly moves no figure.
            ctx.Live(ws, row, RealisedCol, ctx.Months.Count == 0 ? "0"
                : $"SUMIFS({MonthlySheet.ColumnRange(ctx, Adjusted(r.Line))},{MonthlySheet.CouncilRange(ctx)},{Quote(u.Council)}," +
                    $"{MonthlySheet.ServiceRange(ctx)},{Quote(u.Service)})",
                r.Realised, Xl.MoneyFormat);
            ws.Cell(row, 9).Formula(UnitName(u, CashableFlag(r.Line)), Xl.YesNoFormat);
            // A formula over the named assumptions, so that a changed rate changes the words too (issue 13).
            ws.Cell(row, 10).Formula(AssumptionFormula(ctx, u, r.Line));
            ws.Cell(row, 11).Text(r.Owner ?? "not named");
            ws.Cell(row, 12).Text(r.Evidence);
        }
        Xl.Table(ws, "RegisterTable", 1, 1, row, BenefitsRegister.Headers.Count);
        ws.SheetView.FreezeRows(1);
        Xl.Widths(ws, 12, 20, 20, 40, 36, 14, 24, 16, 10, 50, 20, 44);
        ws.Row(1).Height = 30;
        FitRows(ws, 2, [.. BenefitsRegister.Rows(ctx.Result)]);
    }

    /// <summary>The columns of sentences: benefit, description, measure, baseline unit, assumption, owner and evidence.</summary>
    private static readonly int[] Sentences = [3, 4, 5, 7, 10, 11, 12];

    /// <summary>
    /// The register's sentences wrap within their columns, each row as tall as its longest (with the Welsh workbook's room, as it
    /// keeps these heights), top-aligned: a sentence ran under the cell beside it and was cut there on screen and on paper
    /// ("Front-office contact cost avoided: transactions"), and the description, wrapped in a row of one line, overprinted the
    /// rows below. <paramref name="rows"/> are the sheet's from <paramref name="firstRow"/> on, in its order.
    /// </summary>
    internal static void FitRows(ClosedXML.Excel.IXLWorksheet ws, int firstRow, IReadOnlyList<RegisterRow> rows)
    {
        var row = firstRow - 1;
        foreach (var r in rows)
        {
            row++;
            string?[] texts = [r.Line.Title(), r.Description, r.Measure, r.BaselineUnit, r.Assumption, r.Owner ?? "not named", r.Evidence];
            var lines = 1;
            for (var i = 0; i < Sentences.Length; i++)
            {
                var cell = ws.Cell(row, Sentences[i]);
                cell.Style.Alignment.WrapText = true;
                var perLine = SavingsWorkbook.LineChars(ws.Column(Sentences[i]).Width, cell.Style.Font.FontSize);
                lines = Math.Max(lines, SavingsWorkbook.WrappedLines(texts[i] ?? "", perLine));
            }
            ws.Range(row, 1, row, BenefitsRegister.Headers.Count).Style.Alignment.Vertical = ClosedXML.Excel.XLAlignmentVerticalValues.Top;
            ws.Row(row).Height = SavingsWorkbook.LinesHeight(lines, 11);
        }
    }

    /// <summary>A text literal for a formula: "text", its quotes doubled.</summary>
    internal static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// A named money figure as text in a formula: "£"&amp;FIXED(name+0,2). ClosedXML 0.95.4's TEXT fails at run time,
    /// and its FIXED fails on a bare name (the +0 makes it an expression, as in any spreadsheet program).
    /// </summary>
    private static string MoneyText(string name) => $"\"£\"&FIXED({name}+0,2)";

    /// <summary>
    /// What <see cref="BenefitsRegister"/> says of a line's assumptions ("Unit costs phone £4.00, …; baseline …;
    /// adjusted by (1 − deadweight 0.1) × …"), as a formula that reads each figure from its name on the
    /// Assumptions sheet.
    /// </summary>
    internal static string AssumptionFormula(WorkbookContext ctx, ReportUnit u, BenefitLine line)
    {
        var a = u.Assumptions;
        string N(string what) => UnitName(u, what);
        var adjust = $"\"adjusted by (1 − deadweight \"&{N("deadweight")}&\") × attribution \"&{N("attribution")}&\" × (1 − optimism bias " +
            $"\"&{N("optimism_bias")}&\")\"";
        var baseline = Quote($"baseline {a.BaselineFrom} to {a.BaselineTo}");
        var parts = line switch
        {
            BenefitLine.ChannelShift or BenefitLine.AvoidableContact =>
                [Quote("Unit costs ") + "&" + string.Join("&\", \"&", ctx.ChannelList.Where(a.UnitCosts.ContainsKey)
                    .Select(ch => Quote(Formatting.Fmt.Channel(ch).ToLowerInvariant() + " ") + "&" + MoneyText(N(UnitCost(ch))))), baseline, adjust],
            BenefitLine.OfficerTime =>
                [Quote("Officer hourly cost ") + "&" +
                    (a.HasHourlyCostDefault ? MoneyText(N("hourly_cost_default")) + "&" + Quote(" (default)") : Quote("by grade")) +
                    string.Concat(
                        a.HourlyCostByGrade.Select(g => "&" + Quote($", {g.Key} ") + "&" + MoneyText(N(HourlyCost(g.Key))))), baseline, adjust],
            _ => (string[])[Quote("Spend in the ") + "&" + baseline + "&" + Quote(" spread evenly by month"), adjust],
        };
        return string.Join("&\"; \"&", parts);
    }
}
