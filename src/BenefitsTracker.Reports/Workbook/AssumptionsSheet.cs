using BenefitsTracker.Core.Domain;
using BenefitsTracker.Reports.Formatting;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// Every rate and unit cost as a workbook-scoped name. Top-level values first; then each service's
/// values, which are formulas pointing at the top-level name unless the service overrides them
/// (shaded), so that changing one top-level value recalculates every service that uses it.
/// </summary>
internal static class AssumptionsSheet
{
    public static void Write(WorkbookContext ctx)
    {
        var ws = ctx.Sheet(Assumptions);
        var a = ctx.Result.Assumptions;
        var wb = ctx.Workbook;
        Xl.Header(ws, 1, 1, ["Name", "Value", "What it means"]);
        var row = 2;

        void Add(string name, Action<IXLCell> set, string meaning)
        {
            ws.Cell(row, 1).Text(name);
            set(ws.Cell(row, 2));
            ws.Cell(row, 3).Text(meaning);
            Xl.Name(wb, name, ws.Range(row, 2, row, 2), meaning);
            row++;
        }

        foreach (var ch in ctx.ChannelList.Where(a.UnitCosts.ContainsKey))
            Add(UnitCost(ch), c => c.Num(a.UnitCosts[ch], Xl.RateFormat),
                $"Cost per transaction on the {Fmt.Channel(ch).ToLowerInvariant()} channel (£)");
        Add("hourly_cost_default", c => c.Num(a.HourlyCostDefault, Xl.MoneyFormat),
            "Officer hourly cost, salary plus on-costs, where no grade rate applies (£)");
        foreach (var (grade, cost) in a.HourlyCostByGrade.OrderBy(g => g.Key, StringComparer.Ordinal))
            Add(HourlyCost(grade), c => c.Num(cost, Xl.MoneyFormat), $"Officer hourly cost for grade {grade} (£)");
        foreach (var (name, _, year, meaning) in PricesSheet.TopLevelPriceYears(ctx))
            Add(name, c => c.Text(year.ToString()), meaning);
        Add("deadweight", c => c.Num(a.Adjustments.Deadweight, Xl.FractionFormat), "Share of the benefit that would have happened anyway");
        Add("attribution", c => c.Num(a.Adjustments.Attribution, Xl.FractionFormat), "Share of the benefit due to this service");
        Add("optimism_bias", c => c.Num(a.Adjustments.OptimismBias, Xl.FractionFormat), "Optimism bias correction");
        Add("adjustment_factor", c => c.Formula("(1-deadweight)*attribution*(1-optimism_bias)", Xl.FractionFormat),
            "(1 − deadweight) × attribution × (1 − optimism bias)");
        Add("optimism_bias_costs", c => c.Num(ctx.Result.Appraisal?.OptimismBiasCosts ?? 0m, Xl.FractionFormat),
            "Optimism bias on costs: every month's cost is multiplied by 1 + this (Green Book)");
        Add("discount_rate", c => c.Num(a.DiscountRate, Xl.FractionFormat), "Annual discount rate for the NPV (Green Book)");
        foreach (var line in BenefitLines.All.Where(l => l != BenefitLine.AvoidableContact))
            Add(CashableFlag(line), c => c.Num(a.Cashable.GetValueOrDefault(line) ? 1 : 0, Xl.YesNoFormat),
                $"1 if {line.Title().ToLowerInvariant()} counts as cashable");
        Add(CashableFlag(BenefitLine.AvoidableContact), c => c.Formula(CashableFlag(BenefitLine.ChannelShift), Xl.YesNoFormat),
            "Avoidable contact takes the cashability of channel shift");
        ws.Cell(row, 1).Text("digital_channels");
        ws.Cell(row, 2).Text(string.Join(", ", a.DigitalChannels));
        ws.Cell(row, 3).Text("Channels counted as digital");
        row++;
        ws.Cell(row, 1).Text("suppression_threshold");
        ws.Cell(row, 2).Num(a.SuppressionThreshold);
        ws.Cell(row, 3).Text("Counts below this are shown as <N in outputs shared beyond one council");
        Xl.Table(ws, "AssumptionsTable", 1, 1, row, 3);

        row += 3;
        row = WriteServices(ctx, ws, row);
        row += 3;
        WriteGrades(ctx, ws, row);
        Xl.Widths(ws, 34, 16, 70);
        for (var c = 4; c <= 60; c++) ws.Column(c).Width = 14;
        ws.Column(2).Width = 16;
    }

