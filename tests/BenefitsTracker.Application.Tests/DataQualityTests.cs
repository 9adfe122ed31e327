using System.Globalization;
using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using BenefitsTracker.Ingestion.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Application.Tests;

/// <summary>data-quality: the rules by hand, planted problems in generated data found, and the sample's clean months left alone.</summary>
public sealed class DataQualityTests : IDisposable
{
    private readonly JobFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static Dictionary<Month, long> Series(int startYear, int startMonth, params long[] values) =>
        values.Select((v, i) => (Month: new Month(startYear, startMonth).AddMonths(i), v)).Where(p => p.v > 0).ToDictionary(p => p.Month, p => p.v);

    [Fact]
    public void A_month_missing_between_two_with_events_is_a_gap_but_a_pause_every_year_is_not()
    {
        Assert.Equal([new Month(2024, 3)], DataQualityRules.Gaps(Series(2024, 1, 10, 12, 0, 11, 9)));
        // Quiet June to August every year (a consultation window): no gap, since no year has events then.
        var windows = Series(2023, 4, 5, 6, 0, 0, 0, 7, 8, 6, 0, 0, 0, 0, 5, 6, 0, 0, 0, 7, 8, 6);
        Assert.Empty(DataQualityRules.Gaps(windows));
        // ... but a window month missing in one year, when other years have it, is one.
        windows.Remove(new Month(2024, 5));
        Assert.Equal([new Month(2024, 5)], DataQualityRules.Gaps(windows));
    }

    [Fact]
    public void The_modified_z_score_flags_a_month_far_from_its_neighbours_and_from_the_same_month_of_other_years()
    {
        // June's neighbours are the other eleven months: median 100, MAD 1, floored at 5 (5% of the median); 160 scores 0.6745 × 60 / 5 = 8.1.
        var series = Series(2024, 1, 100, 102, 98, 101, 99, 160, 100, 103, 97, 100, 101, 99);
        var found = DataQualityRules.SpikesAndDrops(series, 6, 3.5).ToList();
        var (month, kind, value, median, score) = Assert.Single(found);
        Assert.Equal((new Month(2024, 6), Finding.Spike, 160L, 100.0), (month, kind, value, median));
        Assert.Equal(8.1, score, 1);
        // 120 scores 0.6745 × 20 / 5 = 2.7: within ±3.5.
        Assert.Empty(DataQualityRules.SpikesAndDrops(Series(2024, 1, 100, 102, 98, 101, 99, 120, 100, 103, 97, 100, 101, 99), 6, 3.5));
        // A drop to 40 is a drop.
        Assert.Equal(Finding.Drop,
            Assert.Single(DataQualityRules.SpikesAndDrops(Series(2024, 1, 100, 102, 98, 101, 99, 40, 100, 103, 97, 100, 101, 99), 6, 3.5)).Kind);
        // A peak every spring is not a spike: each year's April is near the other years' Aprils.
        var spring = Series(2022, 1, 100, 100, 100, 300, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 310, 100, 100, 100, 100, 100, 100,
            100, 100, 100, 100, 100, 295, 100, 100);
        Assert.Empty(DataQualityRules.SpikesAndDrops(spring, 6, 3.5));
    }

    [Fact]
    public async Task The_sample_datas_clean_months_give_no_findings()
    {
        await _f.SeedSampleAsync();
        var run = await _f.Runner.RunAsync(JobNames.DataQuality, JobRun.ByHand, CancellationToken.None);
        Assert.Equal(JobRun.Succeeded, run.Outcome);
        Assert.Equal("no findings", run.Summary);
        Assert.Equal(0, await _f.CountAsync(db => db.DataQualityFindings.LongCountAsync()));
    }

