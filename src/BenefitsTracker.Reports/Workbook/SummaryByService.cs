using BenefitsTracker.Core.Domain;
using BenefitsTracker.Reports.Formatting;
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
        // The tables' figures sit in narrow columns from C on; the headline's "How it is calculated" text (column C)
        // runs on over the empty cells to its right.
        for (var c = FirstFigureCol; c <= FirstFigureCol + 12; c++) ws.Column(c).Width = 15;
        ws.Column(CodeCol).Width = 20;
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
            ws.Cell(row, 5).Formula($"IF(C{row}=0,\"n/a\",D{row}/C{row})", Xl.PercentFormat);
            var col = 6;
            foreach (var l in enabled)
                ctx.Live(ws, row, col++, Monthly(Adjusted(l), row), months.Sum(m => m.AdjustedByLine.GetValueOrDefault(l)), Xl.MoneyFormat);
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
        row++;

        return Costs(ctx, row);
    }

    private static int Costs(WorkbookContext ctx, int row)
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
        foreach (var owner in owners)
        {
            row++;
            ws.Cell(row, NameCol).Text(owner is null ? "Shared by all services" : ServiceNames.Of(ctx.Result, owner));
            ws.Cell(row, CodeCol).Text(owner ?? SharedCode);
            var col = FirstFigureCol;
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
        return row + 1;
    }
}
