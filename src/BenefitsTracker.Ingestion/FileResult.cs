namespace BenefitsTracker.Ingestion;

/// <summary>
/// What happened to one file. <see cref="Accepted"/> + <see cref="Rejected"/> + <see cref="Duplicates"/> = <see cref="Read"/>.
/// </summary>
public sealed record FileResult(
    string Path,
    InputKind Kind,
    long Read,
    long Accepted,
    long Rejected,
    long Duplicates,
    bool SkippedAlreadyIngested,
    string? RejectsPath,
    string Sha256,
    TimeSpan Elapsed)
{
    /// <summary>
    /// Accepted events with no event_id. Nothing can tell such a row from the same row in another file, so a copy of
    /// the file whose bytes differ (line endings, a trailing newline) would count them again: the summary says so.
    /// </summary>
    public long WithoutEventId { get; init; }

    /// <summary>One line for a person: counts, or that the file was loaded before; and the risk of id-less events.</summary>
    public override string ToString() => SkippedAlreadyIngested
        ? $"{System.IO.Path.GetFileName(Path)}: already ingested (SHA-256 {Sha256[..12]}…), nothing added"
        : $"{System.IO.Path.GetFileName(Path)} ({Kind.Key()}): read {Read:N0}, accepted {Accepted:N0}, rejected {Rejected:N0}, duplicates " +
            $"{Duplicates:N0}"
          + (RejectsPath is null ? "" : $"; rejects in {RejectsPath}")
          + (WithoutEventId == 0 ? "" : "\n  warning: " + WithoutEventIdWarning(WithoutEventId, "file"));

    /// <summary>The risk of events without an id, in words (the command line's warning and the API's <c>warnings</c>).</summary>
    /// <param name="rows">How many rows had no event_id.</param>
    /// <param name="what">"file" or "body": what a changed copy of would count them again.</param>
    public static string WithoutEventIdWarning(long rows, string what) =>
        $"{rows:N0} row{(rows == 1 ? " has" : "s have")} no event_id, so they cannot be told apart from the same rows in another {what}: " +
        $"a copy of this {what} that differs in any byte (line endings, a trailing newline, another order) would have them counted again. " +
        "Give each event an event_id to make sending it again safe";
}

/// <summary>The outcome of one ingest call, file by file.</summary>
public sealed record IngestSummary(IReadOnlyList<FileResult> Files)
{
    public long Read => Files.Sum(f => f.Read);
    public long Accepted => Files.Sum(f => f.Accepted);
    public long Rejected => Files.Sum(f => f.Rejected);
    public long Duplicates => Files.Sum(f => f.Duplicates);
}
