using BenefitsTracker.Reports.Formatting;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>The headline figures, each a formula over the other sheets, with a plain label and its working.</summary>
internal static class SummarySheet
{
    /// <summary>The workbook names of the headline cells, in the order they appear.</summary>
    public const string Transactions = "total_transactions", TakeUp = "digital_take_up", Gross = "total_gross_benefit",
        Adjusted = "total_adjusted_benefit", CashableName = "total_cashable", NonCashable = "total_non_cashable",
        Costs = "total_costs", Net = "net_benefit", Roi = "roi", Bcr = "bcr", Npv = "npv", Payback = "payback_month",
        Hours = "officer_hours_released";

    public const int FirstFigureRow = 6;

    public static void Write(WorkbookContext ctx)
    {
        var ws = ctx.Sheet(Summary);
        var r = ctx.Result;
        ws.Cell(1, 1).Text($"Savings from digital services: {r.Scope.Name} ({r.Scope.Id})").Style.Font.SetBold().Font.SetFontSize(14);
        ws.Cell(2, 1).Text($"Period: {Fmt.Period(r.Request.From, r.Request.To)} ({r.Request.MonthCount} months). " +
            (r.Request.Service is { } s ? $"Service: {s}." : "All services."));
        ws.Cell(3, 1).Text("Every value below is a formula over the other sheets. Change a rate on the Assumptions sheet and the whole workbook recalculates. Method: METHOD.md (v1).");
        if (ctx.IsConsortium)
            ws.Cell(4, 1).Text("Working file for the consortium's finance officers: the detail sheets hold each member's monthly data. Publish the HTML report, not this workbook.").Style.Font.SetItalic();
        Xl.Header(ws, 5, 1, ["Figure", "Value", "How it is calculated"]);

        var monthlyTx = MonthlySheet.TotalCell(ctx, MonthlySheet.Transactions);
        var monthlyDigital = MonthlySheet.TotalCell(ctx, MonthlySheet.Digital);
        var paidBack = AppraisalSheet.Column(ctx, AppraisalSheet.PaidBackCol);
        var months = Xl.Range(Appraisal, 2, 2, ctx.Months.Count + 1, 2);
        var hours = Xl.Cell(OfficerTime, ctx.OfficerTimeLastRow + 1, OfficerTimeSheet.HoursCol);
        var rows = new (string Label, string Name, string Formula, string Format, string How)[]
        {
            ("Transactions", Transactions, monthlyTx, Xl.CountFormat, "Completed transactions on every channel (Monthly)"),
            ("Digital take-up", TakeUp, $"IF({monthlyTx}=0,\"n/a\",{monthlyDigital}/{monthlyTx})", Xl.PercentFormat, "Digital transactions ÷ all transactions"),
            ("Gross benefit", Gross, CashableSheet.TotalCell(3), Xl.MoneyFormat, "Sum of the enabled benefit lines, every service and month (Cashable, Monthly)"),
            ("Adjusted benefit", Adjusted, AppraisalSheet.Total(ctx, AppraisalSheet.AdjustedCol), Xl.MoneyFormat, "Gross × (1 − deadweight) × attribution × (1 − optimism bias), line by line and month by month"),
            ("Cashable (adjusted)", CashableName, AppraisalSheet.Total(ctx, AppraisalSheet.CashableCol), Xl.MoneyFormat, "Adjusted benefit of the lines counted as cashable"),
            ("Non-cashable (adjusted)", NonCashable, AppraisalSheet.Total(ctx, AppraisalSheet.NonCashableCol), Xl.MoneyFormat, "Adjusted benefit less the cashable part, e.g. officer time released"),
            ("Digital service costs", Costs, AppraisalSheet.Total(ctx, AppraisalSheet.CostsCol), Xl.MoneyFormat, "Licence, implementation, hosting, support and other costs in the period (Spend)"),
            ("Net benefit", Net, $"{Adjusted}-{Costs}", Xl.MoneyFormat, "Adjusted benefit − costs"),
            ("Return on investment (ROI)", Roi, $"IF({Costs}=0,\"undefined (no costs)\",{Net}/{Costs})", Xl.PercentFormat, "Net benefit ÷ costs"),
            ("Benefit-cost ratio (BCR)", Bcr, $"IF({Costs}=0,\"undefined (no costs)\",{Adjusted}/{Costs})", "0.00", "Adjusted benefit ÷ costs: pounds of benefit for each pound spent"),
            ("Net present value (NPV)", Npv, AppraisalSheet.Total(ctx, AppraisalSheet.DiscountedCol), Xl.MoneyFormat, "Σ (adjusted − cost) ÷ (1 + discount_rate)^y, y = whole years from the first month (Appraisal)"),
            ("Payback month", Payback, $"IF(SUM({paidBack})=0,\"not within the period\",INDEX({months},MATCH(1,{paidBack},0)))", "@", "First month in which cumulative adjusted benefit less cost is at least zero (Appraisal)"),
            ("Officer hours released", Hours, hours, Xl.HoursFormat, "Σ (M_B × N − T) ÷ 60 over the Officer time sheet"),
        };
        var row = FirstFigureRow;
        foreach (var (label, name, formula, format, how) in rows)
        {
            ws.Cell(row, 1).Text(label);
            ws.Cell(row, 2).Formula(formula, format).Style.Font.SetBold();
            ws.Cell(row, 3).Text(how);
            Xl.Name(ctx.Workbook, name, ws.Range(row, 2, row, 2), label);
            row++;
        }
        ws.Range(FirstFigureRow, 2, row - 1, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        ws.SheetView.FreezeRows(5);
        Xl.Widths(ws, 30, 20, 100);
    }
}