    [Fact]
    public async Task A_planted_gap_spike_stale_feed_bad_file_and_implausible_minutes_are_found_and_stored()
    {
        var data = Path.Combine(_f.Folder, "generated");
        SyntheticDataGenerator.Generate(new GeneratorOptions(2, 36, 60_000, 11, data));
        var lines = File.ReadAllLines(Path.Combine(data, "events.csv")).ToList();
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var (council, service) = (lines[1].Split(',')[Col("council_code")], "garden-waste");
        bool Is(string[] c, string month) =>
            c[Col("council_code")] == council && c[Col("service")] == service && c[Col("occurred_at")].StartsWith(month, StringComparison.Ordinal);
        // The gap: every event of garden-waste in September 2023 gone. The spike: October 2024's completions six times over.
        var planted = new List<string> { lines[0] };
        foreach (var line in lines.Skip(1))
        {
            var c = line.Split(',');
            if (Is(c, "2023-09")) continue;
            if (Is(c, "2024-10") && c[Col("event_type")] == "transaction_completed")
                c[Col("quantity")] = (long.Parse(c[Col("quantity")].Length == 0 ? "1" : c[Col("quantity")], CultureInfo.InvariantCulture) * 6)
                    .ToString(CultureInfo.InvariantCulture);
            planted.Add(string.Join(',', c));
        }
        File.WriteAllLines(Path.Combine(data, "events.csv"), planted);
        // A file with half its rows rejected, and closed cases with no officer minutes at all or two days' worth.
        var bad = Path.Combine(_f.Folder, "bad-events.csv");
        File.WriteAllLines(bad, new[] { "event_id,council_code,service,channel,event_type,occurred_at" }.Concat(Enumerable.Range(1, 40).Select(i =>
            $"bad-{i},{council},{service},{(i % 2 == 0 ? "web" : "fax")},transaction_completed,2024-05-{i % 28 + 1:00}T09:00:00Z")));
        var cases = Path.Combine(_f.Folder, "odd-cases.csv");
        File.WriteAllLines(cases, [
            "case_id,council_code,service,channel,received_at,closed_at,officer_minutes",
            $"odd-1,{council},planning-maps,web,2024-06-03T09:00:00Z,2024-06-04T09:00:00Z,0",
            $"odd-2,{council},planning-maps,web,2024-06-05T09:00:00Z,2024-06-07T09:00:00Z,2880",
        ]);
        await _f.IngestAsync(data, bad, cases);
        _f.Clock.Now = DateTimeOffset.UtcNow.AddDays(60); // nothing new for 60 days: every feed is stale (the rule: 45)

        var run = await _f.Runner.RunAsync(JobNames.DataQuality, JobRun.BySchedule, CancellationToken.None);

        Assert.Equal(JobRun.Succeeded, run.Outcome);
        await using var db = new BenefitsDbContext(BenefitsStore.Options(_f.Target));
        var findings = await db.DataQualityFindings.AsNoTracking().ToListAsync();
        Assert.Contains(findings, f => f.Kind == Finding.Gap && f.CouncilCode == council && f.Service == service && f.Month == 202309);
        Assert.Contains(findings, f => f.Kind == Finding.Spike && f.CouncilCode == council && f.Service == service && f.Month == 202410);
        Assert.Contains(findings, f => f.Kind == Finding.StaleFeed && f.CouncilCode == council
            && f.Detail.Contains("no new events rows for 60 days", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Kind == Finding.RejectionRate && f.CouncilCode == council
            && f.Detail.Contains("bad-events.csv", StringComparison.Ordinal) && f.Detail.Contains("20 of 40", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Kind == Finding.ImplausibleMinutes && f.CouncilCode == council && f.Service == "planning-maps"
            && f.Month == 202406
            && f.Detail.Contains("2 closed cases", StringComparison.Ordinal));
        // Only the planted months of garden-waste are gaps or spikes: the generated data's own months are left alone.
        Assert.DoesNotContain(findings, f => f.Kind is Finding.Gap or Finding.Spike or Finding.Drop
            && !(f.Service == service && f.CouncilCode == council && f.Month is 202309 or 202410));
        Assert.Equal(findings.Count, run.Counts["findings"]);

        // The next run replaces the findings rather than adding to them.
        await _f.Runner.RunAsync(JobNames.DataQuality, JobRun.BySchedule, CancellationToken.None);
        Assert.Equal(findings.Count, await db.DataQualityFindings.CountAsync());

        // The next report that covers them lists them in its caveats: the gap of 2023-09, not the spike of 2024-10.
        var pipeline = new ReportPipeline(new StoreQueries(db));
        var result = await pipeline.ComputeAsync(ScopeKind.Council, council, new ReportRequest(new Month(2023, 4), new Month(2024, 3)),
            await pipeline.AssumptionsAsync(null, default), default);
        Assert.Contains(result.Notes,
            n => n.StartsWith($"Data quality (gap, {council} garden-waste): no events in 2023-09", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.StartsWith($"Data quality (stale feed, {council})", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Notes, n => n.Contains("2024-10", StringComparison.Ordinal));
    }
}
