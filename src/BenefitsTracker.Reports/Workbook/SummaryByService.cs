using BenefitsTracker.Core.Domain;
using BenefitsTracker.Reports.Formatting;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// A council's Summary, below the headline figures (issue 13): each service named and on its own line, with its
/// transactions, digital take-up and adjusted benefit by line (SUMIFS over the Monthly sheet by service), then the
/// digital costs by category and service (SUMIFS over the Spend sheet's cost lines), as report.html shows them.
/// </summary>
internal static class SummaryByService
{
    /// <summary>The table names, for tests and readers: <c>ServicesTable</c> and <c>ServiceCostsTable</c>.</summary>
    public const string ServicesTable = "ServicesTable", CostsTable = "ServiceCostsTable";

    /// <summary>The first columns of both tables: the service's name, then its code (what the SUMIFS match on).</summary>
    public const int NameCol = 1, CodeCol = 2, FirstFigureCol = 3;

    /// <summary>What the cost table's code column says for cost lines that belong to no one service (as the Spend sheet).</summary>
    public const string SharedCode = "(all services)";

    /// <summary>Writes both tables from <paramref name="row"/> (a blank row above each); returns the first row below them.</summary>
    public static int Write(WorkbookContext ctx, int row)
    {
        if (ctx.Units.Count == 0) return row;
        var ws = ctx.Sheet(Summary);
        // The tables begin a page of their own: printed beside the headline figures, on one page, the sheet was 11 columns wide
        // and printed at 6.4 pt in the tests' LibreOffice (SavingsWorkbook.PrintSetup fits the sheet to one page wide only).
        ws.PageSetup.AddHorizontalPageBreak(row);
        var widths = new ColumnWidths();
        var lines = BenefitLines.All;
        var enabled = lines.Where(l => ctx.Units.Any(u => u.Assumptions.Lines.Contains(l))).ToList();

        row++;
        ws.Cell(row, 1).Text("By service: transactions, digital take-up and adjusted benefit by line (each a SUMIFS over the Monthly sheet by " +
            "service code)").Style.Font.SetBold();
        row++;
        var header = row;
        var headers = new List<string> { "Service", "Service code", "Transactions", "Digital transactions", "Digital take-up" };
        headers.AddRange(enabled.Select(l => "Adjusted: " + l.Title()));
        headers.Add("Adjusted benefit");
        Xl.Header(ws, header, 1, headers);
        widths.Headings(headers);
        string Monthly(string key, int r) =>
            $"SUMIFS({MonthlySheet.ColumnRange(ctx, key)},{MonthlySheet.ServiceRange(ctx)},$B{r})";
        foreach (var u in ctx.Units)
        {
            row++;
            var months = u.Working.Months;
            var transactions = months.Sum(m => m.ByChannel.Where(kv => ctx.ChannelList.Contains(kv.Key)).Sum(kv => kv.Value));
            var digital = months.Sum(m => m.ByChannel.Where(kv => ctx.ChannelList.Contains(kv.Key) && u.Assumptions.DigitalChannels.Contains(kv.Key))
                .Sum(kv => kv.Value));
            ws.Cell(row, NameCol).Text(ServiceNames.Of(ctx.Result, u.Service));
            ws.Cell(row, CodeCol).Text(u.Service);
            ctx.Live(ws, row, 3, Monthly(MonthlySheet.Transactions, row), transactions, Xl.CountFormat);
            ctx.Live(ws, row, 4, Monthly(MonthlySheet.Digital, row), digital, Xl.CountFormat);
            widths.Count(3, transactions);
            widths.Count(4, digital);
            ws.Cell(row, 5).Formula($"IF(C{row}=0,\"n/a\",D{row}/C{row})", Xl.PercentFormat);
            var col = 6;
            foreach (var l in enabled)
            {
                var adjusted = months.Sum(m => m.AdjustedByLine.GetValueOrDefault(l));
                widths.Money(col, adjusted);
                ctx.Live(ws, row, col++, Monthly(Adjusted(l), row), adjusted, Xl.MoneyFormat);
            }
            widths.Money(col, months.Sum(m => enabled.Sum(l => m.AdjustedByLine.GetValueOrDefault(l))));
            ws.Cell(row, col).Formula(string.Join("+", Enumerable.Range(6, enabled.Count).Select(c => $"{Xl.Col(c)}{row}")) is { Length: > 0 } sum
                ? sum : "0", Xl.MoneyFormat);
        }
        var last = row;
        Xl.Table(ws, ServicesTable, header, 1, last, headers.Count);
        row++;
        Xl.TotalRow(ws, row, 1, headers.Count, "All services");
        foreach (var c in new[] { 3, 4 }.Concat(Enumerable.Range(6, enabled.Count + 1)))
            ws.Cell(row, c).Formula($"SUM({Xl.Col(c)}{header + 1}:{Xl.Col(c)}{last})", c < 5 ? Xl.CountFormat : Xl.MoneyFormat);
        ws.Cell(row, 5).Formula($"IF(C{row}=0,\"n/a\",D{row}/C{row})", Xl.PercentFormat);
        widths.Totals();
        row++;

        row = Costs(ctx, row, widths);
        widths.Apply(ws);
        WrapFirstColumn(ws, row);
        FitWelshHeadings(ws, row);
        return row;
    }

