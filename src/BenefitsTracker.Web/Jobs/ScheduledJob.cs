using BenefitsTracker.Application.Jobs;
using Quartz;

namespace BenefitsTracker.Web.Jobs;

/// <summary>
/// The Quartz side of every job: a thin adapter that runs the job named by its key through the same
/// <see cref="JobRunner"/> as `benefits jobs run`, and holds no logic of its own. One run of a job at a time.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ScheduledJob(JobRunner runner, IHostApplicationLifetime lifetime) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Stopping the service cancels the run between files (or inside one, rolled back): the file stays in the inbox.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await runner.RunAsync(context.JobDetail.Key.Name, JobRun.BySchedule, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Recorded as cancelled by the runner; nothing more to do.
        }
    }
}
