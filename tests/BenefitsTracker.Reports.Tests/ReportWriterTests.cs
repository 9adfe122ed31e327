using System.Diagnostics;
using Xunit.Abstractions;

namespace BenefitsTracker.Reports.Tests;

public class ReportWriterTests(ITestOutputHelper output)
{
    [Fact]
    public void WriteAll_writes_the_workbook_the_page_and_every_chart_as_png_and_svg()
    {
        using var dir = new TempDir();
        ReportWriter.WriteAll(Results.WorkedExampleResult, dir.Path);
        Assert.True(new FileInfo(dir.File("savings.xlsx")).Length > 10_000);
        Assert.True(new FileInfo(dir.File("report.html")).Length > 10_000);
        foreach (var stem in new[] { "cumulative", "channel-mix", "digital-take-up", "officer-minutes", "benefit-by-line" })
        {
            Assert.True(File.Exists(Path.Combine(dir.Path, "charts", stem + ".png")), stem + ".png");
            Assert.True(File.Exists(Path.Combine(dir.Path, "charts", stem + ".svg")), stem + ".svg");
        }
        Assert.False(File.Exists(dir.File("manifest.json")));
    }

    /// <summary>Issue 5: a council report for 36 months in under 2 s after start-up (here: Conwy, three services, all files).</summary>
    [Fact]
    public void A_36_month_council_report_is_written_in_under_two_seconds_after_start_up()
    {
        var result = Results.SampleCouncil(_ => { }, "2022-04", "2025-03");
        Assert.Equal(36, result.Months.Count);
        using (var warm = new TempDir()) ReportWriter.WriteAll(Results.WorkedExampleResult, warm.Path);
        using var dir = new TempDir();
        var sw = Stopwatch.StartNew();
        var timings = ReportWriter.WriteAllTimed(result, dir.Path);
        sw.Stop();
        output.WriteLine($"36-month council report: total {sw.ElapsedMilliseconds} ms (workbook {timings.Workbook.TotalMilliseconds:0} ms, charts {timings.Charts.TotalMilliseconds:0} ms, html {timings.Html.TotalMilliseconds:0} ms)");
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(2), $"took {sw.ElapsedMilliseconds} ms");
    }

    /// <summary>Writes the sample outputs where a person can look at them: set BT_REPORTS_KEEP to a folder.</summary>
    [Fact]
    public void Sample_outputs_can_be_kept_for_a_person_to_look_at()
    {
        var keep = Environment.GetEnvironmentVariable("BT_REPORTS_KEEP");
        if (string.IsNullOrEmpty(keep)) return;
        ReportWriter.WriteAll(Results.WorkedExampleResult, Path.Combine(keep, "worked"));
        ReportWriter.WriteAll(Results.SampleConwy, Path.Combine(keep, "conwy"));
        ReportWriter.WriteAll(Results.SampleNorthWales, Path.Combine(keep, "north-wales"));
    }
}
