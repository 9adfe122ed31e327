using BenefitsTracker.Core.Disclosure;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// A consortium's members side by side (METHOD.md, Consortia): normalised figures beside the median,
/// counts below the suppression threshold shown as "&lt;N" and the figures derived from them withheld.
/// </summary>
internal static class ComparisonSheet
{
    /// <summary>A figure withheld to protect a small count, or worked out from one: "[c]".</summary>
    public const string Withheld = DisclosureView.ConfidentialSymbol;

    public static void Write(WorkbookContext ctx)
    {
        if (ctx.Result.Comparison is not { } c) return;
        var ws = ctx.Sheet(Comparison);
        var view = DisclosureView.Of(ctx.Result);
        ws.Cell(1, 1).Text($"Shared costs apportioned by {c.Apportionment}. {view.Note}");
        string[] headers = ["Council", "Name", "Population", "Transactions", "Adjusted benefit", "Adjusted benefit per 1,000 residents",
            "Digital take-up", "Cost per transaction", "Share of shared costs"];
        Xl.Header(ws, 3, 1, headers);
        var row = 3;
        foreach (var m in c.Members)
        {
            row++;
            ws.Cell(row, 1).Text(m.Code);
            ws.Cell(row, 2).Text(m.Name);
            if (m.Population is { } p) ws.Cell(row, 3).Num(p); else ws.Cell(row, 3).Text("unknown");
            if (m.Transactions is { } n) ws.Cell(row, 4).Num(n);
            else ws.Cell(row, 4).Text(view.Symbol(view.Member(m.Code) is var shown && shown != Shown.Value ? shown : Shown.Confidential));
            Money(ws.Cell(row, 5), m.AdjustedBenefit, m.Suppressed);
            Money(ws.Cell(row, 6), m.AdjustedBenefitPer1000Residents, m.Suppressed);
            Ratio(ws.Cell(row, 7), m.DigitalTakeUp, m.Suppressed);
            Money(ws.Cell(row, 8), m.CostPerTransaction, m.Suppressed);
            ws.Cell(row, 9).Num(m.SharedCostShare, Xl.PercentFormat);
        }
        Xl.Table(ws, "ComparisonTable", 3, 1, row, headers.Length);
        row++;
        Xl.TotalRow(ws, row, 1, headers.Length, "Consortium median");
        Money(ws.Cell(row, 6), c.Median.AdjustedBenefitPer1000Residents, false);
        Ratio(ws.Cell(row, 7), c.Median.DigitalTakeUp, false);
        Money(ws.Cell(row, 8), c.Median.CostPerTransaction, false);
        ws.SheetView.FreezeRows(3);
        Xl.Widths(ws, 12, 28, 12, 14, 16, 18, 12, 14, 16);
        ws.Row(3).Height = 45;
    }

    private static void Money(IXLCell cell, decimal? value, bool suppressed)
    {
        if (value is { } v) cell.Num(v, Xl.MoneyFormat);
        else cell.Text(suppressed ? Withheld : "n/a");
    }

    private static void Ratio(IXLCell cell, decimal? value, bool suppressed)
    {
        if (value is { } v) cell.Num(v, Xl.PercentFormat);
        else cell.Text(suppressed ? Withheld : "n/a");
    }
}
