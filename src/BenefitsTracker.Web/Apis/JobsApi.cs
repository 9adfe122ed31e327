using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Web.Hosting;

namespace BenefitsTracker.Web.Apis;

/// <summary>
/// One scheduled job as GET /api/v1/jobs lists it: its cron expression and time zone, its next fire time (null
/// with <see cref="NotScheduled"/> saying why when it is not on this service's schedule), its last run and its
/// ten latest runs (outcome, duration, what they did).
/// </summary>
public sealed record JobInfo(string Name, string Cron, string TimeZone, DateTimeOffset? NextFireTime, string? NotScheduled,
    DateTimeOffset? LastRunAt, string? LastOutcome, JobRun? LastRun, IReadOnlyList<JobRun> RecentRuns);

/// <summary>Where the scheduler reports its jobs (<see cref="Jobs.ScheduledJobCatalog"/>).</summary>
public interface IJobCatalog
{
    Task<IReadOnlyList<JobInfo>> ListAsync(CancellationToken ct);
}

/// <summary>GET /api/v1/jobs: schedules, last runs and their outcomes.</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/jobs", async (IJobCatalog jobs, CancellationToken ct) => TypedResults.Ok(await jobs.ListAsync(ct)))
            .WithTags("Jobs").RequireAuthorization(ServiceHost.ApiPolicy).RequireRateLimiting(ServiceHost.RatePolicy)
            .WithName("GetJobs")
            .WithSummary("The scheduled jobs: cron expression, next fire time, last run and the latest runs with their outcome, duration and counts")
            .ProducesProblem(401).ProducesProblem(429);
        return app;
    }
}
