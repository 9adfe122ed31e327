using System.Globalization;

namespace BenefitsTracker.Ingestion;

/// <summary>Plain log lines for a non-terminal (CI, a service log): rows/s, percentage of bytes, time left.</summary>
public sealed class ConsoleIngestProgress(TextWriter output, TimeSpan? interval = null) : IIngestProgress
{
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromSeconds(2);
    private readonly Lock _gate = new();
    private TimeSpan _last = TimeSpan.MinValue;

    public void FileStarted(string file, long totalBytes)
    {
        lock (_gate)
        {
            _last = TimeSpan.Zero;
            output.WriteLine($"ingesting {file} ({totalBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
        }
    }

    public void Report(IngestProgress p)
    {
        lock (_gate)
        {
            if (p.Elapsed - _last < _interval) return;
            _last = p.Elapsed;
            var left = p.Remaining is { } r ? $", {r.TotalSeconds:0}s left" : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Path.GetFileName(p.File)}: {p.Fraction * 100:0}% of bytes, {p.Rows:N0} rows, {p.RowsPerSecond:N0} rows/s{left}"));
        }
    }

    public void FileFinished(FileResult result)
    {
        lock (_gate) output.WriteLine($"  {result} in {result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)}s");
    }
}
