using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Model;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// The Green Book sheet of a council's workbook (issue 12): the cash view, the appraisal NPV over the horizon,
/// real terms and switching values as live formulas over the Appraisal sheet and the named assumptions;
/// the projected months, scenarios and Monte Carlo percentiles as the engine's values (they come from
/// projections and simulation, not from a formula a spreadsheet can hold). A consortium's workbook has the same
/// sheet over its own Appraisal sheet (the members added up); its inputs belong to each member, so the assumed
/// values of the switching values are the engine's, not names on its Assumptions sheet.
/// </summary>
internal static class GreenBookSheet
{
    public const string SheetName = "Green Book";

    /// <summary>Workbook names of the figures on this sheet.</summary>
    public const string CashNet = "cashable_net", CashRoi = "cashable_roi", CashPayback = "cashable_payback_month",
        AppraisalNpv = "appraisal_npv", RealAdjusted = "real_adjusted_benefit", RealCosts = "real_costs",
        RealNet = "real_net_benefit", RealNpv = "real_npv", PriceBase = "price_base",
        DeflatorYears = "deflator_years", DeflatorIndex = "deflator_index";

    /// <summary>Columns of the month-by-month block.</summary>
    private const int MonthNoCol = 1, MonthCol = 2, CashCol = 3, CostCol = 4, CashNetCol = 5, CumulativeCol = 6, PaidBackCol = 7,
        YearCol = 8, IndexCol = 9, RealAdjCol = 10, RealCostCol = 11, RealNetCol = 12, DiscountCol = 13, RealDiscountedCol = 14;

    /// <summary>Columns of the GDP deflator table, at the foot of the sheet (beside the rest it made the sheet print too small).</summary>
    private const int DeflatorYearCol = 1, DeflatorIndexCol = 2;