    private static int WriteServices(WorkbookContext ctx, IXLWorksheet ws, int headerRow)
    {
        var a = ctx.Result.Assumptions;
        var wb = ctx.Workbook;
        var channels = ctx.ChannelList;
        ws.Cell(headerRow - 1, 1).Text("Per service (shaded where the service overrides the value above)").Style.Font.Bold = true;
        var headers = new List<string> { "Council", "Service", "Go-live", "Baseline from", "Baseline to" };
        headers.AddRange(channels.Select(ch => "Unit cost: " + Fmt.Channel(ch)));
        headers.AddRange(channels.Select(ch => "Digital: " + Fmt.Channel(ch)));
        headers.AddRange(["Hourly cost (default)", "Deadweight", "Attribution", "Optimism bias", "Adjustment factor"]);
        headers.AddRange(BenefitLines.All.Select(l => "Counts: " + l.Title()));
        headers.AddRange(BenefitLines.All.Select(l => "Cashable: " + l.Title()));
        Xl.Header(ws, headerRow, 1, headers);

        var row = headerRow;
        foreach (var u in ctx.Units)
        {
            row++;
            var sa = u.Assumptions;
            ws.Cell(row, 1).Text(u.Council);
            ws.Cell(row, 2).Text(u.Service);
            ws.Cell(row, 3).Text(sa.GoLive ?? "not launched");
            ws.Cell(row, 4).Text(sa.BaselineFrom.ToString());
            ws.Cell(row, 5).Text(sa.BaselineTo.ToString());
            var col = 6;
            var firstCost = col;
            foreach (var ch in channels)
            {
                var cell = ws.Cell(row, col);
                if (sa.UnitCosts.TryGetValue(ch, out var cost)) Linked(cell, cost, a.UnitCosts.TryGetValue(ch, out var top) ? top : null,
                    UnitCost(ch), Xl.RateFormat);
                else if (a.UnitCosts.ContainsKey(ch)) cell.Formula(UnitCost(ch), Xl.RateFormat);
                Xl.Name(wb, UnitName(u, UnitCost(ch)), ws.Range(row, col, row, col));
                col++;
            }
            Xl.Name(wb, UnitName(u, "unit_costs"), ws.Range(row, firstCost, row, col - 1));
            var firstDigital = col;
            foreach (var ch in channels)
            {
                ws.Cell(row, col).Num(sa.DigitalChannels.Contains(ch) ? 1 : 0, Xl.YesNoFormat);
                Xl.Name(wb, UnitName(u, DigitalFlag(ch)), ws.Range(row, col, row, col));
                col++;
            }
            Xl.Name(wb, UnitName(u, "digital_flags"), ws.Range(row, firstDigital, row, col - 1));

            NamedLinked(ctx, ws, u, row, col++, "hourly_cost_default", sa.HourlyCostDefault, a.HourlyCostDefault, Xl.MoneyFormat);
            if (sa.DeadweightEstimated && sa.DeadweightSource?.StartsWith("estimated", StringComparison.Ordinal) == true
                && CounterfactualSheet.HasName(ctx.Result, u.Service))
            {
                // "deadweight": "estimated": the cell points at the estimate on the Counterfactual sheet.
                ws.Cell(row, col).Formula(CounterfactualSheet.Name(u.Service), Xl.FractionFormat).Style.Fill.BackgroundColor = Xl.OverrideFill;
                Xl.Name(wb, UnitName(u, "deadweight"), ws.Range(row, col, row, col));
                col++;
            }
            else NamedLinked(ctx, ws, u, row, col++, "deadweight", sa.Adjustments.Deadweight, a.Adjustments.Deadweight, Xl.FractionFormat);
            NamedLinked(ctx, ws, u, row, col++, "attribution", sa.Adjustments.Attribution, a.Adjustments.Attribution, Xl.FractionFormat);
            NamedLinked(ctx, ws, u, row, col++, "optimism_bias", sa.Adjustments.OptimismBias, a.Adjustments.OptimismBias, Xl.FractionFormat);
            ws.Cell(row, col)
                .Formula($"(1-{UnitName(u, "deadweight")})*{UnitName(u, "attribution")}*(1-{UnitName(u, "optimism_bias")})", Xl.FractionFormat);
            Xl.Name(wb, UnitName(u, "adjustment_factor"), ws.Range(row, col, row, col));
            col++;
            foreach (var line in BenefitLines.All)
            {
                ws.Cell(row, col).Num(sa.Lines.Contains(line) ? 1 : 0, Xl.YesNoFormat);
                Xl.Name(wb, UnitName(u, LineFlag(line)), ws.Range(row, col, row, col));
                col++;
            }
            foreach (var line in BenefitLines.All)
            {
                var cell = ws.Cell(row, col);
                if (line == BenefitLine.AvoidableContact) cell.Formula(UnitName(u, CashableFlag(BenefitLine.ChannelShift)), Xl.YesNoFormat);
                else
                {
                    var mine = sa.Cashable.GetValueOrDefault(line) ? 1m : 0m;
                    var top = a.Cashable.GetValueOrDefault(line) ? 1m : 0m;
                    Linked(cell, mine, top, CashableFlag(line), Xl.YesNoFormat);
                }
                Xl.Name(wb, UnitName(u, CashableFlag(line)), ws.Range(row, col, row, col));
                col++;
            }
        }
        Xl.Table(ws, "ServiceAssumptionsTable", headerRow, 1, row, headers.Count);
        if (row > headerRow)
        {
            var firstCashable = headers.Count - BenefitLines.All.Count + 1;
            for (var i = 0; i < BenefitLines.All.Count; i++)
                ctx.CashableFlagRange[BenefitLines.All[i]] = Xl.Range(Assumptions, headerRow + 1, firstCashable + i, row, firstCashable + i);
        }
        return row;
    }

