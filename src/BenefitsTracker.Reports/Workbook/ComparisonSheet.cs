using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// A consortium's members side by side (METHOD.md, Consortia): each member's costs, net benefit, ROI and
/// normalised figures beside the consortium median, as live formulas over the Members sheet (looked up by
/// council code, so sorting either table changes nothing); counts below the suppression threshold shown as
/// "&lt;N" and the figures derived from them withheld; the population's source; the assumptions that differ.
/// </summary>
internal static class ComparisonSheet
{
    /// <summary>A figure withheld to protect a small count, or worked out from one: "[c]".</summary>
    public const string Withheld = DisclosureView.ConfidentialSymbol;

    /// <summary>Where the Members sheet holds each shown member's figures: its data rows and columns.</summary>
    /// <param name="FirstRow">First data row.</param>
    /// <param name="LastRow">Last data row (the withheld members' combined row included).</param>
    /// <param name="TransactionsCol">Transactions column.</param>
    /// <param name="DigitalCol">Digital transactions column.</param>
    /// <param name="AdjustedCol">Adjusted benefit column.</param>
    /// <param name="CostsCol">Digital service costs column.</param>
    public sealed record MemberColumns(int FirstRow, int LastRow, int TransactionsCol, int DigitalCol, int AdjustedCol, int CostsCol);

    public const int HeaderRow = 4;
    public const int CodeCol = 1, NameCol = 2, PopulationCol = 3, TransactionsCol = 4, AdjustedCol = 5, CostsCol = 6, NetCol = 7, RoiCol = 8,
        PerTransactionCol = 9, BenefitPer1000Col = 10, CostPer1000Col = 11, TakeUpCol = 12, CostPerTransactionCol = 13, ShareCol = 14;

