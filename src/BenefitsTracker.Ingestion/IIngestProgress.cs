namespace BenefitsTracker.Ingestion;

/// <summary>A snapshot of one file's progress.</summary>
public sealed record IngestProgress(string File, long BytesRead, long TotalBytes, long Rows, TimeSpan Elapsed)
{
    public double Fraction => TotalBytes <= 0 ? 1 : Math.Clamp((double)BytesRead / TotalBytes, 0, 1);
    public double RowsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Rows / Elapsed.TotalSeconds;

    /// <summary>Time left at the rate so far, by bytes; null until there is a rate.</summary>
    public TimeSpan? Remaining => BytesRead <= 0 || Elapsed <= TimeSpan.Zero ? null
        : TimeSpan.FromSeconds(Elapsed.TotalSeconds * (TotalBytes - BytesRead) / BytesRead);
}

/// <summary>
/// Receives progress while files load: <see cref="Report"/> at most a few times a second, from a background thread.
/// </summary>
public interface IIngestProgress
{
    void FileStarted(string file, long totalBytes) { }
    void Report(IngestProgress progress);
    void FileFinished(FileResult result) { }
}
