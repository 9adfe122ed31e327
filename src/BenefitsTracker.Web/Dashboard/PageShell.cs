using System.Net;
using System.Text;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Web.Dashboard;

/// <summary>
/// The dashboard's own small pages (the list, sign-in, errors). The report pages are report.html itself, drawn by
/// the report's one renderer; these share its look through a few rules of their own.
/// </summary>
internal static class PageShell
{
    private const string Css = """
        body { margin: 0; color: #1b1b1b; background: #fff; font-family: "Segoe UI", Arial, "DejaVu Sans", sans-serif; line-height: 1.5; }
        .page { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        h1 { color: #1f3864; font-size: 2rem; line-height: 1.2; border-bottom: 4px solid #1f3864; padding-bottom: 0.5rem; }
        h2 { color: #1f3864; font-size: 1.4rem; margin-top: 2rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .table-scroll { overflow-x: auto; }
        a { color: #1d70b8; }
        a:focus, input:focus, button:focus { outline: 3px solid #ffbf47; outline-offset: 0; }
        label { display: block; font-weight: 700; margin-top: 0.75rem; }
        input { font: inherit; padding: 0.3rem; border: 2px solid #1b1b1b; max-width: 100%; }
        button { font: inherit; margin-top: 1rem; padding: 0.4rem 1rem; background: #00703c; color: #fff; border: 0; }
        @media print { .page { max-width: none; padding: 0; } form, nav { display: none; } a { color: inherit; } }
        """;

    public static string Page(string title, string body, ReportLanguage language = ReportLanguage.En)
    {
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html>\n<html lang=\"{language.HtmlLang()}\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<div class=\"page\">\n")
          .Append("<main>\n<h1>").Append(E(title)).Append("</h1>\n").Append(body).Append("</main>\n</div>\n</body>\n</html>\n");
        return sb.ToString();
    }

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
