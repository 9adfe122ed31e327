using System.Text.Json;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Application.Jobs;

/// <summary>
/// Runs one job's work and records the run (job_runs): the one path for the scheduler (a Quartz job is a thin
/// adapter onto it) and for `benefits jobs run`. A run's failure is recorded and returned, not thrown; a
/// cancelled run (the service stopping) is recorded as cancelled and the cancellation goes on.
/// </summary>
public sealed class JobRunner(DatabaseTarget target, JobOptions options, TimeProvider clock)
{
    /// <summary>The folder ingest-inbox takes files from (`--inbox`, Benefits:Inbox).</summary>
    public string? Inbox { get; init; }

    /// <summary>The folder monthly-reports writes under (`--reports`, Benefits:Reports).</summary>
    public string? Reports { get; init; }

    /// <summary>The host's write gate: the store takes one writer at a time, and the API's ingests take the same gate.</summary>
    public SemaphoreSlim? WriteGate { get; init; }

    /// <summary>Progress lines for a person (the terminal, or the service's log).</summary>
    public Action<string>? Log { get; init; }

    public DatabaseTarget Target => target;
    public JobOptions Options => options;
    public TimeProvider Clock => clock;

    /// <summary>Checks that <paramref name="job"/> can run with what it was given; a usage error otherwise (exit 2, nothing recorded).</summary>
    public string Check(string job)
    {
        job = JobNames.Check(job);
        if (job == JobNames.IngestInbox && string.IsNullOrWhiteSpace(Inbox))
            throw new UsageException("ingest-inbox needs an inbox folder: give --inbox DIR (or set Benefits:Inbox)");
        if (job == JobNames.MonthlyReports && string.IsNullOrWhiteSpace(Reports))
            throw new UsageException("monthly-reports needs a reports folder: give --reports DIR (or set Benefits:Reports)");
        _ = options.Zone();
        return job;
    }

    /// <summary>
    /// The summary of a scheduled run found still "running" when the job next starts: its process stopped without
    /// recording an end (killed, or its machine lost). Its end time is when that was noticed.
    /// </summary>
    public const string KilledSummary = "the process running it stopped before it finished (killed?); the scheduler ran the job again";

    public async Task<JobRun> RunAsync(string job, string trigger, CancellationToken ct)
    {
        job = Check(job);
        var started = clock.GetUtcNow();
        long id;
        await using (var db = await OpenAsync(ct))
        {
            if (trigger == JobRun.BySchedule)
            {
                // The scheduler never runs a job twice at once (on PostgreSQL, across every node): a scheduled run of
                // this job still "running" is one whose process was killed. Say so rather than leave it running for ever.
                await db.JobRuns.Where(r => r.Job == job && r.Trigger == JobRun.BySchedule && r.Outcome == JobRun.Running)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Outcome, JobRun.Failed).SetProperty(r => r.FinishedAt, started)
                        .SetProperty(r => r.Summary, KilledSummary), ct);
            }
            var row = new JobRunRow { Job = job, Trigger = trigger, StartedAt = started, Outcome = JobRun.Running, Summary = "",
                Node = options.NodeName };
            db.JobRuns.Add(row);
            await db.SaveChangesAsync(ct);
            id = row.Id;
        }
        Log?.Invoke($"{job}: started (run {id} on {options.NodeName})");
        string outcome, summary;
        var changed = false;
        IReadOnlyDictionary<string, long> counts = new Dictionary<string, long>();
        try
        {
            var result = await WorkAsync(job, id, ct);
            (outcome, summary, counts, changed) = (JobRun.Succeeded, result.Summary, result.Counts, result.ChangedFigures);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await FinishAsync(id, JobRun.Cancelled, "stopped before it finished; files not yet moved stay in the inbox", counts, false,
                CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            (outcome, summary) = (JobRun.Failed, Describe(e));
        }
        var run = await FinishAsync(id, outcome, summary, counts, changed, CancellationToken.None);
        Log?.Invoke($"{job}: {outcome} in {run.Duration?.TotalSeconds:0.0} s: {summary}");
        return run;
    }

    private Task<JobOutcome> WorkAsync(string job, long runId, CancellationToken ct) => job switch
    {
        JobNames.IngestInbox => new InboxJob(this).RunAsync(ct),
        JobNames.RefreshRollups => new RefreshRollupsJob(this).RunAsync(ct),
        JobNames.MonthlyReports => new MonthlyReportsJob(this).RunAsync(ct),
        JobNames.DataQuality => new DataQualityJob(this).RunAsync(runId, ct),
        _ => throw new UsageException($"no job called '{job}'"),
    };

    /// <summary>The message of a failure, and of what caused it when that says more (a store error's own words).</summary>
    private static string Describe(Exception e)
    {
        var text = e is UsageException or Ingestion.UnusableInputException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        return e.InnerException is { } inner && !text.Contains(inner.Message, StringComparison.Ordinal) ? text + " (" + inner.Message + ")" : text;
    }

    private async Task<JobRun> FinishAsync(long id, string outcome, string summary, IReadOnlyDictionary<string, long> counts, bool changedFigures,
        CancellationToken ct)
    {
        await using var db = await OpenAsync(ct);
        var row = await db.JobRuns.SingleAsync(r => r.Id == id, ct);
        row.FinishedAt = clock.GetUtcNow();
        row.Outcome = outcome;
        row.Summary = summary;
        row.CountsJson = JsonSerializer.Serialize(counts);
        row.ChangedFigures = changedFigures;
        await db.SaveChangesAsync(ct);
        return JobHistory.ToRun(row);
    }

    /// <summary>A context for a short write, through the host's gate when there is one.</summary>
    internal async Task<GatedContext> OpenAsync(CancellationToken ct)
    {
        if (WriteGate is { } gate) await gate.WaitAsync(ct);
        try
        {
            return new GatedContext(await BenefitsStore.OpenAsync(target, ct), WriteGate);
        }
        catch
        {
            WriteGate?.Release();
            throw;
        }
    }
}

/// <summary>A store context that releases the host's write gate when disposed.</summary>
internal sealed class GatedContext(BenefitsDbContext db, SemaphoreSlim? gate) : IAsyncDisposable
{
    public BenefitsDbContext Db => db;
    public DbSet<JobRunRow> JobRuns => db.JobRuns;
    public Task<int> SaveChangesAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await db.DisposeAsync();
        gate?.Release();
    }
}
