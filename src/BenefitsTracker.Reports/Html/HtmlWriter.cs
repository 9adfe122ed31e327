using System.Net;
using System.Text;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Reports.Html;

/// <summary>A little HTML writing: escaping, headed tables with numeric columns aligned right.</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _sb = new(256 * 1024);

    /// <summary>The language of the page (issue 15): every string a reader sees comes from here.</summary>
    public ReportText T { get; init; } = ReportText.En;

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>
    /// In a Welsh page, the English that the engine wrote (a refusal's reason, a series' source) inside already-escaped
    /// <paramref name="html"/>, marked <c>lang="en-GB"</c> so that a screen reader reads it as English (WCAG 3.1.2).
    /// </summary>
    public string MarkEnglish(string html, params string?[] english) => ReportPhrases.MarkEnglish(html, english, T);

    /// <summary>
    /// Where long data tables go: after the story, in the page's "Data tables" section (issue 13: a board reads the
    /// story first, on paper too). Null: they stay where they are written.
    /// </summary>
    public HtmlWriter? Appendix { get; init; }

    /// <summary>
    /// A long data table: in <see cref="Appendix"/> with a link to it here (<paramref name="lead"/>, then the
    /// caption as the link), or here when there is no appendix.
    /// </summary>
    public HtmlWriter DataTable(string lead, string caption, string id, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows,
        Func<int, bool> numeric, IReadOnlyList<string>? footer = null)
    {
        if (Appendix is null) return Table(caption, headers, rows, numeric, footer, id);
        P(T.F("html.data_link", ("lead", E(lead)), ("link", $"<a href=\"#{id}\">{E(caption)}</a>")), "data-link");
        Appendix.Table(caption, headers, rows, numeric, footer, id);
        return this;
    }

    public HtmlWriter Raw(string html) { _sb.Append(html); return this; }
    public HtmlWriter Line(string html) { _sb.Append(html).Append('\n'); return this; }
    public HtmlWriter P(string text, string? cls = null) => Line(cls is null ? $"<p>{text}</p>" : $"<p class=\"{cls}\">{text}</p>");

    /// <summary>
    /// A data table. Columns whose index is in <paramref name="numeric"/> are right-aligned; the first
    /// cell of each row is its header (scope="row"). <paramref name="cls"/>: the table's class in report.css
    /// (<see cref="Compact"/>, <see cref="Inputs"/>), or none.
    /// </summary>
    public HtmlWriter Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows,
        Func<int, bool> numeric, IReadOnlyList<string>? footer = null, string? id = null, string? cls = null)
    {
        // A region that may scroll sideways on a narrow screen must be reachable by keyboard (WCAG 2.1.1).
        Line($"<div class=\"table-scroll\" role=\"region\" aria-label=\"{E(caption)}\" tabindex=\"0\">");
        Line($"<table{(id is null ? "" : $" id=\"{id}\"")}{(cls is null ? "" : $" class=\"{cls}\"")}>");
        Line($"<caption>{E(caption)}</caption>");
        Raw("<thead><tr>");
        for (var i = 0; i < headers.Count; i++) Raw($"<th scope=\"col\"{Cls(numeric(i))}>{E(headers[i])}</th>");
        Line("</tr></thead>");
        Line("<tbody>");
        foreach (var row in rows) Cells(row, numeric, null);
        Line("</tbody>");
        if (footer is not null)
        {
            Line("<tfoot>");
            Cells(footer, numeric, null);
            Line("</tfoot>");
        }
        Line("</table>");
        return Line("</div>");
    }

    public void Cells(IReadOnlyList<string> row, Func<int, bool> numeric, string? rowClass)
    {
        Raw(rowClass is null ? "<tr>" : $"<tr class=\"{rowClass}\">");
        for (var i = 0; i < row.Count; i++)
            Raw(i == 0 ? $"<th scope=\"row\">{E(row[i])}</th>" : $"<td{Cls(numeric(i), row[i])}>{E(row[i])}</td>");
        Line("</tr>");
    }

    /// <summary>
    /// A table of many columns (nine: the deadweight table of a consortium, each service's benefit by line): on screen its
    /// text is a little smaller, its cells' padding narrower, and a range or place-holder in a numeric column may break at
    /// its spaces, so that it fits a desktop's 920 px (in Welsh too) rather than hiding its last columns past the box's edge.
    /// </summary>
    public const string Compact = "compact";

    /// <summary>The input files: a long file name or a checksum (64 characters without a space) wraps inside its cell.</summary>
    public const string Inputs = "inputs";

    private static string Cls(bool numeric) => numeric ? " class=\"num\"" : "";

    /// <summary>
    /// A numeric column's cell is aligned right and kept on one line, unless it holds a sentence (a reason given in place of
    /// a figure, such as why a deadweight was not estimated): kept on one line, that stretched its table to thousands of
    /// pixels, so that a desktop reader saw the sentence cut off and none of the columns after it. It wraps, aligned left.
    /// </summary>
    internal static string Cls(bool numeric, string text) => !numeric ? "" : IsSentence(text) ? " class=\"words\"" : " class=\"num\"";

    /// <summary>Four words or more: "none in range" and "not estimated" are still a figure's place-holders.</summary>
    internal static bool IsSentence(string text) => text.Count(c => c == ' ') >= 3;

    public override string ToString() => _sb.ToString();
}
