using System.Diagnostics;
using System.Security.Cryptography;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;
using BenefitsTracker.Data.Sqlite;
using BenefitsTracker.Ingestion.Kinds;
using BenefitsTracker.Ingestion.Pipeline;
using BenefitsTracker.Ingestion.Reading;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Ingestion;

/// <summary>
/// Loads input files into the store (SPEC.md, ingest): each file streamed, validated row by row, bad rows to a
/// rejects file, duplicates dropped, rollups updated, and the whole file committed in one transaction with its
/// registry entry, so a file is either wholly in the store or not at all.
/// </summary>
public sealed class Ingestor(BenefitsDbContext db)
{
    private static readonly AsyncLocal<Action<string>?> TraceHere = new();

    /// <summary>
    /// Stage timings for profiling (the test host's "profile" command); null in normal use. Held per async flow, so a
    /// test tracing its own ingest never sees the stages of another test's ingest running in parallel.
    /// </summary>
    internal static Action<string>? Trace { get => TraceHere.Value; set => TraceHere.Value = value; }

    /// <summary>Ingests files and folders (recursively: .csv, .ndjson, .jsonl, .json), in a stable order.</summary>
    /// <exception cref="UnusableInputException">A file cannot be ingested; it changed nothing, and earlier files stay committed.</exception>
    public async Task<IngestSummary> IngestAsync(IReadOnlyList<string> paths, InputKind kind = InputKind.Auto,
        IIngestProgress? progress = null, CancellationToken ct = default)
    {
        var results = new List<FileResult>();
        foreach (var file in Expand(paths))
        {
            try
            {
                var result = await IngestFileAsync(file, kind, progress, ct);
                results.Add(result);
                progress?.FileFinished(result);
            }
            catch (UnusableInputException e)
            {
                db.ChangeTracker.Clear();
                e.Completed = results.ToList();
                throw;
            }
            catch
            {
                // The file's transaction was rolled back; entities the context still tracks never reached the store.
                db.ChangeTracker.Clear();
                throw;
            }
        }
        return new IngestSummary(results);
    }

