using System.Globalization;
using BenefitsTracker.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Application.Jobs;

/// <summary>
/// ingest-inbox (docs/jobs.md, "The inbox"): each complete file at the top of the inbox is ingested exactly as
/// `benefits ingest` would, one transaction per file, then moved: to <c>archive/YYYY-MM-DD/</c> (with its rejects
/// file) when it was used or was a repeat of a file already registered, or to <c>failed/</c> beside
/// <c>NAME.error.txt</c> when it cannot be used at all. A file is moved only after its transaction commits, so a
/// run stopped part-way leaves the store as before that file and the file in the inbox, to be taken again (a
/// file committed but not yet moved is then a repeat, and archived).
/// </summary>
internal sealed class InboxJob(JobRunner runner)
{
    public const string ArchiveFolder = "archive", FailedFolder = "failed";

    /// <summary>Names a writer uses while a file is incomplete: <c>NAME.part</c>, <c>NAME.tmp</c>, or a hidden <c>.NAME</c>.</summary>
    public static bool IsBeingWritten(string name) =>
        name.StartsWith('.') || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".partial", StringComparison.OrdinalIgnoreCase);

    /// <summary>NAME.rejects.csv or NAME.rejects.N.csv: an ingest's own output, never an input.</summary>
    private static bool IsRejectsName(string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, @"\.rejects(\.[0-9]+)?\.csv$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static bool IsInput(string name) => Path.GetExtension(name).ToLowerInvariant() is ".csv" or ".ndjson" or ".jsonl" or ".json";

    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var inbox = Path.GetFullPath(runner.Inbox!);
        Directory.CreateDirectory(inbox);
        var now = runner.Clock.GetUtcNow();
        var day = TimeZoneInfo.ConvertTime(now, runner.Options.Zone()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var settle = TimeSpan.FromSeconds(Math.Max(0, runner.Options.InboxSettleSeconds));
        long ingested = 0, duplicates = 0, failed = 0, waiting = 0, accepted = 0, rejected = 0;
        var lines = new List<string>();

        foreach (var path in Directory.EnumerateFiles(inbox).Order(StringComparer.Ordinal).ToList())
        {
            ct.ThrowIfCancellationRequested();
            var name = Path.GetFileName(path);
            // Rejects files are the ingest's own output; a leftover one moves with its file (below).
            if (IsRejectsName(name)) continue;
            if (IsBeingWritten(name) || now - File.GetLastWriteTimeUtc(path) < settle)
            {
                waiting++;
                continue;
            }
            if (!IsInput(name))
            {
                Fail(inbox, path, $"{name} is not an input file: the inbox takes .csv, .ndjson and .jsonl rows and .json assumptions");
                failed++;
                lines.Add($"{name}: failed (not an input file)");
                continue;
            }

            FileResult result;
            try
            {
                await using var store = await runner.OpenAsync(ct);
                result = (await new Ingestor(store.Db).IngestAsync([path], InputKind.Auto, null, ct)).Files.Single();
                if (!result.SkippedAlreadyIngested)
                {
                    var archived = ArchivePath(inbox, day, name);
                    var rejects = result.RejectsPath is { } r ? RejectsBeside(archived) : null;
                    // The registry follows the file to the archive, so lineage and rejects stay findable.
                    await store.Db.IngestedFiles.Where(f => f.Sha256 == result.Sha256)
                        .ExecuteUpdateAsync(s => s.SetProperty(f => f.Path, archived).SetProperty(f => f.RejectsPath, rejects), ct);
                    Move(path, archived);
                    if (result.RejectsPath is { } from && File.Exists(from)) Move(from, rejects!);
                    ingested++;
                    accepted += result.Accepted;
                    rejected += result.Rejected;
                    lines.Add($"{name}: ingested ({result.Kind.Key()}; accepted {result.Accepted:N0}, rejected {result.Rejected:N0}, " +
                        $"duplicates {result.Duplicates:N0})");
                    runner.Log?.Invoke($"ingest-inbox: {result}");
                    continue;
                }
            }
            catch (UnusableInputException e)
            {
                Fail(inbox, path, e.Problem);
                failed++;
                lines.Add($"{name}: failed ({e.Problem})");
                runner.Log?.Invoke($"ingest-inbox: {name} moved to failed/: {e.Problem}");
                continue;
            }
            // Already registered (same SHA-256): it adds nothing, and goes to the archive as a duplicate.
            var target = ArchivePath(inbox, day, name);
            Move(path, target);
            var leftover = RejectsOf(path);
            if (File.Exists(leftover)) Move(leftover, RejectsBeside(target));
            duplicates++;
            lines.Add($"{name}: already ingested (SHA-256 {result.Sha256[..12]}…), archived as a duplicate");
        }

        var summary = $"{ingested} ingested, {duplicates} duplicate, {failed} failed, {waiting} still being written"
                      + (lines.Count == 0 ? "" : ": " + string.Join("; ", lines));
        return new JobOutcome(summary, new Dictionary<string, long>
        {
            ["files_ingested"] = ingested, ["files_duplicate"] = duplicates, ["files_failed"] = failed, ["files_waiting"] = waiting,
            ["rows_accepted"] = accepted, ["rows_rejected"] = rejected,
        });
    }

    /// <summary>archive/YYYY-MM-DD/NAME, or NAME-2, NAME-3 ... when a file of that name was archived that day already.</summary>
    private static string ArchivePath(string inbox, string day, string name) => Free(Path.Combine(inbox, ArchiveFolder, day), name);

    private static string RejectsBeside(string archived) => RejectsOf(archived);

    /// <summary><c>events.csv</c> → <c>events.rejects.csv</c> beside it, as the ingest names it.</summary>
    private static string RejectsOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + ".rejects.csv");

    /// <summary>Moves the file to failed/ and writes failed/NAME.error.txt saying why.</summary>
    private void Fail(string inbox, string path, string reason)
    {
        var target = Free(Path.Combine(inbox, FailedFolder), Path.GetFileName(path));
        Move(path, target);
        var when = runner.Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        File.WriteAllText(target + ".error.txt",
            $"{Path.GetFileName(path)} could not be ingested ({when}): {reason}\n" +
            "Nothing from it is in the store. Correct the file and drop it in the inbox again.\n");
    }

    private static string Free(string folder, string name)
    {
        Directory.CreateDirectory(folder);
        var candidate = Path.Combine(folder, name);
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var i = 2; File.Exists(candidate) || File.Exists(candidate + ".error.txt"); i++)
            candidate = Path.Combine(folder, $"{stem}-{i}{extension}");
        return candidate;
    }

    private static void Move(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Move(from, to, overwrite: false);
    }
}
