using System.Diagnostics;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Charts;
using BenefitsTracker.Reports.Html;
using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.Reports.Workbook;

namespace BenefitsTracker.Reports;

/// <summary>
/// Writes the human-facing outputs of a report from the one result model: savings.xlsx, report.html and
/// charts/*.png and *.svg (manifest.json is written by <see cref="Manifest.ManifestWriter"/>); <see cref="WriteSet(SavingsResult, string,
/// DateTimeOffset, CancellationToken)"/> writes
/// them all and swaps them in as one set. In Welsh (issue 15) the page is report.cy.html, the charts charts/*.cy.png and
/// *.cy.svg and the workbook savings.cy.xlsx (English savings.xlsx is written too); with both languages each page links to the other.
/// </summary>
public static class ReportWriter
{
    public const string WorkbookFile = "savings.xlsx", HtmlFile = "report.html", ChartsFolder = "charts", ManifestFile = "manifest.json";

    private static readonly IReadOnlyList<ReportLanguage> EnglishOnly = [ReportLanguage.En];

    /// <summary>
    /// Writes every output, manifest.json included, into a temporary folder beside <paramref name="outDir"/> and
    /// swaps it in as one set (<see cref="OutputFolder"/>): a reader, or a run killed at any point, sees the old set
    /// or the new one, never a mixture.
    /// </summary>
    public static void WriteSet(SavingsResult result, string outDir, DateTimeOffset generatedAt, CancellationToken ct = default) =>
        WriteSet(result, outDir, generatedAt, EnglishOnly, ct);

    /// <summary>
    /// As <see cref="WriteSet(SavingsResult, string, DateTimeOffset, CancellationToken)"/>, the page and charts in each of <paramref
    /// name="languages"/>.
    /// </summary>
    public static void WriteSet(SavingsResult result, string outDir, DateTimeOffset generatedAt, IReadOnlyList<ReportLanguage> languages,
        CancellationToken ct = default) =>
        OutputFolder.Replace(outDir, temp =>
        {
            WriteAllTimed(result, temp, languages, ct);
            Manifest.ManifestWriter.Write(result, Path.Combine(temp, ManifestFile), generatedAt);
        });

    public static void WriteAll(SavingsResult result, string outDir, CancellationToken ct = default) =>
        WriteAllTimed(result, outDir, EnglishOnly, ct);

    public static void WriteAll(SavingsResult result, string outDir, IReadOnlyList<ReportLanguage> languages, CancellationToken ct = default) =>
        WriteAllTimed(result, outDir, languages, ct);

    /// <summary>
    /// As <see cref="WriteAll(SavingsResult, string, CancellationToken)"/>, returning how long each output took (for the benchmark and the docs).
    /// </summary>
    public static ReportTimings WriteAllTimed(SavingsResult result, string outDir, CancellationToken ct = default) =>
        WriteAllTimed(result, outDir, EnglishOnly, ct);

    /// <summary>The workbook's file in a language: savings.xlsx, savings.cy.xlsx.</summary>
    public static string WorkbookFileFor(ReportLanguage language) => language.FileName(WorkbookFile);

    /// <summary>The page's file in a language: report.html, report.cy.html.</summary>
    public static string HtmlFileFor(ReportLanguage language) => language.FileName(HtmlFile);

