using System.Text;
using System.Text.Json;

namespace BenefitsTracker.Ingestion.Reading;

/// <summary>
/// NDJSON (.ndjson, .jsonl): one flat JSON object per line with the CSV column names as keys, read line by line
/// with <see cref="Utf8JsonReader"/> in bounded memory. Strings, numbers, true/false and null (= absent) are
/// accepted as values; a nested value rejects the record.
/// </summary>
internal sealed class NdjsonRecordSource : IRecordSource
{
    private readonly string _path;
    private readonly CountingStream _stream;
    private readonly BoundedLineReader _lines;
    private ReadOnlyMemory<byte> _line;

    private string[] _columns;
    private Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private char[] _chars = new char[1024];
    private int _charCount;
    private int[] _fieldStart = [], _fieldLength = [];
    // Keys seen on the current line, null values included, so that a repeated key is caught whatever came first.
    private bool[] _seen = [];
    private readonly char[] _nameBuffer = new char[256];

    public NdjsonRecordSource(string path, bool hash = false)
    {
        _path = path;
        // The first object's keys name the columns, for kind detection.
        _columns = [.. FirstObjectKeys(path)];
        _lookup = _ordinals.GetAlternateLookup<ReadOnlySpan<char>>();
        _stream = new CountingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), hash);
        _lines = new BoundedLineReader(_stream, path);
    }

    public string Format => "ndjson";
    public IReadOnlyList<string> Columns => _columns;
    public string RejectsHeader => "line,reason,record";
    public long Line { get; private set; }
    public string? RecordProblem { get; private set; }
    public long BytesRead => _stream.BytesRead;
    public string Sha256() => _stream.Sha256();

    public void Bind(IReadOnlyList<string> columns)
    {
        _columns = [.. columns];
        _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _columns.Length; i++) _ordinals[_columns[i]] = i;
        _lookup = _ordinals.GetAlternateLookup<ReadOnlySpan<char>>();
        _fieldStart = new int[_columns.Length];
        _fieldLength = new int[_columns.Length];
        _seen = new bool[_columns.Length];
    }

    public bool Read()
    {
        while (_lines.Next(out var line))
        {
            Line = _lines.Line;
            var trimmed = line.Span.Trim(" \t\r"u8);
            if (Line == 1 && trimmed.StartsWith(Encoding.UTF8.Preamble))
            {
                line = line[Encoding.UTF8.Preamble.Length..];
                trimmed = trimmed[Encoding.UTF8.Preamble.Length..];
            }
            if (trimmed.IsEmpty) continue;
            _line = line;
            ParseObject(trimmed);
            return true;
        }
        return false;
    }

    public ReadOnlySpan<char> Field(int ordinal) =>
        ordinal < 0 || ordinal >= _fieldLength.Length || _fieldLength[ordinal] < 0 ? default
            : _chars.AsSpan(_fieldStart[ordinal], _fieldLength[ordinal]);

    public void WriteRecord(TextWriter writer)
    {
        var text = Encoding.UTF8.GetString(_line.Span.TrimEnd("\r"u8));
        var sb = new StringBuilder(text.Length + 8);
        Rejects.AppendField(sb, text);
        writer.Write(sb);
    }

    public void Dispose() => _stream.Dispose();

    private void ParseObject(ReadOnlySpan<byte> json)
    {
        RecordProblem = null;
        _charCount = 0;
        Array.Fill(_fieldLength, -1);
        Array.Clear(_seen);
        if (!System.Text.Unicode.Utf8.IsValid(json))
            throw new UnusableInputException(_path, $"line {Line} is not UTF-8 text; save the file as UTF-8");
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) { RecordProblem = "the line is not a JSON object"; return; }
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    if (reader.Read()) RecordProblem = "there is more than one JSON value on the line";
                    return;
                }
                var nameLength = reader.CopyString(_nameBuffer);
                var name = _nameBuffer.AsSpan(0, nameLength).Trim();
                for (var c = 0; c < name.Length; c++) name[c] = char.ToLowerInvariant(name[c]);
                if (!_lookup.TryGetValue(name, out var ordinal))
                    throw new UnusableInputException(_path,
                        $"line {Line} has the key '{name}', which is not a column of this kind of file; known: {string.Join(", ", _columns)}");
                if (_seen[ordinal]) { RecordProblem = $"the key '{name}' appears twice"; return; }
                _seen[ordinal] = true;
                reader.Read();
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        EnsureChars(reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length);
                        var n = reader.CopyString(_chars.AsSpan(_charCount));
                        // A CSV with a NUL byte is refused; in JSON it hides behind \u0000. One rule: not stored.
                        if (_chars.AsSpan(_charCount, n).Contains('\0'))
                        {
                            RecordProblem = $"the value of '{name}' contains a NUL character (\\u0000)";
                            return;
                        }
                        Set(ordinal, n);
                        break;
                    case JsonTokenType.Number:
                        EnsureChars(reader.ValueSpan.Length);
                        Set(ordinal, Encoding.UTF8.GetChars(reader.ValueSpan, _chars.AsSpan(_charCount)));
                        break;
                    case JsonTokenType.True:
                        SetText(ordinal, "true");
                        break;
                    case JsonTokenType.False:
                        SetText(ordinal, "false");
                        break;
                    case JsonTokenType.Null:
                        break;
                    default:
                        RecordProblem = $"the value of '{name}' is not a string, number, true, false or null";
                        return;
                }
            }
            RecordProblem = "the JSON object is not closed";
        }
        catch (JsonException e)
        {
            RecordProblem = $"the line is not valid JSON: {e.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}";
        }
        catch (ArgumentException)
        {
            RecordProblem = "a key is longer than 256 characters";
        }
    }

    private void Set(int ordinal, int length)
    {
        _fieldStart[ordinal] = _charCount;
        _fieldLength[ordinal] = length;
        _charCount += length;
    }

    private void SetText(int ordinal, string text)
    {
        EnsureChars(text.Length);
        text.CopyTo(_chars.AsSpan(_charCount));
        Set(ordinal, text.Length);
    }

    private void EnsureChars(int more)
    {
        if (_charCount + more <= _chars.Length) return;
        Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + more));
    }

    /// <summary>
    /// The keys of the first line that is a JSON object with keys, read through a second reader with the same
    /// 16 MB line limit. Lines before it are read again by the main pass and rejected there like any other bad line.
    /// </summary>
    private static List<string> FirstObjectKeys(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var lines = new BoundedLineReader(stream, path);
        var sawLine = false;
        while (lines.Next(out var memory))
        {
            var line = memory.Span.Trim(" \t\r"u8);
            if (lines.Line == 1 && line.StartsWith(Encoding.UTF8.Preamble)) line = line[Encoding.UTF8.Preamble.Length..];
            if (line.IsEmpty) continue;
            sawLine = true;
            if (!System.Text.Unicode.Utf8.IsValid(line))
                throw new UnusableInputException(path, $"line {lines.Line} is not UTF-8 text; save the file as UTF-8");
            var keys = new List<string>();
            try
            {
                using var doc = JsonDocument.Parse(line.ToArray());
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                    foreach (var p in doc.RootElement.EnumerateObject()) keys.Add(p.Name.Trim().ToLowerInvariant());
            }
            catch (JsonException) { }
            // A key repeated within the line is that record's problem (rejected when read), not a repeated column.
            if (keys.Count > 0) return keys.Distinct(StringComparer.Ordinal).ToList();
        }
        throw new UnusableInputException(path, sawLine
            ? "no line is a JSON object with keys, so the columns cannot be told (NDJSON: one object per line)"
            : "the file has no JSON objects");
    }
}
