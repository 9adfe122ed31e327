namespace BenefitsTracker.Application.Ingest;

/// <summary>
/// What one posted body did. <see cref="Accepted"/> + <see cref="Rejected"/> + <see cref="Duplicates"/> = <see cref="Received"/>.
/// </summary>
public sealed record BodyIngestResult(
    string Kind, long Received, long Accepted, long Rejected, long Duplicates, bool AlreadyReceived, IReadOnlyList<RowReject> Rejects)
{
    /// <summary>What the caller should know though nothing was refused: events without an event_id, as `benefits ingest` warns.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// One row refused by validation: its position in the body (0-based; for NDJSON also its 1-based line) and why.
/// </summary>
public sealed record RowReject(long Index, long? Line, string Reason);

/// <summary>The body is not well-formed JSON / NDJSON; <see cref="Exception.Message"/> names the index or line. Nothing was stored.</summary>
public sealed class MalformedBodyException(string message) : Exception(message);

/// <summary>The body holds rows for a council (or consortium) the key may not write. Nothing was stored.</summary>
public sealed class ForeignRowsException(string message) : Exception(message);