    public static ReportTimings WriteAllTimed(SavingsResult result, string outDir, IReadOnlyList<ReportLanguage> languages,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(languages);
        if (languages.Count == 0) throw new ArgumentException("at least one language", nameof(languages));
        var charts = Path.Combine(outDir, ChartsFolder);
        Directory.CreateDirectory(charts);
        var total = Stopwatch.StartNew();

        // The workbook is the slow part; draw the charts and the page alongside it.
        var workbook = Task.Run(() =>
        {
            var sw = Stopwatch.StartNew();
            var english = Path.Combine(outDir, WorkbookFile);
            SavingsWorkbook.Write(result, english, ct);
            // In Welsh (issue 15) savings.cy.xlsx as well: the English workbook with its sheets, headers, titles and notes
            // translated and every reference to a sheet renamed with it, so that its figures are the English one's.
            foreach (var language in languages.Distinct().Where(l => l != ReportLanguage.En))
                WorkbookTranslation.Translate(english, Path.Combine(outDir, WorkbookFileFor(language)), ReportText.For(language), result, ct);
            return sw.Elapsed;
        }, ct);

        var chartTime = TimeSpan.Zero;
        var htmlTime = TimeSpan.Zero;
        foreach (var language in languages.Distinct())
        {
            var sw = Stopwatch.StartNew();
            var facts = new ReportFacts(result, ReportText.For(language));
            var chartList = ReportPage.Charts(facts, result, ct);
            foreach (var chart in chartList)
            {
                File.WriteAllBytes(Path.Combine(charts, language.FileName(chart.Stem + ".png")), chart.Png);
                File.WriteAllText(Path.Combine(charts, language.FileName(chart.Stem + ".svg")), chart.Svg);
            }
            chartTime += sw.Elapsed;
            sw.Restart();
            File.WriteAllText(Path.Combine(outDir, HtmlFileFor(language)), HtmlReport.Render(facts, chartList, LanguageLinks(language, languages)));
            htmlTime += sw.Elapsed;
        }
        var registerTime = Stopwatch.StartNew();
        Register.BenefitsRegister.WriteCsv(result, Path.Combine(outDir, Register.BenefitsRegister.CsvFile));
        // In Welsh (issue 15) benefits-register.cy.csv as well: the same rows and figures, its headings and text in Welsh.
        foreach (var language in languages.Distinct().Where(l => l != ReportLanguage.En))
            Register.BenefitsRegister.WriteCsv(result, Path.Combine(outDir, Register.BenefitsRegister.CsvFileFor(language)),
                ReportText.For(language));
        htmlTime += registerTime.Elapsed;
        var workbookTime = workbook.GetAwaiter().GetResult();
        return new ReportTimings(workbookTime, chartTime, htmlTime, total.Elapsed);
    }

    /// <summary>
    /// With more than one language, a link at the top of each page to the same report in the others (each link in
    /// its own language, marked so that a screen reader says it so); null with one.
    /// </summary>
    internal static string? LanguageLinks(ReportLanguage language, IReadOnlyList<ReportLanguage> languages) =>
        languages.Distinct().Count() < 2 ? null
            : LanguageSwitch.Nav(language, languages.Distinct().Where(l => l != language).Select(l => (l, HtmlFileFor(l))));
}

/// <summary>The link from a page to the same page in the other language (the report files and the dashboard).</summary>
public static class LanguageSwitch
{
    /// <summary>
    /// A small navigation block: "Darllen yr adroddiad hwn yn Gymraeg" on the English page, "Read this report in English" on the Welsh.
    /// </summary>
    /// <param name="current">The page's language.</param>
    /// <param name="others">The same page in each other language.</param>
    /// <param name="isReport">A report ("Read this report in English"), or another page such as the dashboard's index or job
    /// history ("Read this page in English").</param>
    public static string Nav(ReportLanguage current, IEnumerable<(ReportLanguage Language, string Href)> others, bool isReport = true)
    {
        var T = ReportText.For(current);
        var links = others.Select(o =>
        {
            var text = ReportText.For(o.Language)[isReport ? "html.language.this_report" : "html.language.this_page"];
            var lang = o.Language.HtmlLang();
            return $"<a href=\"{HtmlWriter.E(o.Href)}\" hreflang=\"{lang}\" lang=\"{lang}\">{HtmlWriter.E(text)}</a>";
        });
        return $"<nav class=\"language-switch\" aria-label=\"{HtmlWriter.E(T["html.language.nav"])}\"><p>{string.Join(" · ", links)}</p></nav>";
    }
}

/// <summary>report.html's page without writing files: the dashboard shows exactly this, with its own top.</summary>
public static class ReportPage
{
    /// <param name="pageTop">HTML placed first in the page, before the report's own heading (navigation, a form).</param>
    public static string Render(SavingsResult result, string? pageTop, CancellationToken ct = default) =>
        Render(result, pageTop, ReportLanguage.En, ct);

    /// <summary>As <see cref="Render(SavingsResult, string?, CancellationToken)"/>, in <paramref name="language"/>.</summary>
    public static string Render(SavingsResult result, string? pageTop, ReportLanguage language, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var facts = new ReportFacts(result, ReportText.For(language));
        return HtmlReport.Render(facts, Charts(facts, result, ct), pageTop);
    }

    /// <summary>Every chart of the page, in order: the file and the dashboard draw the same list.</summary>
    internal static IReadOnlyList<ReportChart> Charts(ReportFacts facts, SavingsResult result, CancellationToken ct) =>
        [.. ReportCharts.Build(facts, ct), .. AppraisalCharts.Build(result, facts.T), .. CounterfactualCharts.Build(result, facts.T),
            .. MemberCharts.Build(result, facts.T)];
}

/// <summary>How long each output of <see cref="ReportWriter"/> took.</summary>
public sealed record ReportTimings(TimeSpan Workbook, TimeSpan Charts, TimeSpan Html, TimeSpan Total);
