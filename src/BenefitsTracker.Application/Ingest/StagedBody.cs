using BenefitsTracker.Ingestion;

namespace BenefitsTracker.Application.Ingest;

/// <summary>A posted body staged as an NDJSON file in its own folder; disposing deletes both (and the rejects file).</summary>
public sealed class StagedBody(string folder, string file, BodyFormat format, InputKind kind) : IDisposable
{
    public string File { get; } = file;
    public BodyFormat Format { get; } = format;
    public InputKind Kind { get; } = kind;
    /// <summary>Rows in the body (non-blank lines, or array elements).</summary>
    public long Records { get; internal set; }

    public void Dispose()
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a leftover temporary folder is harmless */ }
    }
}