    public static void Write(WorkbookContext ctx)
    {
        if (ctx.Result.Appraisal is not { } a) return;
        var ws = ctx.Sheet(SheetName);
        var months = ctx.Months.Count;
        var projected = a.Horizon?.ProjectedMonths ?? [];

        // Layout first, so that the headline formulas can point at the blocks below them.
        var figureRows = 6 + (a.Real is null ? 0 : 5) + 3 + (a.MonteCarlo is null ? 0 : 8);
        var firstFigure = 5;
        var monthHeader = firstFigure + figureRows + 3;
        var firstMonth = monthHeader + 1;
        var lastMonth = monthHeader + months;
        var monthTotal = lastMonth + 1;
        var projectedHeader = monthTotal + 4;
        var firstProjected = projectedHeader + 1;
        var lastProjected = projectedHeader + projected.Count;
        var projectedTotal = lastProjected + 1;
        var switchingHeader = projectedTotal + 4;

        ws.Cell(1, 1).Text($"Green Book appraisal: {ctx.Result.Scope.Name} ({ctx.Result.Scope.Id})").Style.Font.SetBold().Font.SetFontSize(14);
        ws.Cell(2, 1).Text((ctx.Result.Scope.Kind == ScopeKind.Consortium
                ? "Cash view, horizon, real terms and switching values are formulas over the Appraisal sheet (the members added up); the inputs' " +
                    "assumed values are the engine's, as each member has its own. "
                : "Cash view, horizon, real terms and switching values are formulas over the Appraisal sheet and the named assumptions. ") +
            "Projected months, scenarios and Monte Carlo figures are the engine's values. Method: METHOD.md (v2 additions).");
        Xl.Header(ws, firstFigure - 1, 1, ["Figure", "Value", "How it is calculated"]);

        string Col(int c, int from, int to) => $"{Xl.Col(c)}{from}:{Xl.Col(c)}{to}";
        string Sum(int c, int from, int to) => to < from ? "0" : $"SUM({Col(c, from, to)})";
        var projectedDiscounted = Sum(9, firstProjected, lastProjected);
        var row = firstFigure;
        void Figure(string label, string? name, Action<IXLCell> set, string how)
        {
            ws.Cell(row, 1).Text(label);
            set(ws.Cell(row, 2));
            ws.Cell(row, 2).Style.Font.SetBold();
            ws.Cell(row, 3).Text(how);
            if (name is not null) Xl.Name(ctx.Workbook, name, ws.Range(row, 2, row, 2), label);
            row++;
        }

        Figure("Cashable net benefit", CashNet, c => c.Formula($"{SummarySheet.CashableName}-{SummarySheet.Costs}", Xl.MoneyFormat),
            "Cashable adjusted benefit − costs (costs after optimism bias on costs)");
        Figure("Cashable ROI", CashRoi,
            c => c.Formula($"IF({SummarySheet.Costs}=0,\"undefined (no costs)\",{CashNet}/{SummarySheet.Costs})", Xl.PercentFormat),
            "Cashable net benefit ÷ costs");
        Figure("Cashable payback month", CashPayback,
            c => c.Formula($"IF(SUM({Col(PaidBackCol, firstMonth, lastMonth)})=0,\"not within the " +
                $"period\",INDEX({Col(MonthCol, firstMonth, lastMonth)},MATCH(1,{Col(PaidBackCol, firstMonth, lastMonth)},0)))", "@"),
            "First month in which cumulative (cashable − cost) is at least zero (below)");
        if (ctx.Result.Scope.Kind == ScopeKind.Consortium)
            Figure("Optimism bias on costs", null, c => c.Text("each member's own"),
                "Each member's costs are multiplied by 1 + its own value (its own workbook)");
        else Figure("Optimism bias on costs", null, c => c.Formula("optimism_bias_costs", Xl.FractionFormat),
            "Costs are multiplied by 1 + this (Assumptions sheet)");
        Figure("Appraisal NPV", AppraisalNpv, c => c.Formula($"{SummarySheet.Npv}+{projectedDiscounted}", Xl.MoneyFormat),
            a.Horizon is { } hz ? $"NPV of the observed months plus the {hz.ProjectedMonths.Count} projected months below ({hz.Years}-year horizon)"
                : "No appraisal_years: the NPV of the observed months");
        Figure("Projected months", null, c => c.Num(projected.Count, Xl.CountFormat),
            "Months after the data up to the horizon, projected, not measured");
        if (a.Real is { } real)
        {
            Figure("Price base", PriceBase, c => c.Text(real.PriceBase),
                $"Real terms in {real.PriceBase} prices (change it to restate them; the deflators are at the foot of this sheet)");
            Figure("Adjusted benefit, real terms", RealAdjusted, c => c.Formula(Sum(RealAdjCol, firstMonth, lastMonth), Xl.MoneyFormat),
                "Σ adjusted ÷ price index, observed months");
            Figure("Costs, real terms", RealCosts, c => c.Formula(Sum(RealCostCol, firstMonth, lastMonth), Xl.MoneyFormat),
                "Σ costs ÷ price index");
            Figure("Net benefit, real terms", RealNet, c => c.Formula($"{RealAdjusted}-{RealCosts}", Xl.MoneyFormat),
                "Real adjusted benefit − real costs");
            Figure("NPV, real terms", RealNpv,
                c => c.Formula($"{Sum(RealDiscountedCol, firstMonth, lastMonth)}+{Sum(10, firstProjected, lastProjected)}", Xl.MoneyFormat),
                "Σ real net × discount factor, observed and projected months");
        }
        Figure("Low scenario NPV", null, c => c.Num(a.Scenarios.LowNpv, Xl.MoneyFormat),
            "Every input at the end of its range that lowers NPV (engine)");
        Figure("Central NPV", null, c => c.Num(a.Scenarios.CentralNpv, Xl.MoneyFormat), "As assumed (engine)");
        Figure("High scenario NPV", null, c => c.Num(a.Scenarios.HighNpv, Xl.MoneyFormat),
            "Every input at the end of its range that raises NPV (engine)");
        if (a.MonteCarlo is { } mc)
        {
            Figure("Monte Carlo draws (seed)", null, c => c.Text($"{mc.Draws} (seed {mc.Seed})"), $"Inputs drawn: {string.Join(", ", mc.Inputs)}");
            // Numbers, not text, so that a reader can chart or compare them (issue 12).
            Figure("NPV P10", null, c => c.Num(mc.P10Npv, Xl.MoneyFormat), "10th percentile of the simulated NPV (engine)");
            Figure("NPV P50", null, c => c.Num(mc.P50Npv, Xl.MoneyFormat), "Median of the simulated NPV (engine)");
            Figure("NPV P90", null, c => c.Num(mc.P90Npv, Xl.MoneyFormat), "90th percentile of the simulated NPV (engine)");
            Figure("Net benefit P10", null, c => c.Num(mc.P10Net, Xl.MoneyFormat),
                "10th percentile of the simulated net benefit over the period (engine)");
            Figure("Net benefit P50", null, c => c.Num(mc.P50Net, Xl.MoneyFormat), "Median of the simulated net benefit over the period (engine)");
            Figure("Net benefit P90", null, c => c.Num(mc.P90Net, Xl.MoneyFormat),
                "90th percentile of the simulated net benefit over the period (engine)");
            Figure("Chance NPV > 0", null, c => c.Num(mc.ProbabilityNpvPositive, Xl.PercentFormat), "Share of draws with NPV above zero (engine)");
        }

        // Month by month: the cash view's running total, and each month in real terms.
        ws.Cell(monthHeader - 1, 1).Text("Month by month (observed)").Style.Font.Bold = true;
        Xl.Header(ws, monthHeader, 1, ["Month no.", "Month", "Cashable", "Costs", "Cash net", "Cumulative cash net", "Cash paid back by now",
            "Financial year", "Price index (base = 1)", "Real adjusted benefit", "Real costs", "Real net", "Discount factor", "Discounted real net"]);
        for (var t = 0; t < months; t++)
        {
            var r = firstMonth + t;
            var source = t + 2;
            ws.Cell(r, MonthNoCol).Num(t + 1);
            ws.Cell(r, MonthCol).Text(ctx.Months[t].ToString());
            ws.Cell(r, CashCol).Formula(Xl.Cell(Appraisal, source, AppraisalSheet.CashableCol), Xl.MoneyFormat);
            ws.Cell(r, CostCol).Formula(Xl.Cell(Appraisal, source, AppraisalSheet.CostsCol), Xl.MoneyFormat);
            ws.Cell(r, CashNetCol).Formula($"C{r}-D{r}", Xl.MoneyFormat);
            ws.Cell(r, CumulativeCol).Formula(t == 0 ? $"E{r}" : $"F{r - 1}+E{r}", Xl.MoneyFormat);
            ws.Cell(r, PaidBackCol).Formula($"IF(ROUND(F{r},6)>=0,1,0)", Xl.YesNoFormat);
            ws.Cell(r, YearCol).Text(FinancialYear.Of(ctx.Months[t]).ToString());
            // D(fy(m)) ÷ D(price base), looked up in the deflator table, so that changing price_base restates every real figure.
            if (a.Real is null) ws.Cell(r, IndexCol).Num(1m, "0.000000");
            else ws.Cell(r, IndexCol).Formula($"INDEX({DeflatorIndex},MATCH(H{r},{DeflatorYears},0))/INDEX({DeflatorIndex},MATCH({PriceBase}," +
                $"{DeflatorYears},0))", "0.000000");
            ws.Cell(r, RealAdjCol).Formula($"{Xl.Cell(Appraisal, source, AppraisalSheet.AdjustedCol)}/I{r}", Xl.MoneyFormat);
            ws.Cell(r, RealCostCol).Formula($"D{r}/I{r}", Xl.MoneyFormat);
            ws.Cell(r, RealNetCol).Formula($"J{r}-K{r}", Xl.MoneyFormat);
            ws.Cell(r, DiscountCol).Formula(Xl.Cell(Appraisal, source, 11), "0.000000");
            ws.Cell(r, RealDiscountedCol).Formula($"L{r}*M{r}", Xl.MoneyFormat);
        }
        Xl.TotalRow(ws, monthTotal, 1, RealDiscountedCol, "Total");
        foreach (var c in new[] { CashCol, CostCol, CashNetCol, RealAdjCol, RealCostCol, RealNetCol, RealDiscountedCol })
            ws.Cell(monthTotal, c).Formula(Sum(c, firstMonth, lastMonth), Xl.MoneyFormat);

        // Projected months: the engine's projection, discounted here.
        ws.Cell(projectedHeader - 1, 1).Text(projected.Count == 0 ? "Projected months: none (no appraisal_years, or the period already covers it)"
            : $"Projected months (not measured): each line at its last-12-month mean × (1 − {a.Horizon!.BenefitDropOff}) a year; recurring " +
                $"costs at their last-12-month mean").Style.Font.Bold = true;
        Xl.Header(ws, projectedHeader, 1,
            ["Month", "t (months from the start)", "Projected year k", "Adjusted benefit", "Cashable", "Costs", "Net", "Discount factor",
            "Discounted net", "Discounted real net"]);
        // Projected months are projected from the last observed months, so they stay in the last observed month's prices.
        var lastIndex = a.Real is not null && months > 0 ? $"$I${lastMonth}" : "1";
        for (var j = 0; j < projected.Count; j++)
        {
            var p = projected[j];
            var r = firstProjected + j;
            ws.Cell(r, 1).Text(p.Month.ToString());
            ws.Cell(r, 2).Num(p.MonthIndex);
            ws.Cell(r, 3).Num(p.ProjectedYear);
            ws.Cell(r, 4).Num(p.AdjustedBenefit, Xl.MoneyFormat);
            ws.Cell(r, 5).Num(p.Cashable, Xl.MoneyFormat);
            ws.Cell(r, 6).Num(p.Costs, Xl.MoneyFormat);
            ws.Cell(r, 7).Formula($"D{r}-F{r}", Xl.MoneyFormat);
            ws.Cell(r, 8).Formula($"1/(1+discount_rate)^INT(B{r}/12)", "0.000000");
            ws.Cell(r, 9).Formula($"G{r}*H{r}", Xl.MoneyFormat);
            ws.Cell(r, 10).Formula($"I{r}/{lastIndex}", Xl.MoneyFormat);
        }
        Xl.TotalRow(ws, projectedTotal, 1, 10, "Total");
        foreach (var c in new[] { 4, 5, 6, 7, 9, 10 }) ws.Cell(projectedTotal, c).Formula(Sum(c, firstProjected, lastProjected), Xl.MoneyFormat);

        WriteSwitching(ctx, ws, a, switchingHeader);
        var foot = (ws.LastRowUsed()?.RowNumber() ?? 1) + 4;
        if (a.Real is { } series) WriteDeflators(ctx, ws, series.DeflatorSource, series.Series, foot);
        // Real terms withheld (the price base is outside the series) while costs are uprated: the Prices sheet still needs the table.
        else if (PricesSheet.Needed(ctx) && ctx.Units.Select(u => u.Assumptions.Deflators).FirstOrDefault(d => d is not null) is { } d)
            WriteDeflators(ctx, ws, d.Release, [.. d.Years.Select(y => new DeflatorYear(y.ToString(), d.Of(y)!.Value))], foot);
        ws.SheetView.FreezeRows(0);
        // The second column wide enough for the payback value "not within the period" (bold), which ran into the third at 18, and
        // the fifth for a switching value's "none in range" in Welsh ("dim o fewn yr ystod"), cut at 14.
        Xl.Widths(ws, 34, 24, 70, 14, 18, 16, 14, 12, 14, 16, 14, 14, 12, 16);
    }

