using System.Net;
using System.Text;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;

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
                 "td.n,th.n{text-align:right;white-space:nowrap}.scroll{overflow-x:auto;max-width:100%}.scroll:focus{outline:3px solid " +
                 "#ffdd00}a{color:#1d70b8}a:focus{outline:3px solid #ffdd00;background:#ffdd00;color:#0b0c0c}</style>\n");
        b.Append("</head>\n<body>\n<main>\n<h1>BenefitsTracker demo reports</h1>\n");
        b.Append($"<p>Sample data for four North Wales councils and their consortium, {Fmt.Period(request.From, request.To)}. " +
                 "Each report has a web page, a spreadsheet with live formulas, charts and a machine-readable manifest.</p>\n");
        // A wide table scrolls inside its own region, never the page (a phone is 390 px wide).
        b.Append("<div class=\"scroll\" role=\"region\" aria-labelledby=\"reports-caption\" tabindex=\"0\">\n");
        b.Append("<table>\n<caption id=\"reports-caption\">Reports and their headline figures</caption>\n<thead><tr><th scope=\"col\">Report</th>" +
                 "<th scope=\"col\" class=\"n\">Adjusted benefit</th><th scope=\"col\" class=\"n\">Costs</th><th scope=\"col\" " +
                 "class=\"n\">Net benefit</th>" +
                 "<th scope=\"col\">Payback</th><th scope=\"col\">Files</th></tr></thead>\n<tbody>\n");
        foreach (var (r, folder) in reports)
        {
            var href = folder.Replace('\\', '/');
            var name = WebUtility.HtmlEncode($"{r.Scope.Name} ({(r.Scope.Kind == ScopeKind.Council ? "council" : "consortium")})");
            b.Append($"<tr><th scope=\"row\"><a href=\"{href}/report.html\">{name}</a></th>");
            // As the reports write them: money with a true minus, payback as "April 2024".
            b.Append($"<td class=\"n\">{Fmt.Money(r.Totals.AdjustedBenefit)}</td><td class=\"n\">{Fmt.Money(r.Totals.Costs)}</td>");
            b.Append($"<td class=\"n\">{Fmt.Money(r.Totals.NetBenefit)}</td><td>{(r.Totals.PaybackMonth is { } pm ? Fmt.MonthLong(pm) : "not within the period")}</td>");
            b.Append($"<td><a href=\"{href}/savings.xlsx\">spreadsheet<span class=\"v\"> for {name}</span></a>, " +
                     $"<a href=\"{href}/manifest.json\">manifest<span class=\"v\"> for {name}</span></a></td></tr>\n");
        }
        b.Append("</tbody>\n</table>\n</div>\n</main>\n</body>\n</html>\n");
        File.WriteAllText(path, b.ToString().Replace("<span class=\"v\">", "<span style=\"position:absolute;left:-9999px\">"),
            new UTF8Encoding(false));
    }
}