    /// <summary>
    /// Makes the tables' header rows tall enough for their Welsh headings too, in these narrower columns (the Welsh workbook keeps
    /// the heights): "Costs as recorded" is two lines, "Costau fel y'u cofnodwyd" three. Headings with no Welsh of their own are
    /// left to <see cref="SavingsWorkbook.FitHeaderHeight"/>'s room.
    /// </summary>
    private static void FitWelshHeadings(IXLWorksheet ws, int end)
    {
        var welsh = WorkbookTranslation.TextTranslator(Localisation.ReportText.Cy);
        foreach (var header in SavingsWorkbook.HeaderRows(ws).Where(r => r > SummarySheet.FirstFigureRow && r < end))
        {
            var lines = 1;
            for (var c = 1; c <= (ws.LastColumnUsed()?.ColumnNumber() ?? 1); c++)
                if (welsh(ws.Cell(header, c).GetString()) is { } text)
                    lines = Math.Max(lines, SavingsWorkbook.WrappedLines(text,
                        Math.Max(1, (int)(ws.Column(c).Width * SavingsWorkbook.HeaderCharsPerUnit))));
            var height = lines * SavingsWorkbook.LinePoints + 4;
            if (ws.Row(header).Height < height) ws.Row(header).Height = height;
        }
    }

    /// <summary>The first column's width on a council's Summary: its labels and service names wrap within it.</summary>
    internal const double NameWidth = 24;

    /// <summary>
    /// Narrows the first column to <see cref="NameWidth"/> (from 30, as wide as a long service name) and wraps each label and
    /// service name in it, its row made tall enough for it and for its Welsh (the Welsh workbook keeps these heights, and a label
    /// may run to more than twice its English: "Cashable ROI", "Elw ar fuddsoddiad arian parod"): the sheet prints that much
    /// larger. A caption alone in its row is left to <see cref="SavingsWorkbook.FitNotes"/>, which wraps it across the sheet.
    /// </summary>
    private static void WrapFirstColumn(IXLWorksheet ws, int end)
    {
        ws.Column(NameCol).Width = NameWidth;
        var welsh = WorkbookTranslation.TextTranslator(Localisation.ReportText.Cy);
        for (var r = SummarySheet.FirstFigureRow; r < end; r++)
        {
            var cell = ws.Cell(r, NameCol);
            if (cell.IsEmpty() || cell.HasFormula || cell.DataType != XLDataType.Text || cell.Style.Fill.BackgroundColor == Xl.HeaderFill)
                continue;
            if (ws.Row(r).CellsUsed(XLCellsUsedOptions.Contents).All(c => c.Address.ColumnNumber == NameCol)) continue;
            SavingsWorkbook.FitWrapped(ws, r, NameCol);
            var points = cell.Style.Font.FontSize;
            // The Welsh itself, so without the room LineChars leaves for it.
            var lines = SavingsWorkbook.WrappedLines(welsh(cell.GetString()) ?? "",
                SavingsWorkbook.LineChars(NameWidth * SavingsWorkbook.WelshHeadroom, points));
            var height = lines > 1 ? SavingsWorkbook.LinesHeight(lines, points) : 0;
            if (ws.Row(r).Height < height) ws.Row(r).Height = height;
        }
    }

