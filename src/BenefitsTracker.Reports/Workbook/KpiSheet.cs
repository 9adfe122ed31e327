using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// The four service KPIs (GOV.UK Service Manual) as live formulas. The monthly figures are data: each
/// service's completed transactions by channel, its own digital costs, starts and completions where starts
/// were recorded, and satisfaction ratings, for every month of the period and the same month a year
/// earlier. Channel cost and digital transactions are SUMPRODUCTs over the unit's named unit costs and
/// digital flags (Assumptions), each KPI a formula over its row, and the summary at the top sums the months
/// before dividing, then sets each KPI beside its target and a year earlier.
/// </summary>
internal static class KpiSheet
{
    public const string SheetName = "KPIs";
    private const int SummaryHeaderRow = 4;

    public static void Write(WorkbookContext ctx)
    {
        var ws = ctx.Sheet(SheetName);
        var r = ctx.Result;
        var channels = ctx.ChannelList;
        ws.Cell(1, 1).Text($"Service performance: the four KPIs, {r.Scope.Name}").Style.Font.SetBold().Font.SetFontSize(14);
        ws.Cell(2, 1).Text("GOV.UK Service Manual: cost per transaction, digital take-up, completion rate and user satisfaction (ratings of 4 or 5 " +
            "of all ratings). " +
            "Each KPI is a formula over the monthly figures below; the period sums its months before dividing. A month without data is unknown " +
                "(Known = No), not zero. " +
            "Change a unit cost on the Assumptions sheet and cost per transaction follows.");

        Xl.Header(ws, SummaryHeaderRow, 1, ["Service", "KPI", "This period", "Target", "Target met", "Same months a year earlier", "Change"]);
        var summaryRows = r.Kpis.Count * Kpis.All.Count;
        var headerRow = SummaryHeaderRow + summaryRows + 3;

        // The monthly block: fixed columns, then one per channel, then the sums and the KPIs.
        const int cService = 1, cWhen = 2, cMonth = 3, cKnown = 4, cFirstChannel = 5;
        var cTransactions = cFirstChannel + channels.Count;
        int cDigital = cTransactions + 1, cChannelCost = cTransactions + 2, cCosts = cTransactions + 3, cCompleted = cTransactions + 4,
            cStarted = cTransactions + 5, cRatings = cTransactions + 6, cSatisfied = cTransactions + 7, cFirstKpi = cTransactions + 8;
        var headers = new List<string> { "Service", "Months", "Month", "Known" };
        headers.AddRange(channels.Select(ch => "Completed: " + Fmt.Channel(ch)));
        headers.AddRange(["Transactions", "Digital transactions", "Channel cost", "Service's own digital costs", "Completed where starts recorded",
            "Starts recorded", "Ratings", "Ratings of 4 or 5", .. Kpis.All.Select(KpiText.Label)]);
        ws.Cell(headerRow - 1, 1).Text("Monthly figures").Style.Font.SetBold();
        Xl.Header(ws, headerRow, 1, headers);

        var row = headerRow;
        var summary = SummaryHeaderRow;
        foreach (var k in r.Kpis)
        {
            var unit = ctx.Units.First(u => u.Service == k.Service);
            (int First, int Last) Block(bool yearEarlier)
            {
                var first = row + 1;
                foreach (var m in k.Months)
                {
                    row++;
                    var f = yearEarlier ? m.YearEarlier : m.Figures;
                    ws.Cell(row, cService).Text(k.Service);
                    ws.Cell(row, cWhen).Text(yearEarlier ? "A year earlier" : "This period");
                    ws.Cell(row, cMonth).Text((yearEarlier ? m.Month.AddMonths(-12) : m.Month).ToString());
                    ws.Cell(row, cKnown).Num(f is null ? 0 : 1, Xl.YesNoFormat);
                    if (f is null) continue;
                    for (var i = 0; i < channels.Count; i++) ws.Cell(row, cFirstChannel + i).Num(f.ByChannel.GetValueOrDefault(channels[i]));
                    var vols = $"{Xl.Col(cFirstChannel)}{row}:{Xl.Col(cTransactions - 1)}{row}";
                    ws.Cell(row, cTransactions).Formula(channels.Count == 0 ? "0" : $"SUM({vols})", Xl.CountFormat);
                    ws.Cell(row, cDigital)
                        .Formula(channels.Count == 0 ? "0" : $"SUMPRODUCT({vols},{UnitName(unit, "digital_flags")})", Xl.CountFormat);
                    ws.Cell(row, cChannelCost).Formula(channels.Count == 0 ? "0" : $"SUMPRODUCT({vols}," +
                        $"{PricesSheet.UnitCostsIn(unit, yearEarlier ? m.Month.AddMonths(-12) : m.Month)})", Xl.MoneyFormat);
                    ws.Cell(row, cCosts).Num(f.Costs, Xl.MoneyFormat);
                    ws.Cell(row, cCompleted).Num(f.CompletedWhereStarted);
                    ws.Cell(row, cStarted).Num(f.StartedRecorded);
                    ws.Cell(row, cRatings).Num(f.Ratings);
                    ws.Cell(row, cSatisfied).Num(f.Satisfied);
                    string C(int col) => $"{Xl.Col(col)}{row}";
                    KpiFormulas(ws, row, cFirstKpi, C(cTransactions), C(cDigital), C(cChannelCost), C(cCosts), C(cCompleted), C(cStarted),
                        C(cRatings), C(cSatisfied));
                }
                return (first, row);
            }
            var now = Block(yearEarlier: false);
            var before = Block(yearEarlier: true);

            // The summary: the months summed, then divided; a year earlier only when every month of it is known.
            string Sum(int col, (int First, int Last) b) => $"SUM({Xl.Col(col)}{b.First}:{Xl.Col(col)}{b.Last})";
            var summaryFirst = summary + 1;
            foreach (var kpi in Kpis.All)
            {
                summary++;
                ws.Cell(summary, 1).Text(k.Service);
                ws.Cell(summary, 2).Text(KpiText.Label(kpi));
                var format = kpi == Kpi.CostPerTransaction ? Xl.MoneyFormat : Xl.PercentFormat;
                ws.Cell(summary, 3).Formula(KpiFormula(kpi, c => Sum(c, now), cTransactions, cDigital, cChannelCost, cCosts, cCompleted, cStarted,
                    cRatings, cSatisfied), format);
                if (k.Targets?.Of(kpi) is { } target) ws.Cell(summary, 4)
                    .Num(target, kpi == Kpi.CostPerTransaction ? Xl.MoneyFormat : Xl.PercentFormat);
                var better = kpi == Kpi.CostPerTransaction ? "<=" : ">=";
                ws.Cell(summary, 5)
                    .Formula($"IF(C{summary}=\"\",\"\",IF(D{summary}=\"\",\"\",IF(C{summary}{better}D{summary},\"met\",\"not met\")))");
                var complete = $"{Sum(cKnown, before)}={k.Months.Count}";
                ws.Cell(summary, 6).Formula(
                    $"IF({complete},{KpiFormula(kpi, c => Sum(c, before), cTransactions, cDigital, cChannelCost, cCosts, cCompleted, cStarted,
                        cRatings, cSatisfied)},\"\")", format);
                // A cost's change to the penny, so that no change reads £0.00, never +£0.00 (issue 13).
                var change = kpi == Kpi.CostPerTransaction ? $"ROUND(C{summary}-F{summary},2)" : $"C{summary}-F{summary}";
                ws.Cell(summary, 7).Formula($"IF(C{summary}=\"\",\"\",IF(F{summary}=\"\",\"\",{change}))",
                    kpi == Kpi.CostPerTransaction ? Xl.MoneyChangeFormat : Xl.PercentChangeFormat);
            }
            Xl.Name(ctx.Workbook, UnitName(unit, "kpis"), ws.Range(summaryFirst, 3, summary, 3),
                $"{k.Service}: cost per transaction, digital take-up, completion rate and user satisfaction over the period");
        }
        if (r.Kpis.Count == 0) ws.Cell(SummaryHeaderRow + 1, 1).Text("No service has data in the period.");
        ws.SheetView.FreezeRows(SummaryHeaderRow);
        Xl.Widths(ws, 22, 20, 14, 12, 12, 16, 12);
        for (var c = 8; c <= headers.Count; c++) ws.Column(c).Width = 14;
        ws.Row(headerRow).Height = 45;
    }

    /// <summary>The four KPI formulas of one monthly row, blank where there is nothing to divide by.</summary>
    private static void KpiFormulas(IXLWorksheet ws, int row, int col, string tx, string digital, string channelCost, string costs,
        string completed, string started, string ratings, string satisfied)
    {
        ws.Cell(row, col).Formula($"IF({tx}=0,\"\",({channelCost}+{costs})/{tx})", Xl.MoneyFormat);
        ws.Cell(row, col + 1).Formula($"IF({tx}=0,\"\",{digital}/{tx})", Xl.PercentFormat);
        ws.Cell(row, col + 2).Formula($"IF({started}=0,\"\",{completed}/{started})", Xl.PercentFormat);
        ws.Cell(row, col + 3).Formula($"IF({ratings}=0,\"\",{satisfied}/{ratings})", Xl.PercentFormat);
    }

    private static string KpiFormula(Kpi kpi, Func<int, string> sum, int cTx, int cDigital, int cChannelCost, int cCosts, int cCompleted,
        int cStarted, int cRatings, int cSatisfied) => kpi switch
    {
        Kpi.CostPerTransaction => $"IF({sum(cTx)}=0,\"\",({sum(cChannelCost)}+{sum(cCosts)})/{sum(cTx)})",
        Kpi.DigitalTakeUp => $"IF({sum(cTx)}=0,\"\",{sum(cDigital)}/{sum(cTx)})",
        Kpi.CompletionRate => $"IF({sum(cStarted)}=0,\"\",{sum(cCompleted)}/{sum(cStarted)})",
        Kpi.UserSatisfaction => $"IF({sum(cRatings)}=0,\"\",{sum(cSatisfied)}/{sum(cRatings)})",
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, null),
    };
}
