using System.Diagnostics;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Charts;
using BenefitsTracker.Reports.Html;
using BenefitsTracker.Reports.Workbook;

namespace BenefitsTracker.Reports;

/// <summary>
/// Writes the human-facing outputs of a report from the one result model: savings.xlsx, report.html and
/// charts/*.png and *.svg (manifest.json is written by <see cref="Manifest.ManifestWriter"/>); <see cref="WriteSet"/> writes
/// them all and swaps them in as one set.
/// </summary>
public static class ReportWriter
{
    public const string WorkbookFile = "savings.xlsx", HtmlFile = "report.html", ChartsFolder = "charts", ManifestFile = "manifest.json";

    /// <summary>
    /// Writes every output, manifest.json included, into a temporary folder beside <paramref name="outDir"/> and
    /// swaps it in as one set (<see cref="OutputFolder"/>): a reader, or a run killed at any point, sees the old set
    /// or the new one, never a mixture.
    /// </summary>
    public static void WriteSet(SavingsResult result, string outDir, DateTimeOffset generatedAt, CancellationToken ct = default) =>
        OutputFolder.Replace(outDir, temp =>
        {
            WriteAll(result, temp, ct);
            Manifest.ManifestWriter.Write(result, Path.Combine(temp, ManifestFile), generatedAt);
        });

    public static void WriteAll(SavingsResult result, string outDir, CancellationToken ct = default) =>
        WriteAllTimed(result, outDir, ct);

    /// <summary>As <see cref="WriteAll"/>, returning how long each output took (for the benchmark and the docs).</summary>
    public static ReportTimings WriteAllTimed(SavingsResult result, string outDir, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var charts = Path.Combine(outDir, ChartsFolder);
        Directory.CreateDirectory(charts);
        var total = Stopwatch.StartNew();

        // The workbook is the slow part; draw the charts and the page alongside it.
        var workbook = Task.Run(() =>
        {
            var sw = Stopwatch.StartNew();
            SavingsWorkbook.Write(result, Path.Combine(outDir, WorkbookFile), ct);
            return sw.Elapsed;
        }, ct);

        var sw = Stopwatch.StartNew();
        var facts = new ReportFacts(result);
        var chartList = ReportPage.Charts(facts, result, ct);
        foreach (var chart in chartList)
        {
            File.WriteAllBytes(Path.Combine(charts, chart.Stem + ".png"), chart.Png);
            File.WriteAllText(Path.Combine(charts, chart.Stem + ".svg"), chart.Svg);
        }
        var chartTime = sw.Elapsed;
        sw.Restart();
        File.WriteAllText(Path.Combine(outDir, HtmlFile), HtmlReport.Render(facts, chartList));
        Register.BenefitsRegister.WriteCsv(result, Path.Combine(outDir, Register.BenefitsRegister.CsvFile));
        var htmlTime = sw.Elapsed;
        var workbookTime = workbook.GetAwaiter().GetResult();
        return new ReportTimings(workbookTime, chartTime, htmlTime, total.Elapsed);
    }
}

/// <summary>report.html's page without writing files: the dashboard shows exactly this, with its own top.</summary>
public static class ReportPage
{
    /// <param name="pageTop">HTML placed first in the page, before the report's own heading (navigation, a form).</param>
    public static string Render(SavingsResult result, string? pageTop, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var facts = new ReportFacts(result);
        return HtmlReport.Render(facts, Charts(facts, result, ct), pageTop);
    }

    /// <summary>Every chart of the page, in order: the file and the dashboard draw the same list.</summary>
    internal static IReadOnlyList<ReportChart> Charts(ReportFacts facts, SavingsResult result, CancellationToken ct) =>
        [.. ReportCharts.Build(facts, ct), .. AppraisalCharts.Build(result), .. CounterfactualCharts.Build(result), .. MemberCharts.Build(result)];
}

/// <summary>How long each output of <see cref="ReportWriter"/> took.</summary>
public sealed record ReportTimings(TimeSpan Workbook, TimeSpan Charts, TimeSpan Html, TimeSpan Total);
