using System.Net;
using System.Text;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Web.Dashboard;

/// <summary>
/// The dashboard's own small pages (the list, sign-in, errors). The report pages are report.html itself, drawn by
/// the report's one renderer; these share its look through a few rules of their own. The dashboard's controls (its
/// forms, buttons, navigation and focus ring) are <see cref="ControlsCss"/>, which the report pages get as well
/// (<see cref="WithControls"/>), so the period form above a report looks and works as the sign-in form does.
/// </summary>
internal static class PageShell
{
    /// <summary>
    /// The dashboard's forms (class <c>dashboard-form</c>) and navigation, in the GOV.UK manner: labels above their
    /// inputs, inputs and buttons 40 px tall (WCAG 2.2 2.5.8 asks for 24), a green button, and a yellow focus ring
    /// edged in black that shows on white, grey and green alike. Only these classes are styled, so the report's own
    /// look is untouched where the rules are added to a report page.
    /// </summary>
    internal const string ControlsCss = """
        .dashboard-form { margin: 1rem 0 1.5rem; }
        .period-form { background: #f3f2f1; border-left: 5px solid #1f3864; padding: 0.75rem 1rem 1rem; }
        .dashboard-form fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
        .dashboard-form legend { padding: 0; margin: 0 0 0.75rem; font-size: 1.2rem; font-weight: 700; color: #1f3864; }
        .dashboard-form .fields { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
        .dashboard-form .field { margin: 0 0 1rem; max-width: 100%; }
        .dashboard-form label { display: block; font-weight: 700; margin: 0 0 0.25rem; }
        .dashboard-form input:not([type=hidden]) { display: block; box-sizing: border-box; font: inherit; font-size: 1rem; height: 2.5rem;
          padding: 0.3rem 0.4rem; border: 2px solid #1b1b1b; border-radius: 0; background: #fff; color: #1b1b1b; max-width: 100%; }
        .dashboard-form input.month { width: 8em; }
        .dashboard-form input.wide { width: 24em; }
        .dashboard-form button { box-sizing: border-box; font: inherit; font-size: 1rem; line-height: 1.25; min-height: 2.5rem; min-width: 2.5rem;
          margin: 0; padding: 0.45rem 1rem; background: #00703c; color: #fff; border: 2px solid transparent; border-radius: 0;
          box-shadow: 0 2px 0 #002d18; cursor: pointer; }
        .dashboard-form button:hover { background: #005a30; }
        .dashboard-form button.secondary { background: #f3f2f1; color: #1b1b1b; box-shadow: 0 2px 0 #929191; }
        .dashboard-form button.secondary:hover { background: #dbdad9; }
        .dashboard-form input:focus { outline: 3px solid #ffbf47; outline-offset: 0; box-shadow: inset 0 0 0 2px #1b1b1b; }
        .dashboard-form button:focus { outline: 3px solid #ffbf47; outline-offset: 0; box-shadow: 0 0 0 5px #1b1b1b; }
        .dashboard-nav a:focus, .language-switch a:focus { outline: 3px solid #ffbf47; outline-offset: 0; background: #ffbf47; color: #1b1b1b;
          box-shadow: 0 4px 0 #1b1b1b; text-decoration: none; }
        @media print { .dashboard-form { display: none; } }
        """;

    /// <summary>
    /// The list's tables: at 40rem (640 px) and wider, a table; narrower (a phone, or 400% zoom), each row is a card, its
    /// name above its three figures, each figure with its column's name beside it (drawn by CSS only, so a screen reader,
    /// which reads the columns' headers, does not hear it twice). The table keeps its roles in the markup, so it is still
    /// a table to a screen reader when CSS lays it out as blocks. Nothing is cut off and nothing scrolls sideways.
    /// </summary>
    private const string ListCss = """
        @media screen and (max-width: 40rem) {
          .page { padding-left: 0.75rem; padding-right: 0.75rem; }
          table.figures, .figures tbody, .figures tr, .figures th, .figures td { display: block; }
          .figures thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%);
            white-space: nowrap; }
          .figures tr { border-bottom: 1px solid #b1b4b6; padding: 0.6rem 0; }
          .figures tbody tr:first-child { border-top: 2px solid #1b1b1b; }
          .figures th, .figures td { border: 0; padding: 0.1rem 0; }
          .figures th[scope="row"] { font-size: 1.1rem; margin-bottom: 0.2rem; overflow-wrap: anywhere; }
          .figures td.num { display: flex; justify-content: space-between; gap: 1rem; }
          .figures td.num::before { content: attr(data-label); content: attr(data-label) / ""; text-align: left; color: #454545; }
        }
        """;

    private const string Css = """
        body { margin: 0; color: #1b1b1b; background: #fff; font-family: "Segoe UI", Arial, "DejaVu Sans", sans-serif; line-height: 1.5; }
        .page { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        h1 { color: #1f3864; font-size: 2rem; line-height: 1.2; border-bottom: 4px solid #1f3864; padding-bottom: 0.5rem; }
        h2 { color: #1f3864; font-size: 1.4rem; margin-top: 2rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid #1b1b1b; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .table-scroll { overflow-x: auto; }
        .table-scroll:focus { outline: 3px solid #ffbf47; outline-offset: 0; }
        a { color: #1d70b8; }
        a:focus { outline: 3px solid #ffbf47; outline-offset: 0; background: #ffbf47; color: #1b1b1b; box-shadow: 0 4px 0 #1b1b1b;
          text-decoration: none; }
        @media print { .page { max-width: none; padding: 0; } form, nav { display: none; } a { color: inherit; } }

        """ + ControlsCss + ListCss;

    public static string Page(string title, string body, ReportLanguage language = ReportLanguage.En)
    {
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html>\n<html lang=\"{language.HtmlLang()}\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<div class=\"page\">\n")
          .Append("<main>\n<h1>").Append(E(title)).Append("</h1>\n").Append(body).Append("</main>\n</div>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>A report page (report.html's own) with the dashboard's <see cref="ControlsCss"/> added after the report's styles.</summary>
    public static string WithControls(string reportHtml)
    {
        var head = reportHtml.IndexOf("</head>", StringComparison.Ordinal);
        return head < 0 ? reportHtml : reportHtml.Insert(head, "<style>\n" + ControlsCss + "</style>\n");
    }

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
