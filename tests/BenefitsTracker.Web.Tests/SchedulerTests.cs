using System.Net;
using System.Text.Json.Nodes;
using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;
using BenefitsTracker.Web.Hosting;
using BenefitsTracker.Web.Jobs;
using Quartz;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BenefitsTracker.Web.Tests;

/// <summary>Quartz in the real host: a job fires from its cron and its run is recorded; a fire missed while stopped runs at start.</summary>
public sealed class SchedulerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);

    /// <summary>Polls the store until a scheduled run of <paramref name="job"/> has finished, or the bound passes.</summary>
    private static async Task<JobRunRow?> ScheduledRunAsync(DatabaseTarget target, string job)
    {
        var until = DateTime.UtcNow + Bound;
        while (DateTime.UtcNow < until)
        {
            await using (var db = new BenefitsDbContext(BenefitsStore.Options(target)))
            {
                var run = await db.JobRuns.AsNoTracking().Where(r => r.Job == job && r.Trigger == JobRun.BySchedule && r.FinishedAt != null)
                    .OrderBy(r => r.Id).FirstOrDefaultAsync();
                if (run is not null) return run;
            }
            await Task.Delay(250);
        }
        return null;
    }

    [Fact]
    public async Task A_job_with_a_cron_of_every_second_fires_in_the_host_and_its_run_is_recorded_and_listed()
    {
        await using var service = await ServiceUnderTest.StartAsync(new() { ["Benefits:Jobs:Schedules:data-quality"] = "* * * * * ?" });

        var run = await ScheduledRunAsync(service.Target, JobNames.DataQuality);

        Assert.NotNull(run);
        Assert.Equal(JobRun.Succeeded, run.Outcome);
        var key = await service.KeyAsync(ServiceUnderTest.Conwy, Application.Keys.KeyScope.Read);
        var jobs = JsonNode.Parse(await (await service.SendAsync(HttpMethod.Get, "/api/v1/jobs", key)).Content.ReadAsStringAsync())!.AsArray();
        var quality = jobs.Single(j => (string)j!["name"]! == JobNames.DataQuality)!;
        Assert.Equal("* * * * * ?", (string)quality["cron"]!);
        // It fires every second, so the latest run may be under way; a finished one is among the latest runs.
        Assert.Contains((string)quality["last_outcome"]!, new[] { JobRun.Succeeded, JobRun.Running });
        Assert.Equal(JobRun.BySchedule, (string)quality["last_run"]!["trigger"]!);
        var finished = quality["recent_runs"]!.AsArray().First(r => (string)r!["outcome"]! == JobRun.Succeeded)!;
        Assert.Equal(JobRun.BySchedule, (string)finished["trigger"]!);
        Assert.True((double)finished["duration_seconds"]! >= 0);
        // The run's own line stays with the operator (it can name every council's files); the API gives the outcome.
        Assert.Equal("no findings", run.Summary);
        Assert.StartsWith("succeeded; the run's details are in `benefits jobs history data-quality`", (string)finished["summary"]!,
            StringComparison.Ordinal);
        Assert.NotNull(quality["next_fire_time"]);
        // The schedule lives in the same database file as the data.
        await using var connection = new SqliteConnection($"Data Source={service.Target.Location};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND lower(name) = 'qrtz_triggers'";
        Assert.Equal(1L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Two_fires_of_one_job_at_the_same_moment_run_one_after_the_other_never_at_once()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var scheduler = await service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = new JobKey(JobNames.DataQuality, JobScheduling.Group);
        Assert.True((await scheduler.GetJobDetail(job))!.ConcurrentExecutionDisallowed);

        // Two fires at once; the scheduler has two threads, so only DisallowConcurrentExecution keeps them apart.
        await Task.WhenAll(scheduler.TriggerJob(job).AsTask(), scheduler.TriggerJob(job).AsTask());
        var until = DateTime.UtcNow + Bound;
        List<JobRunRow> runs = [];
        while (DateTime.UtcNow < until)
        {
            await using (var db = new BenefitsDbContext(BenefitsStore.Options(service.Target)))
                runs = await db.JobRuns.AsNoTracking().Where(r => r.Job == JobNames.DataQuality).OrderBy(r => r.Id).ToListAsync();
            if (runs.Count == 2 && runs.All(r => r.FinishedAt is not null)) break;
            await Task.Delay(100);
        }
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(JobRun.Succeeded, r.Outcome));
        // The second started only once the first had finished (a concurrent start would also have closed the first
        // as "killed", since a scheduled run still running when the job starts again can only be a dead one).
        Assert.True(runs[1].StartedAt >= runs[0].FinishedAt, $"second run started {runs[1].StartedAt:O}, first finished {runs[0].FinishedAt:O}");
    }

    [Fact]
    public async Task A_fire_missed_while_the_service_was_down_runs_once_when_it_starts()
    {
        var folder = Directory.CreateTempSubdirectory("bt-misfire-").FullName;
        try
        {
            var target = DatabaseTarget.Parse("sqlite:" + Path.Combine(folder, "store.db"));
            await ServiceUnderTest.SeedAsync(target, []);
            var settings = new Dictionary<string, string?>
            {
                ["Benefits:Urls"] = "http://127.0.0.1:0", ["Benefits:Db"] = "sqlite:" + target.Location,
                ["Logging:LogLevel:Default"] = "Warning",
            };
            // First start: data-quality is scheduled for 05:00 tomorrow (or today); nothing runs.
            await using (var first = ServiceHost.Build(settings))
            {
                await ServiceHost.PrepareAsync(first, CancellationToken.None);
                await first.StartAsync();
                await first.StopAsync();
            }
            // While "down", the fire time passes: the stored trigger's next fire is put an hour in the past.
            await using (var db = await BenefitsStore.OpenAsync(target))
            {
                var past = DateTimeOffset.UtcNow.AddHours(-1).UtcTicks;
                var changed =
                    await db.Database.ExecuteSqlRawAsync("UPDATE qrtz_triggers SET next_fire_time = {0} WHERE trigger_name = 'data-quality'", past);
                Assert.Equal(1, changed);
                Assert.Equal(0, await db.JobRuns.CountAsync());
            }
            await using (var second = ServiceHost.Build(settings))
            {
                await ServiceHost.PrepareAsync(second, CancellationToken.None);
                await second.StartAsync();
                var run = await ScheduledRunAsync(target, JobNames.DataQuality);
                Assert.NotNull(run);
                await Task.Delay(TimeSpan.FromSeconds(2)); // fire and proceed: once, not once per missed fire
                await second.StopAsync();
            }
            await using (var db = new BenefitsDbContext(BenefitsStore.Options(target)))
                Assert.Equal(1, await db.JobRuns.CountAsync(r => r.Job == JobNames.DataQuality));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Data_quality_answers_the_keys_own_councils_findings_only()
    {
        await using var service = await ServiceUnderTest.StartAsync(events: null);
        await using (var db = await BenefitsStore.OpenAsync(service.Target))
        {
            db.DataQualityFindings.AddRange(
                new DataQualityFindingRow { RunId = 1, Kind = Finding.Gap, CouncilCode = ServiceUnderTest.Conwy, Service = "garden-waste",
                    Month = 202409, Detail = "no events in 2024-09", FoundAt = DateTimeOffset.UtcNow },
                new DataQualityFindingRow { RunId = 1, Kind = Finding.StaleFeed, CouncilCode = ServiceUnderTest.Anglesey,
                    Detail = "no new events rows for 60 days", FoundAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var key = await service.KeyAsync(ServiceUnderTest.Conwy, Application.Keys.KeyScope.Read);
        var response = await service.SendAsync(HttpMethod.Get, "/api/v1/data-quality", key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var finding = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray())!;
        Assert.Equal(("gap", ServiceUnderTest.Conwy, "2024-09"), ((string)finding["kind"]!, (string)finding["council"]!, (string)finding["month"]!));
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.SendAsync(HttpMethod.Get, "/api/v1/data-quality", null)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_lists_the_jobs_runs_and_the_findings()
    {
        await using var service = await ServiceUnderTest.StartAsync(new() { ["Benefits:PublicDashboard"] = "true" });
        await using (var db = await BenefitsStore.OpenAsync(service.Target))
        {
            db.JobRuns.Add(new JobRunRow { Job = JobNames.RefreshRollups, Trigger = JobRun.BySchedule,
                StartedAt = DateTimeOffset.UtcNow.AddSeconds(-3), FinishedAt = DateTimeOffset.UtcNow,
                Outcome = JobRun.Succeeded, Summary = "the rollups agree with the raw rows; nothing corrected" });
            // An inbox run's line names the files it took, every council's: the page, like the API, leaves it out.
            db.JobRuns.Add(new JobRunRow { Job = JobNames.IngestInbox, Trigger = JobRun.BySchedule, StartedAt = DateTimeOffset.UtcNow.AddSeconds(-2),
                FinishedAt = DateTimeOffset.UtcNow,
                Outcome = JobRun.Succeeded, Summary = "took gwynedd-planning-events.csv: read 12, accepted 12" });
            db.DataQualityFindings.Add(new DataQualityFindingRow { RunId = 1, Kind = Finding.Spike, CouncilCode = ServiceUnderTest.Conwy,
                Service = "planning-maps", Month = 202410,
                Detail = "1,512 completed transactions in 2024-10 against a median of 240", FoundAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var jobs = await service.Client.GetStringAsync("/jobs");
        Assert.Contains("<th scope=\"row\">monthly-reports</th>", jobs, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">ingest-inbox</th>", jobs, StringComparison.Ordinal);
        Assert.Contains("not scheduled: no inbox folder",
            jobs.Replace("&#39;", "'", StringComparison.Ordinal).Replace("&quot;", "\"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("the rollups agree with the raw rows", jobs, StringComparison.Ordinal);
        Assert.DoesNotContain("gwynedd-planning-events.csv", jobs, StringComparison.Ordinal);
        Assert.Contains("benefits jobs history ingest-inbox", jobs.Replace("&#96;", "`", StringComparison.Ordinal), StringComparison.Ordinal);
        var quality = await service.Client.GetStringAsync("/data-quality");
        Assert.Contains("1,512 completed transactions in 2024-10 against a median of 240", quality, StringComparison.Ordinal);
        Assert.Contains("href=\"/data-quality\"", await service.Client.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
