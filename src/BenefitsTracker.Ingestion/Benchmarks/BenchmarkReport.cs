namespace BenefitsTracker.Ingestion.Benchmarks;

/// <summary>
/// One benchmark run: our ingest and the sqlite3 CLI's <c>.import</c> on the same file. <see cref="Ratio"/> is our
/// rate over sqlite3's (1.0 = as fast; the target is ≥ 1, the floor 0.5). Sqlite figures are null when no sqlite3
/// program was found.
/// </summary>
public sealed record BenchmarkReport(
    int Events,
    long FileBytes,
    TimeSpan Ingest,
    long RowsInStore,
    long PeakMemoryBytes,
    TimeSpan? SqliteImport,
    string? SqliteVersion)
{
    public double RowsPerSecond => Events / Ingest.TotalSeconds;
    public double? SqliteRowsPerSecond => SqliteImport is { } t ? Events / t.TotalSeconds : null;
    public double? Ratio => SqliteRowsPerSecond is { } s ? RowsPerSecond / s : null;
}
