using System.Text.Json;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Application.Jobs;

/// <summary>The recorded runs of the jobs (job_runs), newest first.</summary>
public sealed class JobHistory(BenefitsDbContext db)
{
    public async Task<IReadOnlyList<JobRun>> ListAsync(string? job, int limit, CancellationToken ct)
    {
        var query = db.JobRuns.AsNoTracking();
        if (job is not null) query = query.Where(r => r.Job == job);
        return (await query.OrderByDescending(r => r.Id).Take(limit).ToListAsync(ct)).Select(ToRun).ToList();
    }

    /// <summary>Each job's latest run, by job name (a job never run is absent).</summary>
    public async Task<IReadOnlyDictionary<string, JobRun>> LastRunsAsync(CancellationToken ct)
    {
        var last = new Dictionary<string, JobRun>();
        foreach (var job in JobNames.All)
            if (await db.JobRuns.AsNoTracking().Where(r => r.Job == job).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct) is { } row)
                last[job] = ToRun(row);
        return last;
    }

    internal static JobRun ToRun(JobRunRow r) => new(r.Id, r.Job, r.Trigger, r.StartedAt, r.FinishedAt, r.Outcome, r.Summary,
        JsonSerializer.Deserialize<Dictionary<string, long>>(r.CountsJson) ?? [], r.Node);
}
