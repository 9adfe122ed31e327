using System.Diagnostics;
using System.Globalization;
using BenefitsTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Ingestion.Benchmarks;

/// <summary>
/// Times a full ingest (hashing, parsing, validation, de-duplication on event_id, rollups, one transaction) of a
/// generated events CSV into a fresh SQLite store, and the sqlite3 CLI's <c>.import</c> of the same file into a
/// fresh database (WAL, synchronous=NORMAL), in the same run. <c>benefits bench ingest --events N</c>.
/// </summary>
public sealed class IngestBenchmark
{
    /// <param name="self">
    /// How to start this program (<c>benefits</c>) as a new process, when it can be: the whole <c>benefits ingest</c>
    /// process (start-up, opening the store, ingest, exit) is then timed as well, against the same <c>.import</c>.
    /// </param>
    public async Task<BenchmarkReport> RunAsync(int events, string workDir, TextWriter output, CancellationToken ct = default,
        EventIdStyle ids = EventIdStyle.Text, IReadOnlyList<string>? self = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        Directory.CreateDirectory(workDir);
        var csv = Path.Combine(workDir, $"bench-events-{events}-{ids.ToString().ToLowerInvariant()}.csv");
        var ours = Path.Combine(workDir, "bench-ours.db");
        var theirs = Path.Combine(workDir, "bench-sqlite3.db");
        var process = Path.Combine(workDir, "bench-process.db");
        foreach (var f in new[] { ours, theirs, process })
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(f + suffix);

        output.WriteLine(F($"generating {events:N0} events (seeded; event ids: {ids.ToString().ToLowerInvariant()}) ..."));
        var bytes = BenchmarkEventsFile.Write(csv, events, ids: ids);
        output.WriteLine(F($"  {csv}: {bytes / 1048576.0:N1} MB"));

        // sqlite3 first, so that both read the file from a warm page cache.
        var (sqliteTime, sqliteVersion) = await SqliteImportAsync(theirs, csv, output, ct);

        TimeSpan ingest;
        long rows;
        await using (var db = await BenefitsStore.OpenAsync(DatabaseTarget.Parse("sqlite:" + ours), ct))
        {
            var clock = Stopwatch.StartNew();
            var summary = await new Ingestor(db).IngestAsync([csv], InputKind.Events, null, ct);
            ingest = clock.Elapsed;
            rows = await db.UsageEvents.LongCountAsync(ct);
            var file = summary.Files[0];
            output.WriteLine(F($"ours: read {file.Read:N0}, accepted {file.Accepted:N0}, rejected {file.Rejected:N0}, ") +
                F($"duplicates {file.Duplicates:N0}; {rows:N0} rows in the store"));
        }

        TimeSpan? whole = null;
        if (self is { Count: > 0 })
        {
            var clock = Stopwatch.StartNew();
            await RunAsync(self[0], [.. self.Skip(1), "ingest", csv, "--kind", "events", "--db", "sqlite:" + process], ct);
            whole = clock.Elapsed;
            output.WriteLine($"process: {string.Join(' ', self)} ingest {Path.GetFileName(csv)}");
        }

        var report = new BenchmarkReport(events, bytes, ingest, rows, PeakMemory(), sqliteTime, sqliteVersion) { WholeProcess = whole };
        output.WriteLine(F($"ours:    {report.Ingest.TotalSeconds,6:0.00} s  {report.RowsPerSecond,12:N0} rows/s  ") +
            "(validation, dedupe, rollups, one transaction)");
        if (report.SqliteImport is { } t)
        {
            output.WriteLine(F($"sqlite3: {t.TotalSeconds,6:0.00} s  {report.SqliteRowsPerSecond,12:N0} rows/s  ") +
                F($"(.import, WAL, synchronous=NORMAL; {sqliteVersion})"));
            output.WriteLine(F($"ratio:   {report.Ratio:0.00} (ours / sqlite3 .import; target >= 1.0, floor 0.8)"));
            if (report.WholeProcess is { } w)
                output.WriteLine(F($"process: {w.TotalSeconds,6:0.00} s  ratio {report.WholeProcessRatio:0.00} ") +
                    "(the whole `benefits ingest` process / sqlite3 .import)");
        }
        else output.WriteLine("sqlite3: not found on PATH; no comparison");
        output.WriteLine(F($"peak memory: {report.PeakMemoryBytes / 1048576.0:N0} MB (whole process, VmHWM)"));
        output.WriteLine(Data.Sqlite.SqliteLibrary.Configured
            ? "sqlite library: multi-thread mode, no memory statistics"
            : "sqlite library: its defaults (serialized mode, memory statistics): SQLite had started before it could be set up");
        return report;
    }

    private static async Task<(TimeSpan?, string?)> SqliteImportAsync(string db, string csv, TextWriter output, CancellationToken ct)
    {
        string? version;
        try
        {
            version = (await RunAsync("sqlite3", ["--version"], ct)).Split(' ').FirstOrDefault();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, null);
        }
        var clock = Stopwatch.StartNew();
        var result = await RunAsync("sqlite3",
            [db, "PRAGMA journal_mode=WAL;", "PRAGMA synchronous=NORMAL;", ".mode csv", $".import '{csv}' usage_events"], ct);
        var elapsed = clock.Elapsed;
        var count = (await RunAsync("sqlite3", [db, "SELECT count(*) FROM usage_events;"], ct)).Trim();
        output.WriteLine($"sqlite3 .import: {count} rows");
        _ = result;
        return (elapsed, "sqlite " + version);
    }

    private static async Task<string> RunAsync(string program, string[] args, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {await stderr}");
        return await stdout;
    }

    /// <summary>The process's peak resident memory: VmHWM on Linux, else the peak working set.</summary>
    public static long PeakMemory()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return Process.GetCurrentProcess().PeakWorkingSet64;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