    private static void WriteGrades(WorkbookContext ctx, IXLWorksheet ws, int headerRow)
    {
        var a = ctx.Result.Assumptions;
        ws.Cell(headerRow - 1, 1).Text("Officer hourly cost by grade, per service").Style.Font.Bold = true;
        Xl.Header(ws, headerRow, 1, ["Council", "Service", "Grade", "Hourly cost"]);
        var row = headerRow;
        foreach (var u in ctx.Units)
            foreach (var (grade, cost) in u.Assumptions.HourlyCostByGrade.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                row++;
                ws.Cell(row, 1).Text(u.Council);
                ws.Cell(row, 2).Text(u.Service);
                ws.Cell(row, 3).Text(grade);
                Linked(ws.Cell(row, 4), cost, a.HourlyCostByGrade.TryGetValue(grade, out var top) ? top : null, HourlyCost(grade), Xl.MoneyFormat);
                Xl.Name(ctx.Workbook, UnitName(u, HourlyCost(grade)), ws.Range(row, 4, row, 4));
            }
        Xl.Table(ws, "GradeCostsTable", headerRow, 1, row, 4);
    }

    private static void NamedLinked(WorkbookContext ctx, IXLWorksheet ws, ReportUnit u, int row, int col, string name, decimal mine,
        decimal top, string format)
    {
        Linked(ws.Cell(row, col), mine, top, name, format);
        Xl.Name(ctx.Workbook, UnitName(u, name), ws.Range(row, col, row, col));
    }

    /// <summary>A service value: a formula pointing at the top-level name when equal, else the override, shaded.</summary>
    private static void Linked(IXLCell cell, decimal mine, decimal? top, string topName, string format)
    {
        if (top == mine) cell.Formula(topName, format);
        else
        {
            cell.Num(mine, format);
            cell.Style.Fill.BackgroundColor = Xl.OverrideFill;
        }
    }
}
