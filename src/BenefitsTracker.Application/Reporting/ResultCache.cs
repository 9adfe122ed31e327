using System.Collections.Concurrent;

namespace BenefitsTracker.Application.Reporting;

/// <summary>
/// Computed results by scope, period and service, valid for one <see cref="Fingerprint"/> (assumptions version
/// and the scope's data version). While the store's version is the one an entry last checked, the entry is
/// served without a query; when it moved, the entry's fingerprint is read again (two small queries) and only a
/// changed fingerprint recomputes, so an ingest for one council leaves the others' entries warm.
/// </summary>
public sealed class ResultCache(ScopeReports reports, StoreVersion version, TimeProvider clock, int capacity = 1000)
{
    private readonly ConcurrentDictionary<ScopeKey, Entry> _entries = new();
    private long _computations;

    /// <summary>How many results were computed (not served from the cache) since start; for tests and logs.</summary>
    public long Computations => Interlocked.Read(ref _computations);

    public async Task<CachedReport> GetAsync(ScopeKey key, CancellationToken ct)
    {
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        if (entry.Value is { } warm && warm.StoreVersion == version.Current) return warm.Report;

        await entry.Gate.WaitAsync(ct);
        try
        {
            var seen = version.Current;
            var held = entry.Value;
            if (held is not null && held.StoreVersion == seen) return held.Report;
            var fingerprint = await reports.FingerprintAsync(key.Kind, key.Id, ct);
            if (held is not null && held.Report.Fingerprint == fingerprint)
            {
                entry.Value = held with { StoreVersion = seen };
                return held.Report;
            }
            var result = await reports.ComputeAsync(key, ct);
            Interlocked.Increment(ref _computations);
            var report = new CachedReport(key, result, fingerprint, clock.GetUtcNow());
            entry.Value = new Snapshot(report, seen);
            if (_entries.Count > capacity) Trim(key);
            return report;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Bounded memory: past the capacity, the least recently computed half goes.</summary>
    private void Trim(ScopeKey keep)
    {
        var oldest = _entries.Where(e => !e.Key.Equals(keep) && e.Value.Value is not null)
            .OrderBy(e => e.Value.Value!.Report.ComputedAt).Take(_entries.Count / 2).Select(e => e.Key).ToList();
        foreach (var k in oldest) _entries.TryRemove(k, out _);
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public volatile Snapshot? Value;
    }

    private sealed record Snapshot(CachedReport Report, long StoreVersion);
}
