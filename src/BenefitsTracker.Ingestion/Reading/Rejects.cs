using System.Text;

namespace BenefitsTracker.Ingestion.Reading;

/// <summary>
/// The rejects file beside an input, <c>NAME.rejects.csv</c>: <c>line,reason,</c> then the record whole and unchanged.
/// Written to a temporary name, flushed to disk and moved into place just before the file's transaction commits
/// (and removed again if the commit fails).
/// </summary>
internal sealed class Rejects : IDisposable
{
    private readonly string _header;
    private StreamWriter? _writer;
    private bool _placed;

    public Rejects(string inputPath, string header)
    {
        _header = header;
        FinalPath = PathFor(inputPath);
        TempPath = FinalPath + ".partial";
    }

    public string FinalPath { get; }
    public string TempPath { get; }
    public long Count { get; private set; }

    /// <summary><c>events.csv</c> → <c>events.rejects.csv</c>, beside it.</summary>
    public static string PathFor(string inputPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(inputPath)) ?? ".";
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(inputPath) + ".rejects.csv");
    }

    public static bool IsRejectsFile(string path) =>
        path.EndsWith(".rejects.csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".rejects.csv.partial", StringComparison.OrdinalIgnoreCase);

    public TextWriter Begin(long line, string reason)
    {
        if (_writer is null)
        {
            _writer = new StreamWriter(TempPath, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            _writer.WriteLine(_header);
        }
        Count++;
        _writer.Write(line);
        _writer.Write(',');
        var sb = new StringBuilder(reason.Length + 4);
        AppendField(sb, reason);
        _writer.Write(sb);
        _writer.Write(',');
        return _writer;
    }

    public void End() => _writer!.Write('\n');

    /// <summary>
    /// Before commit: the rejects file is written through to the disk and takes its name, so that a file the store
    /// registers as having rejected rows always has them on disk (a failure here stops the commit). With no
    /// rejects, nothing is placed; an old file of that name goes only after commit (<see cref="Complete"/>).
    /// </summary>
    public string? Place()
    {
        if (_writer is null) return null;
        _writer.Flush();
        ((FileStream)_writer.BaseStream).Flush(flushToDisk: true);
        _writer.Dispose();
        _writer = null;
        File.Move(TempPath, FinalPath, overwrite: true);
        _placed = true;
        return FinalPath;
    }

    /// <summary>After commit: with no rejects this time, an old rejects file of the same name is removed.</summary>
    public void Complete()
    {
        if (!_placed && File.Exists(FinalPath)) File.Delete(FinalPath);
        _placed = false;
    }

    /// <summary>After a rollback: no trace, not even a placed file (its rows were not registered).</summary>
    public void Abort()
    {
        _writer?.Dispose();
        _writer = null;
        if (File.Exists(TempPath)) File.Delete(TempPath);
        if (_placed && File.Exists(FinalPath)) File.Delete(FinalPath);
        _placed = false;
    }

    public void Dispose() => Abort();

    /// <summary>Appends a CSV field, quoted only when it must be.</summary>
    public static void AppendField(StringBuilder sb, ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny(",\"\r\n") < 0 && (value.IsEmpty || (value[0] != ' ' && value[^1] != ' ')))
        {
            sb.Append(value);
            return;
        }
        sb.Append('"');
        foreach (var c in value)
        {
            if (c == '"') sb.Append('"');
            sb.Append(c);
        }
        sb.Append('"');
    }
}
