using BenefitsTracker.Web.Hosting;

namespace BenefitsTracker.Web.Apis;

/// <summary>One scheduled job as GET /api/v1/jobs lists it.</summary>
public sealed record JobInfo(string Name, string Cron, DateTimeOffset? NextFireTime, DateTimeOffset? LastRunAt, string? LastOutcome);

/// <summary>
/// Where the scheduler (the jobs issue) reports its jobs. Until Quartz is hosted here, no job runs and the list is
/// empty; the jobs issue registers its own implementation in the same container.
/// </summary>
public interface IJobCatalog
{
    Task<IReadOnlyList<JobInfo>> ListAsync(CancellationToken ct);
}

internal sealed class NoJobs : IJobCatalog
{
    public Task<IReadOnlyList<JobInfo>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<JobInfo>>([]);
}

/// <summary>GET /api/v1/jobs: schedules, last runs and their outcomes.</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/jobs", async (IJobCatalog jobs, CancellationToken ct) => TypedResults.Ok(await jobs.ListAsync(ct)))
            .WithTags("Jobs").RequireAuthorization(ServiceHost.ApiPolicy).RequireRateLimiting(ServiceHost.RatePolicy)
            .WithName("GetJobs")
            .WithSummary("The scheduled jobs: cron expression, next fire time, last run and its outcome")
            .ProducesProblem(401).ProducesProblem(429);
        return app;
    }
}
