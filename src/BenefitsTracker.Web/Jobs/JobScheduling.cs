using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using BenefitsTracker.Web.Apis;
using BenefitsTracker.Web.Hosting;
using Quartz;

namespace BenefitsTracker.Web.Jobs;

/// <summary>
/// The scheduler in `benefits serve`: Quartz hosted in the web host, its schedule in the service's own store
/// (<see cref="JobStore"/>), each job a cron trigger from Benefits:Jobs:Schedules read in Benefits:Jobs:TimeZone.
/// Misfire policy: a fire missed while the service was down (or late by more than a minute) runs once as soon as
/// the scheduler starts, then the schedule goes on (cron "fire and proceed"); several missed fires make one run.
/// </summary>
public static class JobScheduling
{
    public const string Group = "benefits";

    public static void AddJobScheduler(this WebApplicationBuilder builder, ServiceOptions settings, DatabaseTarget target, ServiceStore store)
    {
        var section = builder.Configuration.GetSection(JobOptions.Section);
        var options = section.Get<JobOptions>() ?? new JobOptions();
        JobSchedules.Parse(options); // a bad cron expression stops the start, naming its setting
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(sp =>
        {
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("BenefitsTracker.Jobs");
            return new JobRunner(target, options, sp.GetRequiredService<TimeProvider>())
            {
                Inbox = NullIfEmpty(settings.Inbox), Reports = NullIfEmpty(settings.Reports), WriteGate = store.WriteGate,
                Log = line => log.LogInformation("{Line}", line),
            };
        });
        builder.Services.AddSingleton<IJobCatalog>(sp => new ScheduledJobCatalog(sp.GetRequiredService<JobRunner>(), store,
            sp.GetRequiredService<TimeProvider>(), sp, WhySchedulerOff(builder.Configuration, target)));
        if (WhySchedulerOff(builder.Configuration, target) is { } off)
        {
            builder.Services.AddHostedService(sp => new SchedulerOffNotice(sp.GetRequiredService<ILoggerFactory>(), off.English));
            return;
        }

        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "benefits";
                // Stopping the service cancels a running job's token, and the stop waits for it to record that.
                s.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            q.UseDefaultThreadPool(2);
            q.AddJobType<ScheduledJob>();
            JobStore.Configure(q, target, options);
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    /// <summary>
    /// Why this service runs without a scheduler, or null: Benefits:Jobs:Enabled false (jobs still run by hand), or a
    /// store the job store is not built for yet (<see cref="JobStore.Unsupported"/>). A phrase (codes
    /// <c>jobs.not_scheduled.*</c>), so that the dashboard says it in the page's language; its English is what the API and
    /// the log say.
    /// </summary>
    public static Phrase? WhySchedulerOff(IConfiguration configuration, DatabaseTarget target) =>
        string.Equals(configuration[JobOptions.Section + ":Enabled"], "false", StringComparison.OrdinalIgnoreCase)
            ? Phrase.Of("jobs.not_scheduled.disabled", "the scheduler is off (Benefits:Jobs:Enabled is false)")
            : JobStore.Unsupported(target) is { } unsupported
                ? Phrase.Of("jobs.not_scheduled.no_job_store", unsupported, ("provider", target.Provider.ToString()))
                : null;

    /// <summary>Why no job is scheduled when this service has no scheduler at all (none registered).</summary>
    public static readonly Phrase NoScheduler = Phrase.Of("jobs.not_scheduled.scheduler_off", "the scheduler is off");

    /// <summary>
    /// Puts each job's trigger in the store before the scheduler starts: a trigger whose cron expression and time zone
    /// are unchanged is kept (so its missed fires are still seen at start), a changed one replaced, and the trigger of
    /// a job that cannot run here (no inbox or reports folder configured) removed.
    /// </summary>
    public static async Task SyncAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory) return;
        var scheduler = await factory.GetScheduler(ct);
        var runner = services.GetRequiredService<JobRunner>();
        var crons = JobSchedules.Parse(runner.Options);
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("BenefitsTracker.Jobs");
        foreach (var job in JobNames.All)
        {
            var jobKey = new JobKey(job, Group);
            var triggerKey = new TriggerKey(job, Group);
            if (WhyNotScheduled(runner, job) is { } reason)
            {
                await scheduler.DeleteJob(jobKey, ct);
                log.LogInformation("{Job} is not scheduled: {Reason}", job, reason.English);
                continue;
            }
            var cron = crons[job];
            if (await scheduler.GetTrigger(triggerKey, ct) is ICronTrigger existing && existing.CronExpressionString == cron.CronExpressionString
                && existing.TimeZone.Id == cron.TimeZone.Id && existing.MisfireInstruction == CronTriggerMisfireInstruction.FireAndProceed
                && await scheduler.GetJobDetail(jobKey, ct) is { RequestsRecovery: true })
                continue;
            var detail = JobBuilder.Create<ScheduledJob>().WithIdentity(jobKey).WithDescription(job)
                .DisallowConcurrentExecution(true).StoreDurably(true)
                // A node killed during the job (clustered, on PostgreSQL): another node runs it again.
                .RequestRecovery(true).Build();
            var trigger = TriggerBuilder.Create(scheduler.TimeProvider).WithIdentity(triggerKey).ForJob(jobKey)
                .WithSchedule(CronScheduleBuilder.Create(cron.CronExpressionString).InTimeZone(cron.TimeZone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(detail, trigger, ScheduleJobOptions.Replacing, ct);
            log.LogInformation("{Job} scheduled: {Cron} ({Zone})", job, cron.CronExpressionString, cron.TimeZone.Id);
        }
    }

    /// <summary>
    /// Why a job is not on the schedule of this service, or null when it is: a phrase (codes <c>jobs.not_scheduled.*</c>)
    /// whose English the API and the log give.
    /// </summary>
    public static Phrase? WhyNotScheduled(JobRunner runner, string job) => job switch
    {
        JobNames.IngestInbox when runner.Inbox is null =>
            Phrase.Of("jobs.not_scheduled.no_inbox", "no inbox folder (--inbox or Benefits:Inbox)"),
        JobNames.MonthlyReports when runner.Reports is null =>
            Phrase.Of("jobs.not_scheduled.no_reports", "no reports folder (--reports or Benefits:Reports)"),
        _ => null,
    };

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>Says once, at start, that this service has no scheduler and why.</summary>
internal sealed class SchedulerOffNotice(ILoggerFactory logs, string why) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logs.CreateLogger("BenefitsTracker.Jobs").LogWarning("No scheduled jobs: {Why}", why);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
