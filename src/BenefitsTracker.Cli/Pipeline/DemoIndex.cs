using System.Net;
using System.Text;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Cli.Pipeline;

/// <summary>index.html of the demo: one accessible page linking every report, with its headline figures (index.cy.html in Welsh).</summary>
public static class DemoIndex
{
    public static void Write(string path, ReportRequest request, IReadOnlyList<(SavingsResult Result, string Folder)> reports) =>
        Write(path, request, reports, ReportLanguage.En, [ReportLanguage.En]);

    /// <param name="languages">Every language written; with more than one, the page links to the others' index.</param>
    public static void Write(string path, ReportRequest request, IReadOnlyList<(SavingsResult Result, string Folder)> reports,
        ReportLanguage language, IReadOnlyList<ReportLanguage> languages)
    {
        var T = ReportText.For(language);
        string E(string text) => WebUtility.HtmlEncode(text);
        var b = new StringBuilder();
        b.Append($"<!DOCTYPE html>\n<html lang=\"{language.HtmlLang()}\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.Append($"<title>{E(T["demo.title"])}</title>\n");
        b.Append("<style>body{font-family:system-ui,Arial,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#0b0c0c;line-height:1.5}" +
                 "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #b1b4b6;padding:.5rem;text-align:left}" +
                 "td.n,th.n{text-align:right;white-space:nowrap}.scroll{overflow-x:auto;max-width:100%}.scroll:focus{outline:3px solid " +
                 "#ffdd00}a{color:#1d70b8}a:focus{outline:3px solid #ffdd00;background:#ffdd00;color:#0b0c0c}</style>\n");
        b.Append("</head>\n<body>\n");
        if (languages.Distinct().Count() > 1)
        {
            var links = languages.Distinct().Where(l => l != language).Select(l =>
                $"<a href=\"{l.FileName("index.html")}\" hreflang=\"{l.HtmlLang()}\" lang=\"{l.HtmlLang()}\">" +
                $"{E(ReportText.For(l)["demo.language.this_index"])}</a>");
            b.Append($"<nav aria-label=\"{E(T["html.language.nav"])}\"><p>{string.Join(" · ", links)}</p></nav>\n");
        }
        b.Append($"<main>\n<h1>{E(T["demo.title"])}</h1>\n");
        b.Append($"<p>{E(T.F("demo.intro", ("period", T.Period(request.From, request.To))))}</p>\n");
        // A wide table scrolls inside its own region, never the page (a phone is 390 px wide).
        b.Append("<div class=\"scroll\" role=\"region\" aria-labelledby=\"reports-caption\" tabindex=\"0\">\n");
        b.Append($"<table>\n<caption id=\"reports-caption\">{E(T["demo.caption"])}</caption>\n" +
                 $"<thead><tr><th scope=\"col\">{E(T["demo.col.report"])}</th>" +
                 $"<th scope=\"col\" class=\"n\">{E(T["col.adjusted_benefit"])}</th>" +
                 $"<th scope=\"col\" class=\"n\">{E(T["col.costs_short"])}</th><th scope=\"col\" " +
                 $"class=\"n\">{E(T["col.net_benefit"])}</th>" +
                 $"<th scope=\"col\">{E(T["demo.col.payback"])}</th><th scope=\"col\">{E(T["demo.col.files"])}</th></tr></thead>\n<tbody>\n");
        foreach (var (r, folder) in reports)
        {
            var href = folder.Replace('\\', '/');
            var plain = $"{r.Scope.Name} ({T[r.Scope.Kind == ScopeKind.Council ? "demo.council" : "demo.consortium"]})";
            var name = E(plain);
            var forName = E(T.F("demo.for", ("name", plain)));
            b.Append($"<tr><th scope=\"row\"><a href=\"{href}/{ReportWriter.HtmlFileFor(language)}\">{name}</a></th>");
            // As the reports write them: money with a true minus, payback as "April 2024".
            b.Append($"<td class=\"n\">{Fmt.Money(r.Totals.AdjustedBenefit)}</td><td class=\"n\">{Fmt.Money(r.Totals.Costs)}</td>");
            var payback = r.Totals.PaybackMonth is { } pm ? T.MonthLong(pm) : T["card.payback.none"];
            b.Append($"<td class=\"n\">{Fmt.Money(r.Totals.NetBenefit)}</td><td>{E(payback)}</td>");
            // The workbook in the index's language: savings.cy.xlsx beside a Welsh page (issue 15).
            b.Append($"<td><a href=\"{href}/{ReportWriter.WorkbookFileFor(language)}\">{E(T["demo.spreadsheet"])}<span class=\"v\">" +
                $" {forName}</span></a>, " +
                     $"<a href=\"{href}/manifest.json\">{E(T["demo.manifest"])}<span class=\"v\"> {forName}</span></a></td></tr>\n");
        }
        b.Append("</tbody>\n</table>\n</div>\n</main>\n</body>\n</html>\n");
        File.WriteAllText(path, b.ToString().Replace("<span class=\"v\">", "<span style=\"position:absolute;left:-9999px\">"),
            new UTF8Encoding(false));
    }
}
