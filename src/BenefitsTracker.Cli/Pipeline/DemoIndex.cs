using System.Net;
using System.Text;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Cli.Pipeline;

/// <summary>index.html of the demo: one accessible page linking every report, with its headline figures.</summary>
public static class DemoIndex
{
    public static void Write(string path, ReportRequest request, IReadOnlyList<(SavingsResult Result, string Folder)> reports)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.Append("<title>BenefitsTracker demo reports</title>\n");
        b.Append("<style>body{font-family:system-ui,Arial,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#0b0c0c;line-height:1.5}" +
                 "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #b1b4b6;padding:.5rem;text-align:left}" +
                 "td.n,th.n{text-align:right}a{color:#1d70b8}a:focus{outline:3px solid #ffdd00;background:#ffdd00;color:#0b0c0c}</style>\n");
        b.Append("</head>\n<body>\n<main>\n<h1>BenefitsTracker demo reports</h1>\n");
        b.Append($"<p>Sample data for four North Wales councils and their consortium, {request.From} to {request.To}. " +
                 "Each report has a web page, a spreadsheet with live formulas, charts and a machine-readable manifest.</p>\n");
        b.Append("<table>\n<caption>Reports and their headline figures</caption>\n<thead><tr><th scope=\"col\">Report</th>" +
                 "<th scope=\"col\" class=\"n\">Adjusted benefit</th><th scope=\"col\" class=\"n\">Costs</th><th scope=\"col\" class=\"n\">Net benefit</th>" +
                 "<th scope=\"col\">Payback</th><th scope=\"col\">Files</th></tr></thead>\n<tbody>\n");
        foreach (var (r, folder) in reports)
        {
            var href = folder.Replace('\\', '/');
            var name = WebUtility.HtmlEncode($"{r.Scope.Name} ({(r.Scope.Kind == ScopeKind.Council ? "council" : "consortium")})");
            b.Append($"<tr><th scope=\"row\"><a href=\"{href}/report.html\">{name}</a></th>");
            b.Append($"<td class=\"n\">{Money.Format(r.Totals.AdjustedBenefit)}</td><td class=\"n\">{Money.Format(r.Totals.Costs)}</td>");
            b.Append($"<td class=\"n\">{Money.Format(r.Totals.NetBenefit)}</td><td>{r.Totals.PaybackMonth?.ToString() ?? "not yet"}</td>");
            b.Append($"<td><a href=\"{href}/savings.xlsx\">spreadsheet<span class=\"v\"> for {name}</span></a>, " +
                     $"<a href=\"{href}/manifest.json\">manifest<span class=\"v\"> for {name}</span></a></td></tr>\n");
        }
        b.Append("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
        File.WriteAllText(path, b.ToString().Replace("<span class=\"v\">", "<span style=\"position:absolute;left:-9999px\">"), new UTF8Encoding(false));
    }
}
