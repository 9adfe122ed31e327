using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Reports.Formatting;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// Costs given in the prices of a price year (METHOD.md v2, Real prices), uprated to the prices of each financial year
/// the figures value: one row per service and year, each cell the cost as assumed × D(year) ÷ D(price year), looked up
/// in the Green Book sheet's deflator table, with the price year as a named assumption. The month-by-month sheets
/// (Monthly, Officer time, Avoidable contact, KPIs) use these names where a service has such a cost, so changing a
/// price year, a deflator or a cost restates every figure. Only written when some cost has a price year; without one the
/// workbook is as before.
/// </summary>
internal static class PricesSheet
{
    public const string SheetName = "Prices";

    /// <summary>Whether any service's costs are uprated: a cost has a price year and a deflator series was supplied.</summary>
    public static bool Needed(WorkbookContext ctx) => ctx.Units.Any(Uprates);

    /// <summary>Whether <paramref name="u"/>'s costs are uprated (then its month-by-month formulas use this sheet's names).</summary>
    public static bool Uprates(ReportUnit u) => Prices.Uprates(u.Assumptions.PriceYears, u.Assumptions.Deflators);

    /// <summary>The name of the top-level price year of a cost ("price_year_unit_cost_phone").</summary>
    public static string PriceYearName(string costName) => "price_year_" + costName;

    /// <summary>The financial years the sheets value months in: the period's and, for the KPIs, the year before, as far as the series goes.</summary>
    public static IReadOnlyList<FinancialYear> Years(WorkbookContext ctx, DeflatorSeries series) =>
        [.. Month.Range(ctx.Result.Request.From.AddMonths(-12), ctx.Result.Request.To).Select(FinancialYear.Of).Distinct()
            .Where(y => series.Of(y) is not null).Order()];

    private static string Part(FinancialYear year) => year.ToString().Replace('-', '_');

    /// <summary>
    /// The name of a per-service cost (<paramref name="costName"/>: "unit_cost_web", "hourly_cost_default") in the prices of
    /// <paramref name="month"/>: the uprated one where the service's costs are uprated, else the cost as assumed.
    /// </summary>
    public static string CostIn(ReportUnit u, string costName, Month month) =>
        Uprates(u) && u.Assumptions.Deflators!.Of(FinancialYear.Of(month)) is not null
            ? UnitName(u, costName + "_" + Part(FinancialYear.Of(month)))
            : UnitName(u, costName);

    /// <summary>The row of a service's unit costs in the prices of <paramref name="month"/> (for SUMPRODUCTs over volumes).</summary>
    public static string UnitCostsIn(ReportUnit u, Month month) => CostIn(u, "unit_costs", month);

    /// <summary>A cost's value in <paramref name="month"/>'s prices, as the engine valued it.</summary>
    public static decimal ValueIn(ReportUnit u, string inputKey, decimal asAssumed, Month month) =>
        asAssumed * Prices.Factor(u.Assumptions.PriceYears, u.Assumptions.Deflators, inputKey, month);

    /// <summary>The price-year names on the Assumptions sheet: one per top-level cost that has a price year.</summary>
    public static IEnumerable<(string Name, string Key, FinancialYear Year, string Meaning)> TopLevelPriceYears(WorkbookContext ctx)
    {
        var a = ctx.Result.Assumptions;
        if (!Needed(ctx)) yield break;
        foreach (var ch in ctx.ChannelList.Where(a.UnitCosts.ContainsKey))
            if (a.PriceYears.TryGetValue(InputKeys.UnitCost(ch), out var y))
                yield return (PriceYearName(UnitCost(ch)), InputKeys.UnitCost(ch), y,
                    $"The {Fmt.Channel(ch).ToLowerInvariant()} unit cost is in {y} prices: uprated to each year's prices on the Prices sheet");
        if (a.HasHourlyCostDefault && a.PriceYears.TryGetValue(InputKeys.HourlyDefault, out var d))
            yield return (PriceYearName("hourly_cost_default"), InputKeys.HourlyDefault, d,
                $"The default hourly cost is in {d} prices: uprated to each year's prices on the Prices sheet");
        foreach (var grade in a.HourlyCostByGrade.Keys.Order(StringComparer.Ordinal))
            if (a.PriceYears.TryGetValue(InputKeys.HourlyGrade(grade), out var g))
                yield return (PriceYearName(HourlyCost(grade)), InputKeys.HourlyGrade(grade), g,
                    $"Grade {grade}'s hourly cost is in {g} prices: uprated to each year's prices on the Prices sheet");
    }

