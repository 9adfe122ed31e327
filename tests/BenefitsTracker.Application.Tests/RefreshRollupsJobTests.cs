using System.Text.Json;
using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Application.Reporting;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Application.Tests;

/// <summary>refresh-rollups: finds nothing after a normal ingest, and repairs a hand-made difference, saying which cell.</summary>
public sealed class RefreshRollupsJobTests : IDisposable
{
    private readonly JobFixture _f = new();

    public void Dispose() => _f.Dispose();

    private async Task<string> RollupsAsync()
    {
        await using var db = new BenefitsDbContext(BenefitsStore.Options(_f.Target));
        var usage = await db.UsageRollups.AsNoTracking().OrderBy(r => r.CouncilCode).ThenBy(r => r.Service).ThenBy(r => r.Channel)
            .ThenBy(r => r.Month)
            .Select(r => $"{r.CouncilCode} {r.Service} {r.Channel} {r.Month} {r.Completed} {r.Started} {r.Failed} {r.Other}").ToListAsync();
        var closed = await db.ClosedCaseRollups.AsNoTracking().OrderBy(r => r.CouncilCode).ThenBy(r => r.Service).ThenBy(r => r.Month)
            .ThenBy(r => r.Grade).ThenBy(r => r.MinutesHundredths)
            .Select(r => $"{r.CouncilCode} {r.Service} {r.Month} {r.Grade} {r.MinutesHundredths} {r.Count}").ToListAsync();
        var open = await db.OpenCaseRollups.AsNoTracking().Where(r => r.Count != 0).OrderBy(r => r.CouncilCode).ThenBy(r => r.Service)
            .ThenBy(r => r.Month)
            .Select(r => $"{r.CouncilCode} {r.Service} {r.Month} {r.Count}").ToListAsync();
        return string.Join('\n', usage.Concat(closed).Concat(open));
    }

    [Fact]
    public async Task After_a_normal_ingest_it_finds_nothing_and_after_a_hand_fix_it_corrects_exactly_the_cells_concerned()
    {
        await _f.SeedSampleAsync();
        var before = await RollupsAsync();

        var clean = await _f.Runner.RunAsync(JobNames.RefreshRollups, JobRun.ByHand, CancellationToken.None);
        Assert.Equal((JobRun.Succeeded, 0L), (clean.Outcome, clean.Counts["cells_corrected"]));
        Assert.Equal(before, await RollupsAsync());

        // A hand fix to raw rows: one event's quantity corrected, without touching the rollups.
        long id;
        await using (var db = await BenefitsStore.OpenAsync(_f.Target))
        {
            var e = await db.UsageEvents.Where(x => x.EventType == "transaction_completed").OrderBy(x => x.Id).FirstAsync();
            id = e.Id;
            await db.Database.ExecuteSqlRawAsync("UPDATE usage_events SET quantity = quantity + 1000 WHERE id = {0}", id);
        }
        var repaired = await _f.Runner.RunAsync(JobNames.RefreshRollups, JobRun.ByHand, CancellationToken.None);
        Assert.Equal(JobRun.Succeeded, repaired.Outcome);
        Assert.Equal(1, repaired.Counts["usage_cells"]);
        Assert.Equal(0, repaired.Counts["closed_case_cells"]);
        Assert.Contains("usage_rollups", repaired.Summary, StringComparison.Ordinal);
        var after = await RollupsAsync();
        Assert.NotEqual(before, after);
        Assert.Equal(before.Split('\n').Length, after.Split('\n').Length);

        // The rollup now holds what the raw rows say: a third run finds nothing.
        Assert.Equal(0, (await _f.Runner.RunAsync(JobNames.RefreshRollups, JobRun.ByHand, CancellationToken.None)).Counts["cells_corrected"]);
    }

