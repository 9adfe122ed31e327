using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>Where the figures came from (METHOD.md, Lineage): data range, input files and hashes, assumptions, software.</summary>
internal static class LineageSheet
{
    public static void Write(WorkbookContext ctx)
    {
        var ws = ctx.Sheet(LineageSheetName);
        var r = ctx.Result;
        var l = r.Lineage;
        Xl.Header(ws, 1, 1, ["Item", "Value"]);
        (string, string)[] items =
        [
            ("Scope", $"{(ctx.IsConsortium ? "Consortium" : "Council")} {r.Scope.Id} ({r.Scope.Name})"),
            ("Period", $"{r.Request.From} to {r.Request.To}"),
            ("Service", r.Request.Service ?? "all services"),
            ("Data range", l.DataFrom is { } f && l.DataTo is { } t ? $"{f} to {t}" : "no data"),
            ("Assumptions version", l.AssumptionsVersion),
            ("Assumptions SHA-256", l.AssumptionsSha256),
            ("Software version", l.SoftwareVersion),
            ("Method", "METHOD.md v1 (docs/reports.md explains how to audit a figure)"),
        ];
        var row = 1;
        foreach (var (k, v) in items)
        {
            row++;
            ws.Cell(row, 1).Text(k);
            ws.Cell(row, 2).Text(v);
        }
        var header = row + 3;
        ws.Cell(header - 1, 1).Text("Input files").Style.Font.Bold = true;
        Xl.Header(ws, header, 1, ["File", "SHA-256", "Rows accepted", "Rows rejected"]);
        row = header;
        foreach (var input in l.Inputs)
        {
            row++;
            ws.Cell(row, 1).Text(input.File);
            ws.Cell(row, 2).Text(input.Sha256);
            ws.Cell(row, 3).Num(input.Accepted);
            ws.Cell(row, 4).Num(input.Rejected);
        }
        Xl.Table(ws, "InputsTable", header, 1, row, 4);
        Xl.Widths(ws, 40, 70, 14, 14);
    }
}
