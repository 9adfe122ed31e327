using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// "Counterfactual" (issue 17): per service of a council, each method's estimate (or why it was
/// refused), the model in a sentence, and the monthly observed and projected offline transactions as
/// values (they come from a fitted model, not from a formula a spreadsheet could hold). The estimate
/// the report reads by (peers where estimated, else the time series) is a named cell,
/// <c>estimated_deadweight_SERVICE</c>; where the file said <c>"deadweight": "estimated"</c>, the
/// service's deadweight on the Assumptions sheet is a formula pointing at it, and any other
/// deadweight cell can be pointed at it the same way.
/// </summary>
internal static class CounterfactualSheet
{
    public const string SheetName = "Counterfactual";

    /// <summary>The named cell of a service's estimated deadweight: estimated_deadweight_garden_waste.</summary>
    public static string Name(string service) => "estimated_deadweight_" + ReportUnits.NamePart(service);

    /// <summary>The services with a named estimate, so that the Assumptions sheet can point at them.</summary>
    public static bool HasName(SavingsResult r, string service) =>
        r.Scope.Kind != ScopeKind.Consortium && CounterfactualEstimate.Preferred(r.Counterfactual.Where(e => e.Service == service)) is not null;

    public static void Write(WorkbookContext ctx)
    {
        var r = ctx.Result;
        var ws = ctx.Sheet(SheetName);
        ws.Cell(1, 1).Text("Would it have happened anyway? Counterfactual estimates of deadweight (docs/method.md, \"Reading the estimates\")")
            .Style.Font.Bold = true;
        ws.Cell(2, 1).Text("Monthly figures are values from the fitted model, not formulas. " +
                           "The named cell estimated_deadweight_SERVICE holds the estimate the report reads by " +
                           "(the comparison with peers where it gave one, else the council's own time series); " +
                           "point a deadweight cell at it to use it.");
        var row = 4;
        Xl.Header(ws, row, 1, ["Service", "Method", "Estimated deadweight", "Deadweight 95% low", "Deadweight 95% high", "Assumed deadweight",
            "Change in offline transactions", "Change 95% low", "Change 95% high", "Months before", "Months after",
            "Named cell / reason not estimated"]);
        var summaryHeader = row;
        foreach (var e in r.Counterfactual.OrderBy(e => e.Service, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal))
        {
            row++;
            ws.Cell(row, 1).Text(e.Service);
            ws.Cell(row, 2).Text(e.Method);
            ws.Cell(row, 6).Num(e.AssumedDeadweight, Xl.FractionFormat);
            ws.Cell(row, 10).Num(e.MonthsBefore, Xl.CountFormat);
            ws.Cell(row, 11).Num(e.MonthsAfter, Xl.CountFormat);
            if (e.Refused is { } reason)
            {
                ws.Cell(row, 12).Text("not estimated: " + reason);
                continue;
            }
            ws.Cell(row, 3).Num(e.EstimatedDeadweight!.Value, Xl.FractionFormat);
            ws.Cell(row, 4).Num(e.DeadweightCi95!.Low, Xl.FractionFormat);
            ws.Cell(row, 5).Num(e.DeadweightCi95.High, Xl.FractionFormat);
            ws.Cell(row, 7).Num(e.EffectTransactions!.Value, Xl.OneDecimalFormat);
            ws.Cell(row, 8).Num(e.EffectCi95!.Low, Xl.OneDecimalFormat);
            ws.Cell(row, 9).Num(e.EffectCi95.High, Xl.OneDecimalFormat);
            var preferred = r.Scope.Kind != ScopeKind.Consortium
                && ReferenceEquals(
                    CounterfactualEstimate.Preferred(r.Counterfactual.Where(x => x.Service == e.Service && x.Council == e.Council)), e);
            if (preferred)
            {
                Xl.Name(ctx.Workbook, Name(e.Service), ws.Range(row, 3, row, 3), $"Estimated deadweight of {e.Service} ({e.MethodName})");
                ws.Cell(row, 3).Style.Fill.BackgroundColor = Xl.OverrideFill;
                ws.Cell(row, 12).Text(Name(e.Service) + (e.DeadweightNote is { } note ? ". " + note : ""));
            }
            else if (e.DeadweightNote is { } note) ws.Cell(row, 12).Text(note);
        }
        Xl.Table(ws, "CounterfactualTable", summaryHeader, 1, row, 12);
        var summaryLast = row;

        // The monthly series of each estimate, one block after another.
        foreach (var e in r.Counterfactual.Where(e => e.Refused is null).OrderBy(e => e.Service, StringComparer.Ordinal)
            .ThenBy(e => e.Method, StringComparer.Ordinal))
        {
            row += 3;
            ws.Cell(row, 1).Text($"{e.Service}, {e.MethodName}").Style.Font.Bold = true;
            ws.Cell(++row, 1).Text("Model: " + e.Model);
            ws.Cell(++row, 1).Text("Resampled: " + e.Resampling);
            Xl.Header(ws, ++row, 1, ["Month", "Observed offline", "Projected offline", "95% band low", "95% band high", "After go-live"]);
            foreach (var m in e.Months)
            {
                row++;
                ws.Cell(row, 1).Text(m.Month.ToString());
                ws.Cell(row, 2).Num(m.Observed, Xl.CountFormat);
                ws.Cell(row, 3).Num(m.Projected, Xl.OneDecimalFormat);
                if (m.Low is { } lo) ws.Cell(row, 4).Num(lo, Xl.OneDecimalFormat);
                if (m.High is { } hi) ws.Cell(row, 5).Num(hi, Xl.OneDecimalFormat);
                ws.Cell(row, 6).Num(m.AfterGoLive ? 1 : 0, Xl.YesNoFormat);
            }
        }
        // Each heading's longest word on one line ("Deadweight" broke as "Deadweigh t" at 10), Welsh's too ("amcangyfrifwyd").
        Xl.Widths(ws, 22, 12, 14, 13, 13, 14, 16, 12, 12, 10, 10, 60);
        ws.Column(12).Style.Alignment.WrapText = true;
        // Each estimate's row tall enough for its wrapped method, name or reason, which overprinted the rows below in one-line rows.
        for (var fit = summaryHeader + 1; fit <= summaryLast; fit++) SavingsWorkbook.FitWrapped(ws, fit, 2, 12);
    }
}