    [Fact]
    public async Task Satisfaction_ratings_rebuild_to_the_same_rollup_cells_as_ingest_makes()
    {
        var file = Path.Combine(_f.Folder, "ratings.csv");
        File.WriteAllLines(file, [
            "event_id,council_code,service,channel,event_type,occurred_at,quantity,rating",
            "r-1,W06000003,garden-waste,web,satisfaction_rating,2024-05-02T10:00:00Z,3,5",
            "r-2,W06000003,garden-waste,web,satisfaction_rating,2024-05-03T10:00:00Z,2,2",
            "r-3,W06000003,garden-waste,web,transaction_completed,2024-05-03T10:00:00Z,7,",
            "r-4,W06000003,garden-waste,web,page_view,2024-05-03T10:00:00Z,4,",
        ]);
        await _f.IngestAsync(file);
        await using (var db = new BenefitsDbContext(BenefitsStore.Options(_f.Target)))
        {
            var cell = await db.UsageRollups.AsNoTracking().SingleAsync();
            Assert.Equal((7L, 4L, 5L, 3L), (cell.Completed, cell.Other, cell.Ratings, cell.Satisfied));
        }
        var run = await _f.Runner.RunAsync(JobNames.RefreshRollups, JobRun.ByHand, CancellationToken.None);
        Assert.Equal((JobRun.Succeeded, 0L), (run.Outcome, run.Counts["cells_corrected"]));
    }

    [Fact]
    public async Task A_repair_makes_the_services_cached_results_stale_and_a_clean_run_leaves_them_warm_and_each_run_names_its_node()
    {
        await _f.SeedSampleAsync();
        UsageEventRow e;
        await using (var db = await BenefitsStore.OpenAsync(_f.Target))
            e = await db.UsageEvents.AsNoTracking().Where(x => x.EventType == "transaction_completed").OrderBy(x => x.Id).FirstAsync();
        var at = DateTimeOffset.FromUnixTimeMilliseconds(e.OccurredAtMs).UtcDateTime;
        var month = new Month(at.Year, at.Month);
        var reports = new ScopeReports(() => new BenefitsDbContext(BenefitsStore.Options(_f.Target)));
        var version = new StoreVersion();
        var cache = new ResultCache(reports, version, _f.Clock);
        var key = new ScopeKey(ScopeKind.Council, e.CouncilCode, month, month, null);
        async Task<string> FiguresAsync()
        {
            version.Observe(await reports.StoreVersionAsync(CancellationToken.None));
            return JsonSerializer.Serialize((await cache.GetAsync(key, CancellationToken.None)).Result.Totals);
        }

        var before = await FiguresAsync();
        var clean = await _f.Runner.RunAsync(JobNames.RefreshRollups, JobRun.ByHand, CancellationToken.None);
        Assert.Equal(before, await FiguresAsync());
        Assert.Equal(1, cache.Computations); // nothing corrected: the cached result is still the store's

        await using (var db = await BenefitsStore.OpenAsync(_f.Target))
            await db.Database.ExecuteSqlRawAsync("UPDATE usage_events SET quantity = quantity + 1000 WHERE id = {0}", e.Id);
        Assert.Equal(before, await FiguresAsync()); // a hand fix to raw rows alone does not reach the rollups...
        var repaired = await _f.Runner.RunAsync(JobNames.RefreshRollups, JobRun.ByHand, CancellationToken.None);
        Assert.Equal(1, repaired.Counts["usage_cells"]);
        var after = await FiguresAsync(); // ...the repair does, and the cache notices it without a new file
        Assert.NotEqual(before, after);
        Assert.Equal(2, cache.Computations);

        // Each run is recorded with the node that ran it: by default this machine's name and this process's id.
        Assert.Equal($"{Environment.MachineName}/{Environment.ProcessId}", clean.Node);
        _f.Options.Node = "node-b";
        Assert.Equal("node-b", (await _f.Runner.RunAsync(JobNames.RefreshRollups, JobRun.ByHand, CancellationToken.None)).Node);
        await using (var db = new BenefitsDbContext(BenefitsStore.Options(_f.Target)))
            Assert.Equal(["node-b", $"{Environment.MachineName}/{Environment.ProcessId}"],
                (await new JobHistory(db).ListAsync(JobNames.RefreshRollups, 2, CancellationToken.None)).Select(r => r.Node));
    }
}
