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

    /// <summary>
    /// The three sample reports, each whole: a person can look at them by setting BT_REPORTS_KEEP
    /// to a folder; otherwise they go to a temporary one. (Report time is measured by
    /// `benefits bench report`, docs/benchmarks.md, not here.)
    /// </summary>
    [Fact]
    public void The_sample_reports_are_written_whole_and_can_be_kept_for_a_person_to_look_at()
    {
        using var temp = new TempDir();
        var keep = Environment.GetEnvironmentVariable("BT_REPORTS_KEEP");
        var root = string.IsNullOrEmpty(keep) ? temp.Path : keep;
        foreach (var (name, result) in new[] { ("worked", Results.WorkedExampleResult), ("conwy", Results.SampleConwy),
            ("north-wales", Results.SampleNorthWales) })
        {
            var dir = Path.Combine(root, name);
            ReportWriter.WriteAll(result, dir);
            Assert.Contains(result.Scope.Name, File.ReadAllText(Path.Combine(dir, "report.html")), StringComparison.Ordinal);
            Assert.True(new FileInfo(Path.Combine(dir, "savings.xlsx")).Length > 10_000, name);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir, "charts"), "*.svg"));
        }
        output.WriteLine($"sample reports written under {root}");
    }
}
