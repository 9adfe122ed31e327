using System.Text.Json.Serialization;
using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Web.Hosting;

namespace BenefitsTracker.Web.Apis;

/// <summary>
/// One scheduled job as GET /api/v1/jobs lists it: its cron expression and time zone, its next fire time (null
/// with <see cref="NotScheduled"/> saying why when it is not on this service's schedule), its last run and its
/// ten latest runs (outcome, duration, what they did).
/// </summary>
public sealed record JobInfo(string Name, string Cron, string TimeZone, DateTimeOffset? NextFireTime, string? NotScheduled,
    DateTimeOffset? LastRunAt, string? LastOutcome, JobRun? LastRun, IReadOnlyList<JobRun> RecentRuns)
{
    /// <summary>
    /// <see cref="NotScheduled"/> as a phrase (codes <c>jobs.not_scheduled.*</c>), for the dashboard's /jobs page in the page's
    /// language; not in the API's answer, which keeps the English.
    /// </summary>
    [JsonIgnore]
    public Phrase? NotScheduledPhrase { get; init; }
}

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
        app.MapGet("/api/v1/jobs", async (IJobCatalog jobs, CancellationToken ct) => TypedResults.Ok(ForAnyKey(await jobs.ListAsync(ct))))
            .WithTags("Jobs").RequireAuthorization(ServiceHost.ApiPolicy).RequireRateLimiting(ServiceHost.RatePolicy)
            .WithName("GetJobs")
            .WithSummary("The scheduled jobs: cron expression, next fire time, last run and the latest runs with their outcome, duration and counts")
            .ProducesProblem(401).ProducesProblem(429);
        return app;
    }

    /// <summary>
    /// Every council's key reads this list, and a run's summary line names the files it took (every council's), so
    /// the API gives each run's outcome, duration and counts without it, nor the node (a machine's name); `benefits
    /// jobs history` shows the operator the whole line and the node.
    /// </summary>
    internal static IReadOnlyList<JobInfo> ForAnyKey(IReadOnlyList<JobInfo> jobs) =>
        [.. jobs.Select(j => j with
        {
            LastRun = j.LastRun is { } last ? Redacted(last) : null,
            RecentRuns = [.. j.RecentRuns.Select(Redacted)],
        })];

    private static JobRun Redacted(JobRun run) =>
        run with { Summary = $"{run.Outcome}; the run's details are in `benefits jobs history {run.Job}` on the service's machine", Node = null };
}
