namespace BenefitsTracker.Ingestion.Reading;

/// <summary>Records of one input file, streamed: fields by ordinal as character spans valid until the next read.</summary>
internal interface IRecordSource : IDisposable
{
    /// <summary>"csv" or "ndjson".</summary>
    string Format { get; }

    /// <summary>Column names (CSV header, or the first NDJSON object's keys), trimmed and lower-case.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Fixes the columns a record is read into (NDJSON: the kind's columns; CSV: a no-op).</summary>
    void Bind(IReadOnlyList<string> columns);

    /// <summary>
    /// Moves to the next record; false at the end. Throws <see cref="UnusableInputException"/> when the rest of the
    /// file cannot be read.
    /// </summary>
    bool Read();

    /// <summary>The line on which the current record starts (1-based; a CSV header is line 1).</summary>
    long Line { get; }

    /// <summary>A field of the current record, empty when absent.</summary>
    ReadOnlySpan<char> Field(int ordinal);

    /// <summary>Why the current record cannot be read as a row (wrong field count, bad JSON); null when it can.</summary>
    string? RecordProblem { get; }

    /// <summary>The header line of this source's rejects file.</summary>
    string RejectsHeader { get; }

    /// <summary>Writes the current record, whole and unchanged, as the tail of a rejects line.</summary>
    void WriteRecord(TextWriter writer);

    long BytesRead { get; }

    /// <summary>The SHA-256 of the whole file, hashed as it was read (sources opened with hashing on).</summary>
    string Sha256();
}
