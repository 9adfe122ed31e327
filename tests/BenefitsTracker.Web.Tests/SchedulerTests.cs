using System.Net;
using System.Text.Json.Nodes;
using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;
using BenefitsTracker.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
                var run = await db.JobRuns.AsNoTracking().Where(r => r.Job == job && r.Trigger == JobRun.BySchedule && r.FinishedAt != null).OrderBy(r => r.Id).FirstOrDefaultAsync();
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
        Assert.Equal(JobRun.Succeeded, (string)quality["last_outcome"]!);
        Assert.Equal(JobRun.BySchedule, (string)quality["last_run"]!["trigger"]!);
        Assert.NotNull(quality["last_run"]!["duration_seconds"]);
        Assert.NotNull(quality["next_fire_time"]);
        // The schedule lives in the same database file as the data.
        await using var connection = new SqliteConnection($"Data Source={service.Target.Location};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND lower(name) = 'qrtz_triggers'";
        Assert.Equal(1L, (long)(await cmd.ExecuteScalarAsync())!);
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
                var changed = await db.Database.ExecuteSqlRawAsync("UPDATE qrtz_triggers SET next_fire_time = {0} WHERE trigger_name = 'data-quality'", past);
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
                new DataQualityFindingRow { RunId = 1, Kind = Finding.Gap, CouncilCode = ServiceUnderTest.Conwy, Service = "garden-waste", Month = 202409, Detail = "no events in 2024-09", FoundAt = DateTimeOffset.UtcNow },
                new DataQualityFindingRow { RunId = 1, Kind = Finding.StaleFeed, CouncilCode = ServiceUnderTest.Anglesey, Detail = "no new events rows for 60 days", FoundAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var key = await service.KeyAsync(ServiceUnderTest.Conwy, Application.Keys.KeyScope.Read);
        var response = await service.SendAsync(HttpMethod.Get, "/api/v1/data-quality", key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var finding = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray())!;
        Assert.Equal(("gap", ServiceUnderTest.Conwy, "2024-09"), ((string)finding["kind"]!, (string)finding["council"]!, (string)finding["month"]!));
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.SendAsync(HttpMethod.Get, "/api/v1/data-quality", null)).StatusCode);
    }
}