    public static void Write(WorkbookContext ctx, MemberColumns members)
    {
        if (ctx.Result.Comparison is not { } c) return;
        var ws = ctx.Sheet(Comparison);
        var view = DisclosureView.Of(ctx.Result);
        // "in equal shares", "by population", "by usage" (the rule's own word after "by" read "apportioned by equal").
        var rule = c.Apportionment == Core.Method.Apportionment.Equal ? "in equal shares" : "by " + c.Apportionment;
        ws.Cell(1, 1).Text($"Shared costs apportioned {rule}. {view.Note}");
        ws.Cell(2, 1).Text(ComparisonText.Population(c));
        string[] headers = ["Council", "Name", "Population", "Transactions", "Adjusted benefit", "Digital service costs", "Net benefit",
            "Return on investment",
            "Adjusted benefit per transaction", "Adjusted benefit per 1,000 residents", "Cost per 1,000 residents", "Digital take-up",
            "Cost per transaction", "Share of shared costs"];
        Xl.Header(ws, HeaderRow, 1, headers);

        // A member's figure from the Members sheet, found by its council code.
        string Lookup(int col, int row) =>
            $"INDEX({Xl.Range(Members, members.FirstRow, col, members.LastRow, col)},MATCH({Xl.Col(CodeCol)}{row}," +
                $"{Xl.Range(Members, members.FirstRow, 1, members.LastRow, 1)},0))";

        var row = HeaderRow;
        foreach (var m in c.Members)
        {
            row++;
            ws.Cell(row, CodeCol).Text(m.Code);
            ws.Cell(row, NameCol).Text(m.Name);
            if (m.Population is { } p) ws.Cell(row, PopulationCol).Num(p); else ws.Cell(row, PopulationCol).Text("unknown");
            ws.Cell(row, ShareCol).Num(m.SharedCostShare, Xl.PercentFormat);
            if (m.Suppressed || m.Transactions is null)
            {
                var shown = view.Member(m.Code);
                Hidden(ws.Cell(row, TransactionsCol), view.Symbol(shown == Shown.Value ? Shown.Confidential : shown));
                for (var col = AdjustedCol; col <= CostPerTransactionCol; col++) Hidden(ws.Cell(row, col), Withheld);
                continue;
            }
            string R(int col) => $"{Xl.Col(col)}{row}";
            ctx.Live(ws, row, TransactionsCol, Lookup(members.TransactionsCol, row), m.Transactions.Value, Xl.CountFormat);
            ctx.Live(ws, row, AdjustedCol, Lookup(members.AdjustedCol, row), m.AdjustedBenefit ?? 0m, Xl.MoneyFormat);
            ctx.Live(ws, row, CostsCol, Lookup(members.CostsCol, row), m.Costs ?? 0m, Xl.MoneyFormat);
            ws.Cell(row, NetCol).Formula($"{R(AdjustedCol)}-{R(CostsCol)}", Xl.MoneyFormat);
            ws.Cell(row, RoiCol).Formula($"IF({R(CostsCol)}=0,\"undefined\",{R(NetCol)}/{R(CostsCol)})", Xl.PercentFormat);
            ws.Cell(row, PerTransactionCol).Formula($"IF({R(TransactionsCol)}=0,\"n/a\",{R(AdjustedCol)}/{R(TransactionsCol)})", Xl.MoneyFormat);
            ws.Cell(row, BenefitPer1000Col)
                .Formula($"IF(ISNUMBER({R(PopulationCol)}),{R(AdjustedCol)}*1000/{R(PopulationCol)},\"n/a\")", Xl.MoneyFormat);
            ws.Cell(row, CostPer1000Col).Formula($"IF(ISNUMBER({R(PopulationCol)}),{R(CostsCol)}*1000/{R(PopulationCol)},\"n/a\")", Xl.MoneyFormat);
            if (m.DigitalTakeUp is { } tu)
                ctx.Live(ws, row, TakeUpCol, $"IF({R(TransactionsCol)}=0,\"n/a\",{Lookup(members.DigitalCol, row)}/{R(TransactionsCol)})",
                    tu, Xl.PercentFormat);
            else ws.Cell(row, TakeUpCol).Text("n/a");
            // Cost per transaction also counts the channels' own cost, which the Members sheet does not hold: the engine's figure.
            if (m.CostPerTransaction is { } cpt) ws.Cell(row, CostPerTransactionCol).Num(cpt, Xl.MoneyFormat);
            else ws.Cell(row, CostPerTransactionCol).Text("n/a");
        }
        var last = row;
        Xl.Table(ws, "ComparisonTable", HeaderRow, 1, last, headers.Length);
        row++;
        Xl.TotalRow(ws, row, 1, headers.Length, "Consortium median");
        ws.Cell(row, 2).Text("of the members shown");
        var md = c.Median;
        var medians = new Dictionary<int, decimal?>
        {
            [AdjustedCol] = md.AdjustedBenefit, [CostsCol] = md.Costs, [NetCol] = md.NetBenefit, [RoiCol] = md.Roi,
                [PerTransactionCol] = md.BenefitPerTransaction,
            [BenefitPer1000Col] = md.AdjustedBenefitPer1000Residents, [CostPer1000Col] = md.CostPer1000Residents, [TakeUpCol] = md.DigitalTakeUp,
            [CostPerTransactionCol] = md.CostPerTransaction,
        };
        foreach (var (col, value) in medians)
        {
            var format = col == RoiCol || col == TakeUpCol ? Xl.PercentFormat : Xl.MoneyFormat;
            // MEDIAN leaves out "[c]", "n/a" and "undefined", as the engine leaves out withheld and undefined figures.
            ctx.Unevaluated(ws, row, col,
                last > HeaderRow ? $"IFERROR(MEDIAN({Xl.Col(col)}{HeaderRow + 1}:{Xl.Col(col)}{last}),\"n/a\")" : "\"n/a\"", value, format);
        }
        row += 2;
        ws.Cell(row, 1).Text("Net benefit, return on investment, the per-transaction and per-1,000-resident figures and the medians are formulas; " +
            "transactions, adjusted benefit and costs are looked up on the Members sheet by council code. Cost per transaction also counts each " +
            "channel's own cost, which only the member's own workbook holds.")
            .Style.Font.SetItalic();
        var differences = row + 2;
        row = Differences(ws, c, differences);
        ws.SheetView.FreezeRows(HeaderRow);
        Xl.Widths(ws, 30, 24, 12, 13, 15, 15, 15, 12, 14, 15, 15, 11, 13, 12);
        // The differing assumptions' names ("Officer hourly cost, default (officer_hourly_cost)") wrapped whole in the first column.
        if (c.DifferingAssumptions.Count > 0)
            for (var r = differences + 2; r < row; r++) SavingsWorkbook.FitWrapped(ws, r, [.. Enumerable.Range(1, 1 + c.Members.Count)]);
        ws.Row(HeaderRow).Height = 45;
    }

    /// <summary>The assumptions whose values differ between members: one row per key, one column per member.</summary>
    private static int Differences(IXLWorksheet ws, ConsortiumComparison c, int row)
    {
        ws.Cell(row, 1).Text("Assumptions that differ between members").Style.Font.SetBold();
        row++;
        if (c.DifferingAssumptions.Count == 0)
        {
            ws.Cell(row, 1).Text("Every member uses the same assumptions.");
            return row + 1;
        }
        var header = row;
        Xl.Header(ws, header, 1, ["Assumption", .. c.Members.Select(m => m.Name)]);
        foreach (var d in c.DifferingAssumptions)
        {
            row++;
            ws.Cell(row, 1).Text(ComparisonText.Assumption(d.Key));
            for (var i = 0; i < c.Members.Count; i++)
                ws.Cell(row, 2 + i).Text(d.Values.FirstOrDefault(v => v.Code == c.Members[i].Code)?.Value is { } v ? ComparisonText.Value(d.Key, v)
                    : "does not run it");
        }
        Xl.Table(ws, "DifferencesTable", header, 1, row, 1 + c.Members.Count);
        return row + 1;
    }

    private static void Hidden(IXLCell cell, string symbol)
    {
        cell.Text(symbol);
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }
}
