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

    /// <summary>
    /// Deletes the body's file. A rejects file the ingest wrote beside it stays: the registry names it, and a repeat
    /// of the same body is answered from it (the rows are not lost if the first answer was). The folder goes when
    /// nothing else is in it.
    /// </summary>
    public void Dispose()
    {
        try
        {
            if (System.IO.File.Exists(File)) System.IO.File.Delete(File);
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }
        catch (IOException) { /* a leftover temporary file is harmless */ }
    }
}
