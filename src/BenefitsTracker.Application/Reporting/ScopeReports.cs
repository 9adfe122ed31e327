using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Application.Reporting;

/// <summary>
/// Reports a scope from the store with the stored assumptions, as `benefits report` does without --assumptions:
/// the same <see cref="ReportPipeline"/>, so the API, the dashboard and the CLI give the same figures.
/// </summary>
public sealed class ScopeReports(Func<BenefitsDbContext> openContext)
{
    public async Task<SavingsResult> ComputeAsync(ScopeKey key, CancellationToken ct)
    {
        await using var db = openContext();
        var pipeline = new ReportPipeline(new StoreQueries(db));
        var assumptions = await pipeline.AssumptionsAsync(null, ct);
        return await pipeline.ComputeAsync(key.Kind, key.Id, key.Request, assumptions, ct);
    }

    /// <summary>The scope's <see cref="Fingerprint"/>: two small indexed queries, no rollups read.</summary>
    public async Task<Fingerprint> FingerprintAsync(ScopeKind kind, string id, CancellationToken ct)
    {
        await using var db = openContext();
        List<string> owners = [id];
        if (kind == ScopeKind.Council)
        {
            if (await db.Councils.AsNoTracking().Where(c => c.Code == id).Select(c => c.ConsortiumId).FirstOrDefaultAsync(ct) is { } consortium)
                owners.Add(consortium);
        }
        else owners.AddRange(await db.Councils.AsNoTracking().Where(c => c.ConsortiumId == id).Select(c => c.Code).ToListAsync(ct));
        var assumptions = await db.AssumptionSets.AsNoTracking().MaxAsync(a => (long?)a.Id, ct) ?? 0;
        var data = await db.IngestedFileOwners.AsNoTracking().Where(o => owners.Contains(o.Owner)).MaxAsync(o => (long?)o.FileId, ct) ?? 0;
        return new Fingerprint(assumptions, data, await RepairVersionAsync(db, ct));
    }

    /// <summary>
    /// The store's version: the newest ingested file's id plus the newest figure-changing job run's id (a rollup
    /// repair). Both only grow, so any ingest or repair, from this process or another, changes the sum.
    /// </summary>
    public async Task<long> StoreVersionAsync(CancellationToken ct)
    {
        await using var db = openContext();
        return (await db.IngestedFiles.AsNoTracking().MaxAsync(f => (long?)f.Id, ct) ?? 0) + await RepairVersionAsync(db, ct);
    }

    /// <summary>The newest job run that changed stored figures without a file (refresh-rollups' corrections); 0 if none.</summary>
    private static async Task<long> RepairVersionAsync(BenefitsDbContext db, CancellationToken ct) =>
        await db.JobRuns.AsNoTracking().Where(r => r.ChangedFigures).MaxAsync(r => (long?)r.Id, ct) ?? 0;
}