    private static int Costs(WorkbookContext ctx, int row, ColumnWidths widths)
    {
        var ws = ctx.Sheet(Summary);
        var digital = ctx.Result.Costs.Where(c => !CostCategories.IsBaseline(c.Line.Category)).ToList();
        if (digital.Count == 0) return row;
        var categories = CostCategories.Digital.Where(c => digital.Any(x => x.Line.Category == c)).ToList();
        var owners = digital.Select(c => c.Line.Service).Distinct().OrderBy(s => s is null).ThenBy(s => s, StringComparer.Ordinal).ToList();

        row++;
        var uplift = ctx.Result.Appraisal is { OptimismBiasCosts: not 0m }
            ? " The headline's Digital service costs add optimism bias on costs (optimism_bias_costs)."
            : "";
        ws.Cell(row, 1).Text("Digital service costs in the period by category and service, as recorded (each a SUMIFS over the Spend sheet's cost " +
            "lines)." + uplift).Style.Font.SetBold();
        row++;
        var header = row;
        var headers = new List<string> { "Service", "Service code" };
        headers.AddRange(categories.Select(c => char.ToUpperInvariant(c[0]) + c[1..]));
        headers.Add("Costs as recorded");
        Xl.Header(ws, header, 1, headers);
        widths.Headings(headers);
        foreach (var owner in owners)
        {
            row++;
            ws.Cell(row, NameCol).Text(owner is null ? "Shared by all services" : ServiceNames.Of(ctx.Result, owner));
            ws.Cell(row, CodeCol).Text(owner ?? SharedCode);
            var col = FirstFigureCol;
            for (var i = 0; i < categories.Count; i++)
                widths.Money(col + i, digital.Where(x => x.Line.Service == owner && x.Line.Category == categories[i]).Sum(x => x.InPeriod));
            widths.Money(col + categories.Count, digital.Where(x => x.Line.Service == owner).Sum(x => x.InPeriod));
            foreach (var category in categories)
                ctx.Live(ws, row, col++,
                    $"SUMIFS({SpendSheet.LineColumn(ctx, SpendSheet.InPeriodCol)},{SpendSheet.LineColumn(ctx, SpendSheet.ServiceCol)},$B{row}," +
                        $"{SpendSheet.LineColumn(ctx, SpendSheet.CategoryCol)},\"{category}\")",
                    digital.Where(x => x.Line.Service == owner && x.Line.Category == category).Sum(x => x.InPeriod), Xl.MoneyFormat);
            ws.Cell(row, col).Formula($"SUM({Xl.Col(FirstFigureCol)}{row}:{Xl.Col(col - 1)}{row})", Xl.MoneyFormat);
        }
        var last = row;
        Xl.Table(ws, CostsTable, header, 1, last, headers.Count);
        row++;
        Xl.TotalRow(ws, row, 1, headers.Count, "All");
        for (var c = FirstFigureCol; c <= headers.Count; c++)
            ws.Cell(row, c).Formula($"SUM({Xl.Col(c)}{header + 1}:{Xl.Col(c)}{last})", Xl.MoneyFormat);
        widths.Totals();
        return row + 1;
    }

    /// <summary>
    /// The tables' figure columns (C on), each as narrow as its longest printed figure and the longest word of its headings allow:
    /// at 15 each the table of services made the sheet 11 columns and about 193 units wide. A figure is counted in bold (the total
    /// row's) with a unit to spare, so none prints as "###"; a heading's words each whole on a line. The headline's "How it is
    /// calculated" text (column C) runs on over the empty cells to its right.
    /// </summary>
    private sealed class ColumnWidths
    {
        private readonly Dictionary<int, double> widest = [];
        private readonly Dictionary<int, (decimal Sum, bool Money)> sums = [];

        /// <summary>Digits, signs and "£" are a unit wide; "," and "." about half. A heading's word is noted as the units its width is.</summary>
        private static double Units(string text) => text.Sum(ch => ch is ',' or '.' ? 0.5 : 1.0);

        private void Note(int col, double units) => widest[col] = Math.Max(widest.GetValueOrDefault(col), units);

        public void Headings(IReadOnlyList<string> headings)
        {
            for (var c = FirstFigureCol; c <= headings.Count; c++)
                Note(c, (headings[c - 1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Max(w => w.Length) + 1 - Spare) / BoldDigit);
        }

        public void Count(int col, decimal value)
        {
            Note(col, Units(value.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture)));
            sums[col] = (sums.GetValueOrDefault(col).Sum + value, false);
        }

        public void Money(int col, decimal value)
        {
            Note(col, Units((value < 0 ? "−£" : "£") + Math.Abs(value).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture)));
            sums[col] = (sums.GetValueOrDefault(col).Sum + value, true);
        }

        /// <summary>Counts each column's total (the table's total row), then starts again for the next table.</summary>
        public void Totals()
        {
            foreach (var (col, (sum, money)) in sums.ToList())
                if (money) Money(col, sum);
                else Count(col, sum);
            sums.Clear();
        }

        public void Apply(IXLWorksheet ws)
        {
            foreach (var (col, units) in widest)
                ws.Column(col).Width = Math.Clamp(Math.Ceiling(units * BoldDigit + Spare), MinimumWidth, MaximumWidth);
        }

        /// <summary>A bold digit's width in units of a regular one (DejaVu Sans Bold's, the wider of the fonts the sheet prints in).</summary>
        private const double BoldDigit = 1.1;

        /// <summary>Units to spare beside a figure.</summary>
        private const double Spare = 1;

        private const double MinimumWidth = 9, MaximumWidth = 15;
    }
}
