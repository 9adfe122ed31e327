using System.Text;

namespace BenefitsTracker.Ingestion.Reading;

/// <summary>
/// The rejects file beside an input, <c>NAME.rejects.csv</c>: <c>line,reason,</c> then the record whole and unchanged.
/// Written to a temporary name and moved into place only when the file's transaction commits.
/// </summary>
internal sealed class Rejects : IDisposable
{
    private readonly string _header;
    private StreamWriter? _writer;

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

    /// <summary>After commit: the rejects file takes its place; with no rejects, an old one is removed.</summary>
    public string? Complete()
    {
        if (_writer is null)
        {
            if (File.Exists(FinalPath)) File.Delete(FinalPath);
            return null;
        }
        _writer.Dispose();
        _writer = null;
        File.Move(TempPath, FinalPath, overwrite: true);
        return FinalPath;
    }

    /// <summary>After a rollback: no trace.</summary>
    public void Abort()
    {
        _writer?.Dispose();
        _writer = null;
        if (File.Exists(TempPath)) File.Delete(TempPath);
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
