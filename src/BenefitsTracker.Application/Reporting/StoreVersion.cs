namespace BenefitsTracker.Application.Reporting;

/// <summary>
/// The store's version as this process last saw it (the newest ingested file's id). An ingest in this process
/// moves it at once; the host polls the store for ingests by other processes (`benefits ingest`, another node).
/// While it is unchanged, cached results are served without touching the store.
/// </summary>
public sealed class StoreVersion
{
    private long _current;

    public long Current => Interlocked.Read(ref _current);

    /// <summary>Records a version seen in the store; never moves backwards.</summary>
    public void Observe(long version)
    {
        long seen;
        while (version > (seen = Interlocked.Read(ref _current)))
            if (Interlocked.CompareExchange(ref _current, version, seen) == seen) return;
    }
}