    /// <summary>The files a list of paths names: files as given, folders searched recursively; rejects files never.</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) files.Add(Path.GetFullPath(path));
            else if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => IsInputName(f) && !Rejects.IsRejectsFile(f))
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal));
            else throw new UnusableInputException(path, "no such file or folder");
        }
        return files.Distinct().ToList();
    }

    private static bool IsInputName(string f) =>
        Path.GetExtension(f).ToLowerInvariant() is ".csv" or ".ndjson" or ".jsonl" or ".json";

    private async Task<FileResult> IngestFileAsync(string path, InputKind kind, IIngestProgress? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // A pipe or device can be read once only, and the sniffer, the hash and the reader each open the file.
        if (InputSniffer.NotARegularFile(path) is { } notRegular) throw new UnusableInputException(path, notRegular);
        var length = new FileInfo(path).Length;
        progress?.FileStarted(path, length);
        // Re-ingesting is a no-op. A file can only be a repeat of one of the same length, so only then is it hashed
        // up front; otherwise the hash is taken as the rows stream past, and checked again before commit.
        string? sha = null;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        // SQLite: the registry row and the transaction without Entity Framework, which warms up while the rows load.
        var start = SqliteIngestStart.For(db);
        if (extension == ".json" || (start is not null ? start.AnyFileOfLength(length) : await db.IngestedFiles.AnyAsync(f => f.Bytes == length, ct)))
        {
            sha = await HashAsync(path, ct);
            Trace?.Invoke($"hashed {clock.Elapsed.TotalSeconds:0.000}");
            if (await Registered(sha, path, clock, ct) is { } previous) return previous;
        }

        if (extension == ".json" || kind == InputKind.Assumptions)
        {
            if (kind is not (InputKind.Auto or InputKind.Assumptions))
                throw new UnusableInputException(path, $"a .json file is an assumptions set, not {kind.Key()}; use .csv or .ndjson for rows");
            return await AssumptionsIngest.IngestAsync(db, path, sha ?? await HashAsync(path, ct), length, clock, ct);
        }

        if (InputSniffer.Problem(path) is { } problem) throw new UnusableInputException(path, problem);

        var hashAsRead = sha is null;
        using IRecordSource source = extension is ".ndjson" or ".jsonl" ? new NdjsonRecordSource(path, hashAsRead)
            : new CsvRecordSource(path, hashAsRead);
        var schema = kind == InputKind.Auto
            ? KindSchema.Detect(source.Columns) ?? throw new UnusableInputException(path,
                $"cannot tell the kind of file from its columns ({string.Join(", ", source.Columns)}); use --kind events|cases|costs|councils")
            : KindSchema.For(kind);
        if (schema.ColumnProblem(source.Columns) is { } columnProblem) throw new UnusableInputException(path, columnProblem);
        if (source.Format == "csv" && schema.MissingColumns(source.Columns) is { } missing) throw new UnusableInputException(path, missing);

        var handler = KindHandler.For(schema.Kind);
        handler.Bind(source);
        using var rejects = new Rejects(path, source.RejectsHeader);
        // An earlier ingest's rejects file (a changed file of the same name) is that ingest's record: kept.
        bool RejectsRegistered(string rejectsPath) => db.IngestedFiles.Any(f => f.RejectsPath == rejectsPath);

        await using var tx = start is null ? new FileTransaction(await db.Database.BeginTransactionAsync(ct)) : new FileTransaction(start.Begin());
        var entry = new IngestedFileRow
        {
            Name = Path.GetFileName(path), Path = path, Sha256 = sha ?? "pending-" + Guid.NewGuid().ToString("N"),
                Kind = schema.Kind.Key(), Format = source.Format,
            Bytes = length, StartedAt = DateTimeOffset.UtcNow, FinishedAt = DateTimeOffset.UtcNow,
        };
        Task? warmUp = null;
        if (start is null)
        {
            db.IngestedFiles.Add(entry);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            start.Insert(entry, tx.Started!);
            warmUp = SqliteIngestStart.WarmUp();
        }

        PipelineCounts counts;
        using (var loader = start?.CreateBulkLoader() ?? BenefitsStore.CreateBulkLoader(db))
        {
            counts = await FilePipeline.RunAsync(source, handler, loader, rejects, entry.Id, path, length, progress, ct);
            Trace?.Invoke($"rows loaded {clock.Elapsed.TotalSeconds:0.000}");
            if (warmUp is not null)
            {
                // From here on Entity Framework works in the file's transaction, on the registry row as if it had saved it.
                await warmUp;
                tx.Attach(db);
                db.IngestedFiles.Attach(entry);
            }
            await handler.FinishAsync(db, loader, ct);
            Trace?.Invoke($"rollups merged {clock.Elapsed.TotalSeconds:0.000}");
            if (handler.LateDuplicates > 0)
                counts = counts with { Accepted = counts.Accepted - handler.LateDuplicates, Duplicates = counts.Duplicates + handler.LateDuplicates };
        }
        if (sha is null)
        {
            sha = source.Sha256();
            if (await Registered(sha, path, clock, ct) is { } previous)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                rejects.Abort();
                return previous;
            }
            entry.Sha256 = sha;
        }
        entry.RowsRead = counts.Read;
        entry.Accepted = counts.Accepted;
        entry.Rejected = counts.Rejected;
        entry.Duplicates = counts.Duplicates;
        entry.FinishedAt = DateTimeOffset.UtcNow;
        foreach (var owner in handler.Owners) db.IngestedFileOwners.Add(new IngestedFileOwnerRow { FileId = entry.Id, Owner = owner });
        // The rejected rows are on disk under their name before the registry says there are some: a process
        // killed after the commit, or a disk that fills while writing them, must not lose them for good.
        var rejectsPath = rejects.Place(RejectsRegistered);
        entry.RejectsPath = rejectsPath;
        await db.SaveChangesAsync(ct);
        Trace?.Invoke($"committing {clock.Elapsed.TotalSeconds:0.000}");
        await tx.CommitAsync(ct);
        Trace?.Invoke($"committed {clock.Elapsed.TotalSeconds:0.000}");
        db.ChangeTracker.Clear();

        rejects.Complete(RejectsRegistered);
        return new FileResult(path, schema.Kind, counts.Read, counts.Accepted, counts.Rejected, counts.Duplicates, false, rejectsPath, sha,
            clock.Elapsed)
        {
            WithoutEventId = handler.WithoutEventId,
        };
    }

    private async Task<FileResult?> Registered(string sha, string path, Stopwatch clock, CancellationToken ct)
    {
        var previous = await db.IngestedFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Sha256 == sha, ct);
        if (previous is null) return null;
        InputKinds.TryParse(previous.Kind, out var kind);
        return new FileResult(path, kind, 0, 0, 0, 0, true, null, sha, clock.Elapsed);
    }

    internal static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return Convert.ToHexStringLower(hash);
    }
}
