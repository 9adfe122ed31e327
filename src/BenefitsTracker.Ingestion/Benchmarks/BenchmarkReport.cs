namespace BenefitsTracker.Ingestion.Benchmarks;

/// <summary>
/// One benchmark run: our ingest and the sqlite3 CLI's <c>.import</c> on the same file. <see cref="Ratio"/> is our
/// rate over sqlite3's (1.0 = as fast; the target is ≥ 1, the floor 0.8). Sqlite figures are null when no sqlite3
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

    /// <summary>The whole <c>benefits ingest</c> process on the same file (start-up and exit included), when it was timed.</summary>
    public TimeSpan? WholeProcess { get; init; }

    /// <summary>sqlite3's time over the whole process's: 1.0 = as fast.</summary>
    public double? WholeProcessRatio => WholeProcess is { } w && SqliteImport is { } t ? t.TotalSeconds / w.TotalSeconds : null;
}
