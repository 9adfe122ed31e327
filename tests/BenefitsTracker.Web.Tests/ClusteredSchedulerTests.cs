using System.Collections.Concurrent;
using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;
using BenefitsTracker.TestSupport;
using BenefitsTracker.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace BenefitsTracker.Web.Tests;

/// <summary>
/// Quartz clustered on PostgreSQL: two service hosts on one database share one schedule, and each fire of a job runs
/// on one of them only. Against the tests' throwaway cluster (passes having checked nothing without PostgreSQL, unless
/// CI or BENEFITS_REQUIRE_TOOLS is set).
/// </summary>
public sealed class ClusteredSchedulerTests
{
    [Fact]
    public async Task Two_nodes_on_one_PostgreSQL_database_run_each_fire_of_a_job_once()
    {
        if (PostgresServer.ForTest() is not { } server) return;
        var folder = Directory.CreateTempSubdirectory("bt-cluster-").FullName;
        var target = DatabaseTarget.Parse("postgres:" + server.ConnectionString(PostgresServer.NewDatabaseName("cluster")));
        try
        {
            // The schedule's tables come with the migrations, as for an operator's `benefits db migrate`.
            await (await BenefitsStore.OpenAsync(target)).DisposeAsync();
            var settings = new Dictionary<string, string?>
            {
                ["Benefits:Urls"] = "http://127.0.0.1:0", ["Benefits:Db"] = "postgres:" + target.Location,
                ["Benefits:KeySecretFile"] = Path.Combine(folder, "keys"),
                ["Benefits:Jobs:Schedules:data-quality"] = "0/2 * * * * ?",
                ["Benefits:Jobs:ClusterCheckinSeconds"] = "1", ["Benefits:Jobs:ClusterFailoverSeconds"] = "5",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            // Every fire either node starts, by node and scheduled fire time, from a listener on each node's scheduler.
            var fires = new ConcurrentQueue<(string Node, DateTimeOffset Fire)>();
            var nodes = new List<WebApplication>();
            try
            {
                foreach (var _ in new[] { "a", "b" })
                {
                    var app = ServiceHost.Build(settings);
                    await ServiceHost.PrepareAsync(app, CancellationToken.None);
                    var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
                    scheduler.ListenerManager.AddJobListener(new FireRecorder(fires));
                    await app.StartAsync();
                    nodes.Add(app);
                }
                var ids = new List<string>();
                foreach (var app in nodes) ids.Add((await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).SchedulerInstanceId);
                Assert.Equal(2, ids.Distinct().Count());

                // Both nodes check in to the same database, then at least five fires (every 2 s) come and go.
                var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
                while (fires.Select(f => f.Fire).Distinct().Count() < 6 && DateTime.UtcNow < until) await Task.Delay(250);
                await using (var connection = new NpgsqlConnection(target.Location))
                {
                    await connection.OpenAsync();
                    await using var cmd = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state ORDER BY 1", connection);
                    var checkedIn = new List<string>();
                    await using (var reader = await cmd.ExecuteReaderAsync())
                        while (await reader.ReadAsync()) checkedIn.Add(reader.GetString(0));
                    Assert.Equal(ids.Order(StringComparer.Ordinal), checkedIn);
                }
            }
            finally
            {
                foreach (var app in nodes)
                {
                    await app.StopAsync();
                    await app.DisposeAsync();
                }
            }

            var byFire = fires.GroupBy(f => f.Fire).ToList();
            Assert.True(byFire.Count >= 6, $"only {byFire.Count} fires seen");
            // Each scheduled fire time was run by one node, once.
            Assert.All(byFire, g => Assert.Single(g));
            await using var db = new BenefitsDbContext(BenefitsStore.Options(target));
            var runs = await db.JobRuns.AsNoTracking().Where(r => r.Job == JobNames.DataQuality && r.Trigger == JobRun.BySchedule).ToListAsync();
            // And the job history has one run for each, finished (the last may have been cut short by the stop). A fire that the
            // stop reached before its run was recorded (JobRunner's start row is written with the stop's token, so a node
            // stopping does not wait on the store) leaves no run: at most one such fire a node, never a run without a fire.
            Assert.InRange(runs.Count, fires.Count - nodes.Count, fires.Count);
            Assert.All(runs, r => Assert.Contains(r.Outcome, new[] { JobRun.Succeeded, JobRun.Cancelled }));
            Assert.True(runs.Count(r => r.Outcome == JobRun.Succeeded) >= 5);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_scheduled_run_left_running_by_a_killed_process_is_closed_when_the_job_next_starts()
    {
        var folder = Directory.CreateTempSubdirectory("bt-killed-").FullName;
        try
        {
            var target = DatabaseTarget.Parse("sqlite:" + Path.Combine(folder, "store.db"));
            await ServiceUnderTest.SeedAsync(target, []);
            await using (var db = await BenefitsStore.OpenAsync(target))
            {
                // What a process killed during a run leaves, and a run by hand under way, which must stay as it is.
                db.JobRuns.Add(new JobRunRow { Job = JobNames.DataQuality, Trigger = JobRun.BySchedule,
                    StartedAt = DateTimeOffset.UtcNow.AddHours(-1), Outcome = JobRun.Running });
                db.JobRuns.Add(new JobRunRow { Job = JobNames.DataQuality, Trigger = JobRun.ByHand, StartedAt = DateTimeOffset.UtcNow,
                    Outcome = JobRun.Running });
                await db.SaveChangesAsync();
            }
            var runner = new JobRunner(target, new JobOptions(), TimeProvider.System);

            var run = await runner.RunAsync(JobNames.DataQuality, JobRun.BySchedule, CancellationToken.None);

            Assert.Equal(JobRun.Succeeded, run.Outcome);
            await using var check = new BenefitsDbContext(BenefitsStore.Options(target));
            var rows = await check.JobRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
            Assert.Equal((JobRun.Failed, JobRunner.KilledSummary), (rows[0].Outcome, rows[0].Summary));
            Assert.NotNull(rows[0].FinishedAt);
            Assert.Equal(JobRun.Running, rows[1].Outcome);
            Assert.Equal(JobRun.Succeeded, rows[2].Outcome);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Notes each fire a node is about to run.</summary>
    private sealed class FireRecorder(ConcurrentQueue<(string Node, DateTimeOffset Fire)> fires) : IJobListener
    {
        public string Name { get; } = "fire-recorder-" + Guid.NewGuid().ToString("N");

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            if (context.JobDetail.Key.Name == JobNames.DataQuality)
                fires.Enqueue((context.Scheduler.SchedulerInstanceId, context.ScheduledFireTimeUtc ?? DateTimeOffset.MinValue));
            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException,
            CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;
    }
}
