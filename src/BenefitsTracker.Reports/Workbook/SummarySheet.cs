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
        Hours = "officer_hours_released", CashNet = "total_cashable_net", CashRoi = "total_cashable_roi", CashPayback = "total_cashable_payback";

    public const int FirstFigureRow = 6;

    /// <summary>Where the headline formulas read from, and how the sheet explains them.</summary>
    public sealed record Sources(
        string Transactions, string Digital, string Gross, string Adjusted, string Cashable, string NonCashable, string Costs,
        string Npv, string PaidBack, string Months, string Hours,
        string TransactionsHow, string GrossHow, string CostsHow, string HoursHow)
    {
        /// <summary>
        /// A formula for the cashable payback month (the Green Book sheet's); null: the engine's month is written as
        /// a value.
        /// </summary>
        public string? CashPaybackFormula { get; init; }
    }

    /// <summary>
    /// A council's Summary: formulas over Monthly, Cashable, Appraisal and Officer time; then each service on its
    /// own lines (<see cref="SummaryByService"/>).
    /// </summary>
    public static void Write(WorkbookContext ctx) => SummaryByService.Write(ctx, Write(ctx,
        ["Every value below is a formula over the other sheets. Change a rate on the Assumptions sheet and the whole workbook recalculates. " +
            "Method: METHOD.md (v1)."],
        new Sources(
            MonthlySheet.TotalCell(ctx, MonthlySheet.Transactions), MonthlySheet.TotalCell(ctx, MonthlySheet.Digital), CashableSheet.TotalCell(3),
            AppraisalSheet.Total(ctx, AppraisalSheet.AdjustedCol), AppraisalSheet.Total(ctx, AppraisalSheet.CashableCol),
            AppraisalSheet.Total(ctx, AppraisalSheet.NonCashableCol), AppraisalSheet.Total(ctx, AppraisalSheet.CostsCol),
            AppraisalSheet.Total(ctx, AppraisalSheet.DiscountedCol), AppraisalSheet.Column(ctx, AppraisalSheet.PaidBackCol),
            Xl.Range(Appraisal, 2, 2, ctx.Months.Count + 1, 2), Xl.Cell(OfficerTime, ctx.OfficerTimeLastRow + 1, OfficerTimeSheet.HoursCol),
            "Completed transactions on every channel (Monthly)",
            "Sum of the enabled benefit lines, every service and month (Cashable, Monthly)",
            "Licence, implementation, hosting, support and other costs in the period (Spend)",
            "Σ (M_B × N − T) ÷ 60 over the Officer time sheet") { CashPaybackFormula = GreenBookSheet.CashPayback }));

    /// <summary>
    /// The title, the notes (rows 3 and 4) and the headline figures as formulas over <paramref name="src"/>;
    /// returns the first row below them.
    /// </summary>
    public static int Write(WorkbookContext ctx, IReadOnlyList<string> notes, Sources src)
    {
        var ws = ctx.Sheet(Summary);
        var r = ctx.Result;
        ws.Cell(1, 1).Text($"Savings from digital services: {r.Scope.Name} ({r.Scope.Id})").Style.Font.SetBold().Font.SetFontSize(14);
        var monthCount = r.Request.MonthCount;
        ws.Cell(2, 1).Text($"Period: {Fmt.Period(r.Request.From, r.Request.To)} ({monthCount} {(monthCount == 1 ? "month" : "months")}). " +
            (r.Request.Service is { } s ? $"Service: {s}." : "All services."));
        // Months without data are stated at the top, before any figure (METHOD.md v2, No data is not zero).
        if (CoverageText.Sentences(r) is { Count: > 0 } coverage)
            ws.Cell(2, 1).Text(ws.Cell(2, 1).GetString() + " Months without data: " + string.Join(" ", coverage)).Style.Font.SetBold()
                .Font.SetFontColor(XLColor.FromHtml("#a4262c"));
        for (var i = 0; i < notes.Count; i++)
        {
            var cell = ws.Cell(3 + i, 1).Text(notes[i]);
            if (i > 0) cell.Style.Font.SetItalic();
        }
        Xl.Header(ws, 5, 1, ["Figure", "Value", "How it is calculated"]);

        var monthlyTx = src.Transactions;
        var monthlyDigital = src.Digital;
        var paidBack = src.PaidBack;
        var months = src.Months;
        var hours = src.Hours;
        var rows = new (string Label, string Name, string Formula, string Format, string How)[]
        {
            ("Transactions", Transactions, monthlyTx, Xl.CountFormat, src.TransactionsHow),
            ("Digital take-up", TakeUp, $"IF({monthlyTx}=0,\"n/a\",{monthlyDigital}/{monthlyTx})", Xl.PercentFormat,
                "Digital transactions ÷ all transactions"),
            ("Gross benefit", Gross, src.Gross, Xl.MoneyFormat, src.GrossHow),
            ("Adjusted benefit", Adjusted, src.Adjusted, Xl.MoneyFormat,
                "Gross × (1 − deadweight) × attribution × (1 − optimism bias), line by line and month by month"),
            ("Cashable (adjusted)", CashableName, src.Cashable, Xl.MoneyFormat, "Adjusted benefit of the lines counted as cashable"),
            ("Non-cashable (adjusted)", NonCashable, src.NonCashable, Xl.MoneyFormat,
                "Adjusted benefit less the cashable part, e.g. officer time released"),
            ("Digital service costs", Costs, src.Costs, Xl.MoneyFormat, src.CostsHow),
            ("Net benefit", Net, $"{Adjusted}-{Costs}", Xl.MoneyFormat, "Adjusted benefit − costs"),
            ("Return on investment (ROI)", Roi, $"IF({Costs}=0,\"undefined (no costs)\",{Net}/{Costs})", Xl.PercentFormat, "Net benefit ÷ costs"),
            ("Benefit-cost ratio (BCR)", Bcr, $"IF({Costs}=0,\"undefined (no costs)\",{Adjusted}/{Costs})", Xl.RatioFormat,
                "Adjusted benefit ÷ costs: pounds of benefit for each pound spent"),
            ("Net present value (NPV)", Npv, src.Npv, Xl.MoneyFormat,
                "Σ (adjusted − cost) ÷ (1 + discount_rate)^y, y = whole years from the first month (Appraisal)"),
            ("Payback month", Payback, $"IF(SUM({paidBack})=0,\"not within the period\",INDEX({months},MATCH(1,{paidBack},0)))", "@",
                "First month in which cumulative adjusted benefit less cost is at least zero (Appraisal)"),
            ("Officer hours released", Hours, hours, Xl.HoursFormat, src.HoursHow),
            // The cash view (issue 12): the case counting only cashable benefit against the same costs.
            ("Cashable net benefit", CashNet, $"{CashableName}-{Costs}", Xl.MoneyFormat,
                "Cashable adjusted benefit − costs: the case in cash alone"),
            ("Cashable ROI", CashRoi, $"IF({Costs}=0,\"undefined (no costs)\",{CashNet}/{Costs})", Xl.PercentFormat, "Cashable net benefit ÷ costs"),
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
        if (r.Appraisal is { } appraisal)
        {
            ws.Cell(row, 1).Text("Cashable payback month");
            var payback = ws.Cell(row, 2);
            if (src.CashPaybackFormula is { } formula)
            {
                payback.Formula(formula, "@");
                ws.Cell(row, 3).Text("First month in which cumulative (cashable − cost) is at least zero (Green Book sheet)");
            }
            else
            {
                payback.Text(appraisal.Cash.CashablePaybackMonth?.ToString() ?? "not within the period");
                ws.Cell(row, 3).Text("First month in which cumulative (cashable − cost) is at least zero (the engine's, from the members' months)");
            }
            payback.Style.Font.SetBold();
            Xl.Name(ctx.Workbook, CashPayback, ws.Range(row, 2, row, 2), "Cashable payback month");
            row++;
        }
        ws.Range(FirstFigureRow, 2, row - 1, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        ws.SheetView.FreezeRows(5);
        Xl.Widths(ws, 30, 20, 100);
        return row;
    }
}