    /// <summary>
    /// The GDP deflator series as a named table (deflator_years, deflator_index), which the month-by-month price
    /// index looks up; its release is named above it.
    /// </summary>
    private static void WriteDeflators(WorkbookContext ctx, IXLWorksheet ws, string source, IReadOnlyList<DeflatorYear> series, int header)
    {
        ws.Cell(header - 1, DeflatorYearCol).Text($"GDP deflators: {source}").Style.Font.Bold = true;
        Xl.Header(ws, header, DeflatorYearCol, ["Financial year", "GDP deflator"]);
        var row = header;
        foreach (var year in series)
        {
            row++;
            ws.Cell(row, DeflatorYearCol).Text(year.FinancialYear);
            ws.Cell(row, DeflatorIndexCol).Num(year.Deflator, "0.000###");
        }
        if (row == header) return;
        Xl.Name(ctx.Workbook, DeflatorYears, ws.Range(header + 1, DeflatorYearCol, row, DeflatorYearCol),
            "Financial years of the GDP deflator series");
        Xl.Name(ctx.Workbook, DeflatorIndex, ws.Range(header + 1, DeflatorIndexCol, row, DeflatorIndexCol), $"GDP deflators: {source}");
    }

    /// <summary>
    /// Switching values: assumed (the named assumption), the engine's NPV change per unit of the input, and
    /// the value at which the appraisal NPV is zero, solved as assumed − NPV ÷ (NPV per unit).
    /// </summary>
    private static void WriteSwitching(WorkbookContext ctx, IXLWorksheet ws, AppraisalFigures a, int header)
    {
        ws.Cell(header - 1, 1).Text("Switching values: the value of each input at which the appraisal NPV is zero, all else as assumed")
            .Style.Font.Bold = true;
        Xl.Header(ws, header, 1,
            ["Input", "Key in the assumptions file", "Assumed", "NPV change per unit (engine)", "Switching value", "Change from assumed"]);
        var row = header;
        foreach (var s in a.SwitchingValues)
        {
            row++;
            ws.Cell(row, 1).Text(s.Label);
            ws.Cell(row, 2).Text(s.Input);
            var name = AssumedName(ctx, s.Input);
            if (name is not null) ws.Cell(row, 3).Formula(name, "0.00####"); else ws.Cell(row, 3).Num(s.Assumed, "0.00####");
            ws.Cell(row, 4).Num(s.NpvPerUnit, Xl.MoneyFormat);
            var (low, high) = InputKeys.ValidRange(s.Input);
            var value = $"C{row}-{AppraisalNpv}/D{row}";
            // Rounded to nine places for the range test, so that floating-point dust at an end of the range
            // (a deadweight of exactly 1) cannot turn the engine's value into "none in range".
            var rounded = $"ROUND({value},9)";
            var outside = high is { } h
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"OR({rounded}<{low},{rounded}>{h})")
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{rounded}<{low}");
            ws.Cell(row, 5).Formula($"IF(D{row}=0,\"none in range\",IF({outside},\"none in range\",{value}))", "0.00####");
            ws.Cell(row, 6).Formula($"IF(ISNUMBER(E{row}),IF(C{row}=0,\"n/a\",(E{row}-C{row})/C{row}),\"n/a\")", Xl.PercentFormat);
        }
        if (row > header) Xl.Table(ws, "SwitchingTable", header, 1, row, 6);
    }

    /// <summary>The workbook name holding an input's assumed value, where the Assumptions sheet has one.</summary>
    private static string? AssumedName(WorkbookContext ctx, string input)
    {
        // A consortium's Assumptions sheet names none of these: each member's own workbook holds its values.
        if (ctx.Result.Scope.Kind == ScopeKind.Consortium) return null;
        var a = ctx.Result.Assumptions;
        if (input.StartsWith(InputKeys.UnitCostPrefix, StringComparison.Ordinal))
        {
            var channel = input[InputKeys.UnitCostPrefix.Length..];
            return ctx.ChannelList.Contains(channel) && a.UnitCosts.ContainsKey(channel) ? UnitCost(channel) : null;
        }
        if (input.StartsWith(InputKeys.HourlyGradePrefix, StringComparison.Ordinal))
        {
            var grade = input[InputKeys.HourlyGradePrefix.Length..];
            return a.HourlyCostByGrade.ContainsKey(grade) ? HourlyCost(grade) : null;
        }
        return input switch
        {
            InputKeys.HourlyDefault => "hourly_cost_default",
            InputKeys.Deadweight => "deadweight",
            InputKeys.Attribution => "attribution",
            InputKeys.OptimismBias => "optimism_bias",
            InputKeys.OptimismBiasCosts => "optimism_bias_costs",
            _ => null,
        };
    }
}