    public static void Write(WorkbookContext ctx)
    {
        if (!Needed(ctx)) return;
        var ws = ctx.Sheet(SheetName);
        var wb = ctx.Workbook;
        var top = ctx.Result.Assumptions;
        var channels = ctx.ChannelList;
        var grades = ctx.Units.SelectMany(u => u.Assumptions.HourlyCostByGrade.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        ws.Cell(1, 1).Text("Unit and hourly costs in each financial year's prices").Style.Font.SetBold();
        ws.Cell(2, 1).Text("A cost given with a price year is uprated to the prices of the months it values: cost × D(year) ÷ D(price year), " +
            "D being the GDP deflator (the table at the foot of the Green Book sheet). A cost without a price year is the same in every year. " +
            "Change a price year or a cost on the Assumptions sheet and every figure follows.");
        const int headerRow = 4;
        var headers = new List<string> { "Council", "Service", "Financial year" };
        headers.AddRange(channels.Select(ch => "Unit cost: " + Fmt.Channel(ch)));
        headers.Add("Hourly cost (default)");
        headers.AddRange(grades.Select(g => "Hourly cost: " + g));
        Xl.Header(ws, headerRow, 1, headers);

        var row = headerRow;
        foreach (var u in ctx.Units.Where(Uprates))
        {
            var sa = u.Assumptions;
            foreach (var year in Years(ctx, sa.Deflators!))
            {
                row++;
                ws.Cell(row, 1).Text(u.Council);
                ws.Cell(row, 2).Text(u.Service);
                ws.Cell(row, 3).Text(year.ToString());
                var col = 4;
                string Factor(string key, string costName) =>
                    !sa.PriceYears.TryGetValue(key, out var py) ? ""
                    : $"*INDEX(deflator_index,MATCH($C{row},deflator_years,0))/INDEX(deflator_index,MATCH(" +
                      (top.PriceYears.TryGetValue(key, out var topYear) && topYear == py ? PriceYearName(costName) : $"\"{py}\"") +
                      ",deflator_years,0))";
                void Cost(string key, string costName, decimal? value, string format)
                {
                    var cell = ws.Cell(row, col);
                    if (value is not null)
                    {
                        cell.Formula(UnitName(u, costName) + Factor(key, costName), format);
                        Xl.Name(wb, UnitName(u, costName + "_" + Part(year)), ws.Range(row, col, row, col));
                    }
                    col++;
                }
                var first = col;
                foreach (var ch in channels)
                    Cost(InputKeys.UnitCost(ch), UnitCost(ch), sa.UnitCosts.TryGetValue(ch, out var c) ? c : null, Xl.UnitRateFormat);
                Xl.Name(wb, UnitName(u, "unit_costs_" + Part(year)), ws.Range(row, first, row, col - 1));
                Cost(InputKeys.HourlyDefault, "hourly_cost_default", sa.HasHourlyCostDefault ? sa.HourlyCostDefault : null, Xl.UnitRateFormat);
                foreach (var g in grades)
                    Cost(InputKeys.HourlyGrade(g), HourlyCost(g), sa.HourlyCostByGrade.TryGetValue(g, out var h) ? h : null, Xl.UnitRateFormat);
            }
        }
        Xl.Table(ws, "PricesTable", headerRow, 1, row, headers.Count);
        // The note wraps over the table's width rather than stretching the printed page.
        var note = ws.Range(2, 1, 2, Math.Max(headers.Count, 6));
        note.Merge();
        note.Style.Alignment.WrapText = true;
        note.Style.Alignment.Vertical = ClosedXML.Excel.XLAlignmentVerticalValues.Top;
        ws.Row(2).Height = 60;
        ws.Row(headerRow).Height = 30;
        ws.SheetView.FreezeRows(headerRow);
        Xl.Widths(ws, 12, 24, 12);
        for (var c = 4; c <= headers.Count; c++) ws.Column(c).Width = 14;
    }
}
