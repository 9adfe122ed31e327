using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Web.Apis;
using BenefitsTracker.Web.Hosting;
using Quartz;

namespace BenefitsTracker.Web.Jobs;

/// <summary>The jobs as GET /api/v1/jobs and the dashboard list them: schedule from Quartz, runs from job_runs.</summary>
internal sealed class ScheduledJobCatalog(JobRunner runner, ServiceStore store, TimeProvider clock, IServiceProvider services,
    Phrase? schedulerOff) : IJobCatalog
{
    public async Task<IReadOnlyList<JobInfo>> ListAsync(CancellationToken ct)
    {
        var crons = JobSchedules.Parse(runner.Options);
        var scheduler = services.GetService<ISchedulerFactory>() is { } factory ? await factory.GetScheduler(ct) : null;
        await using var db = store.OpenRead();
        var history = new JobHistory(db);
        var list = new List<JobInfo>();
        foreach (var job in JobNames.All)
        {
            var why = schedulerOff ?? (scheduler is null ? JobScheduling.NoScheduler : JobScheduling.WhyNotScheduled(runner, job));
            DateTimeOffset? next = null;
            if (why is null && scheduler is not null)
                next = (await scheduler.GetTrigger(new TriggerKey(job, JobScheduling.Group), ct))?.NextFireTimeUtc
                    ?? JobSchedules.Next(crons[job], clock.GetUtcNow());
            var runs = await history.ListAsync(job, 10, ct);
            var last = runs.FirstOrDefault();
            list.Add(new JobInfo(job, crons[job].CronExpressionString, crons[job].TimeZone.Id, next, why?.English, last?.StartedAt,
                last?.Outcome, last, runs) { NotScheduledPhrase = why });
        }
        return list;
    }
}
