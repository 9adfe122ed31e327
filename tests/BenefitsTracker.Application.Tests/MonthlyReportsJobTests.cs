using System.Text.Json;
using System.Text.Json.Nodes;
using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;

namespace BenefitsTracker.Application.Tests;

/// <summary>monthly-reports for a fixed clock: each report equals `benefits report` of the same period.</summary>
public sealed class MonthlyReportsJobTests : IDisposable
{
    private readonly JobFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData("2025-04-02T06:00:00+01:00", "2025-03", "2024-04")] // 06:00 London (BST) on the 2nd: the month just ended is March
    [InlineData("2024-12-02T06:00:00Z", "2024-11", "2024-04")]
    [InlineData("2025-01-01T00:30:00+00:00", "2024-12", "2024-04")]
    public void The_month_just_ended_and_its_financial_year_follow_the_London_calendar(string now, string month, string yearStart)
    {
        var ended = MonthlyReportsJob.MonthEnded(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), _f.Options.Zone());
        Assert.Equal(month, ended.ToString());
        Assert.Equal(yearStart, MonthlyReportsJob.FinancialYearStart(ended).ToString());
    }

    [Fact]
    public async Task Each_councils_and_consortiums_reports_equal_benefits_report_of_the_same_period()
    {
        await _f.SeedSampleAsync();
        _f.Clock.Now = new DateTimeOffset(2025, 4, 2, 5, 0, 0, TimeSpan.Zero); // 06:00 in London

        var run = await _f.Runner.RunAsync(JobNames.MonthlyReports, JobRun.BySchedule, CancellationToken.None);

        Assert.Equal(JobRun.Succeeded, run.Outcome);
        Assert.Equal(10, run.Counts["reports_written"]); // 4 councils and 1 consortium, year to date and month
        var root = Path.Combine(_f.Reports, "2025-03");
        var index = File.ReadAllText(Path.Combine(root, "index.html"));
        foreach (var (kind, id, folder) in new[] { (ScopeKind.Council, "W06000003", "councils"), (ScopeKind.Council, "W06000001", "councils"),
            (ScopeKind.Consortium, "north-wales", "consortia") })
        {
            foreach (var (period, from) in new[] { ("year-to-date", new Month(2024, 4)), ("month", new Month(2025, 3)) })
            {
                var written = Path.Combine(root, folder, id, period);
                Assert.True(File.Exists(Path.Combine(written, "savings.xlsx")), written);
                Assert.True(File.Exists(Path.Combine(written, "report.html")), written);
                Assert.Contains($"href=\"{folder}/{id}/{period}/report.html\"", index, StringComparison.Ordinal);
                var expected = await ReportAsync(kind, id, new ReportRequest(from, new Month(2025, 3)));
                Assert.Equal(Figures(expected), Figures(File.ReadAllText(Path.Combine(written, "manifest.json"))));
            }
        }
    }

    [Fact]
    public async Task A_month_without_data_writes_no_report_and_says_so_in_the_index()
    {
        await _f.SeedSampleAsync();
        _f.Clock.Now = new DateTimeOffset(2026, 1, 2, 6, 0, 0, TimeSpan.Zero); // the sample ends in March 2025

        var run = await _f.Runner.RunAsync(JobNames.MonthlyReports, JobRun.BySchedule, CancellationToken.None);

        Assert.Equal(JobRun.Succeeded, run.Outcome);
        Assert.Equal((0L, 10L), (run.Counts["reports_written"], run.Counts["reports_without_data"]));
        Assert.Contains("Without a report this month", File.ReadAllText(Path.Combine(_f.Reports, "2025-12", "index.html")), StringComparison.Ordinal);
    }

    /// <summary>What `benefits report --council|--consortium ID --from --to --out DIR` writes: the same pipeline, stored assumptions.</summary>
    private async Task<string> ReportAsync(ScopeKind kind, string id, ReportRequest request)
    {
        var outDir = Path.Combine(_f.Folder, "by-hand", id, request.From + "_" + request.To);
        await using (var db = await BenefitsStore.OpenForReadingAsync(_f.Target))
        {
            var pipeline = new ReportPipeline(new StoreQueries(db));
            var result = await pipeline.ComputeAsync(kind, id, request, await pipeline.AssumptionsAsync(null, default), default);
            ReportPipeline.Write(result, outDir, DateTimeOffset.UtcNow, default);
        }
        return File.ReadAllText(Path.Combine(outDir, "manifest.json"));
    }

    /// <summary>A manifest without when it was made.</summary>
    private static string Figures(string manifest)
    {
        var node = JsonNode.Parse(manifest)!.AsObject();
        node.Remove("generated_at");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
