using System.Text;

namespace BenefitsTracker.Ingestion.Reading;

/// <summary>
/// The rejects file beside an input, <c>NAME.rejects.csv</c>: <c>line,reason,</c> then the record whole and unchanged.
/// Written to a temporary name, flushed to disk and moved into place just before the file's transaction commits
/// (and removed again if the commit fails). A rejects file an earlier ingest registered is never replaced or
/// removed: the new one takes the next free name, <c>NAME.rejects.2.csv</c>, ...
/// </summary>
internal sealed partial class Rejects : IDisposable
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

    /// <summary>Where the rejects are (to be) placed: <c>NAME.rejects.csv</c>, or the next free numbered name.</summary>
    public string FinalPath { get; private set; }
    public string TempPath { get; }
    public long Count { get; private set; }

    /// <summary><c>events.csv</c> → <c>events.rejects.csv</c>, beside it.</summary>
    public static string PathFor(string inputPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(inputPath)) ?? ".";
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(inputPath) + ".rejects.csv");
    }

    /// <summary>NAME.rejects.csv, NAME.rejects.N.csv, or either's .partial: never taken as an input by a folder ingest.</summary>
    public static bool IsRejectsFile(string path) => RejectsName().IsMatch(Path.GetFileName(path));

    [System.Text.RegularExpressions.GeneratedRegex(@"\.rejects(\.[0-9]+)?\.csv(\.partial)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex RejectsName();

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
    /// rejects, nothing is placed; an old file of that name goes only after commit (<see cref="Complete"/>), and
    /// only when no ingest registered it. <paramref name="registered"/> says whether the store's registry names a path.
    /// </summary>
    public string? Place(Func<string, bool> registered)
    {
        if (_writer is null) return null;
        for (var n = 2; registered(FinalPath); n++) FinalPath = Numbered(FinalPath, n);
        _writer.Flush();
        ((FileStream)_writer.BaseStream).Flush(flushToDisk: true);
        _writer.Dispose();
        _writer = null;
        File.Move(TempPath, FinalPath, overwrite: true);
        _placed = true;
        return FinalPath;
    }

    /// <summary>
    /// After commit: with no rejects this time, an old rejects file of the same name is removed, unless an ingest
    /// registered it (it then holds that ingest's rows, and stays).
    /// </summary>
    public void Complete(Func<string, bool> registered)
    {
        if (!_placed && File.Exists(FinalPath) && !registered(FinalPath)) File.Delete(FinalPath);
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

    /// <summary><c>x.rejects.csv</c> or <c>x.rejects.K.csv</c> → <c>x.rejects.N.csv</c>.</summary>
    private static string Numbered(string path, int n)
    {
        var folder = Path.GetDirectoryName(path) ?? ".";
        var name = Path.GetFileName(path);
        var stem = name[..name.LastIndexOf(".rejects", StringComparison.OrdinalIgnoreCase)];
        return Path.Combine(folder, $"{stem}.rejects.{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}.csv");
    }

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
