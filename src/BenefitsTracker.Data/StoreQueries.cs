using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Data;

/// <summary>The reads that feed the engine. They touch rollups, cost lines and the registry, never raw events.</summary>
public sealed class StoreQueries(BenefitsDbContext db)
{
    /// <summary>All months of one council's data (the engine filters), or null when the store knows nothing of it.</summary>
    public async Task<CouncilData?> LoadCouncilAsync(string code, CancellationToken ct = default)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);

        var volumes = (await db.UsageRollups.AsNoTracking().Where(r => r.CouncilCode == code).ToListAsync(ct))
            .Select(r => new ChannelVolume(r.Service, r.Channel, Month.FromKey(r.Month), r.Completed, r.Started, r.Failed, r.Ratings, r.Satisfied))
            .OrderBy(v => v.Service, StringComparer.Ordinal).ThenBy(v => v.Month).ThenBy(v => Channels.Order(v.Channel))
                .ThenBy(v => v.Channel, StringComparer.Ordinal)
            .ToList();

        var closed = (await db.ClosedCaseRollups.AsNoTracking().Where(r => r.CouncilCode == code).ToListAsync(ct))
            .Select(r =>
                new ClosedCases(r.Service, Month.FromKey(r.Month), r.Grade.Length == 0 ? null : r.Grade, r.MinutesHundredths / 100m, r.Count))
            .OrderBy(c => c.Service, StringComparer.Ordinal).ThenBy(c => c.Month).ThenBy(c => c.Grade, StringComparer.Ordinal)
                .ThenBy(c => c.OfficerMinutes)
            .ToList();

        var open = (await db.OpenCaseRollups.AsNoTracking().Where(r => r.CouncilCode == code && r.Count != 0).ToListAsync(ct))
            .Select(r => new OpenCases(r.Service, Month.FromKey(r.Month), r.Count))
            .OrderBy(c => c.Service, StringComparer.Ordinal).ThenBy(c => c.Month)
            .ToList();

        var costs = ToCostLines(await db.CostLines.AsNoTracking().Where(c => c.CouncilCode == code).OrderBy(c => c.Id).ToListAsync(ct));

        var contacts = (await db.ContactEvents.AsNoTracking().Where(c => c.CouncilCode == code).OrderBy(c => c.Id).ToListAsync(ct))
            .Select(c => new ContactEvent(c.Service, c.UserRef, c.Channel, c.Kind == 0 ? ContactKind.Failed : ContactKind.Completed,
                DateTimeOffset.FromUnixTimeMilliseconds(c.OccurredAtMs)))
            .OrderBy(c => c.OccurredAt).ThenBy(c => c.Service, StringComparer.Ordinal).ThenBy(c => c.UserRef, StringComparer.Ordinal)
            .ToList();

        if (council is null && volumes.Count == 0 && closed.Count == 0 && open.Count == 0 && costs.Count == 0 && contacts.Count == 0)
            return null;

        return new CouncilData(code, council?.Name ?? code, council?.Population, council?.ConsortiumId,
            volumes, closed, open, costs, contacts);
    }

    /// <summary>A consortium's members (councils naming it in the councils file) and its own cost lines; null if unknown.</summary>
    public async Task<ConsortiumData?> LoadConsortiumAsync(string id, CancellationToken ct = default)
    {
        var consortium = await db.Consortia.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        var memberCodes = await db.Councils.AsNoTracking().Where(c => c.ConsortiumId == id).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(ct);
        var shared = ToCostLines(await db.CostLines.AsNoTracking().Where(c => c.ConsortiumId == id).OrderBy(c => c.Id).ToListAsync(ct));
        if (consortium is null && memberCodes.Count == 0 && shared.Count == 0) return null;

        var members = new List<CouncilData>(memberCodes.Count);
        foreach (var code in memberCodes)
            if (await LoadCouncilAsync(code, ct) is { } data) members.Add(data);
        return new ConsortiumData(id, consortium?.Name, members, shared);
    }

    /// <summary>Every council the store knows: from the councils file and from any data.</summary>
    public async Task<IReadOnlyList<string>> CouncilCodesAsync(CancellationToken ct = default)
    {
        var named = await db.Councils.AsNoTracking().Select(c => c.Code).ToListAsync(ct);
        var used = await db.UsageRollups.AsNoTracking().Select(r => r.CouncilCode).Distinct().ToListAsync(ct);
        var cased = await db.ClosedCaseRollups.AsNoTracking().Select(r => r.CouncilCode).Distinct().ToListAsync(ct);
        return named.Concat(used).Concat(cased).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<string>> ConsortiumIdsAsync(CancellationToken ct = default)
    {
        var named = await db.Consortia.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        var referenced = await db.Councils.AsNoTracking().Where(c => c.ConsortiumId != null).Select(c => c.ConsortiumId!).Distinct().ToListAsync(ct);
        return named.Concat(referenced).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The assumptions file ingested last: its exact UTF-8 bytes, version and SHA-256; null if none.</summary>
    public async Task<(byte[] Json, string Version, string Sha256)?> LatestAssumptionsAsync(CancellationToken ct = default)
    {
        var row = await db.AssumptionSets.AsNoTracking().OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        return (System.Text.Encoding.UTF8.GetBytes(row.Json), row.Version, row.Sha256);
    }

    /// <summary>
    /// The files that fed a report, in ingest order (METHOD.md, Lineage): those that stored rows for one of
    /// <paramref name="owners"/> (the report's council codes and consortium id), and every assumptions file.
    /// A file that stored nothing (all rejected or duplicate) fed no report and is not listed.
    /// </summary>
    public async Task<IReadOnlyList<InputFile>> InputFilesAsync(IReadOnlyCollection<string> owners, CancellationToken ct = default)
    {
        var owned = db.IngestedFileOwners.Where(o => owners.Contains(o.Owner)).Select(o => o.FileId);
        return (await db.IngestedFiles.AsNoTracking()
                .Where(f => f.Kind == "assumptions" || owned.Contains(f.Id))
                .OrderBy(f => f.Id).ToListAsync(ct))
            .Select(f => new InputFile(f.Name, f.Sha256, f.Accepted, f.Rejected)).ToList();
    }

    /// <summary>The first and last month with usage or case data, for one council or all.</summary>
    public async Task<(Month? From, Month? To)> DataRangeAsync(string? code = null, CancellationToken ct = default)
    {
        var usage = db.UsageRollups.AsNoTracking().Where(r => code == null || r.CouncilCode == code).Select(r => r.Month);
        var closed = db.ClosedCaseRollups.AsNoTracking().Where(r => code == null || r.CouncilCode == code).Select(r => r.Month);
        var open = db.OpenCaseRollups.AsNoTracking().Where(r => (code == null || r.CouncilCode == code) && r.Count != 0).Select(r => r.Month);
        int? min = null, max = null;
        foreach (var q in new[] { usage, closed, open })
        {
            var lo = await q.Select(m => (int?)m).MinAsync(ct);
            var hi = await q.Select(m => (int?)m).MaxAsync(ct);
            if (lo is { } l && (min is null || l < min)) min = l;
            if (hi is { } h && (max is null || h > max)) max = h;
        }
        return (min is { } a ? Month.FromKey(a) : null, max is { } b ? Month.FromKey(b) : null);
    }

    /// <summary>
    /// The stored data-quality findings about <paramref name="councils"/> in months <paramref name="fromKey"/> to
    /// <paramref name="toKey"/> (yyyyMM), and those about no month (a stale feed, a file), in a stable order.
    /// </summary>
    public async Task<IReadOnlyList<DataQualityFindingRow>> DataQualityFindingsAsync(IReadOnlyCollection<string> councils, int fromKey,
        int toKey, CancellationToken ct = default) =>
        await db.DataQualityFindings.AsNoTracking()
            .Where(f => councils.Contains(f.CouncilCode) && (f.Month == null || (f.Month >= fromKey && f.Month <= toKey)))
            .OrderBy(f => f.CouncilCode).ThenBy(f => f.Service).ThenBy(f => f.Month).ThenBy(f => f.Id)
            .ToListAsync(ct);

    private static List<CostLine> ToCostLines(List<CostLineRow> rows) =>
        rows.Select(c =>
            new CostLine(c.Service, c.Category, c.PeriodStart, c.PeriodEnd, c.AmountPence / 100m, c.Cashable, c.Reference, c.Description))
            .ToList();
}
