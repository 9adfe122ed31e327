using System.Text;
using Sylvan.Data.Csv;

namespace BenefitsTracker.Ingestion.Reading;

/// <summary>
/// CSV through Sylvan.Data.Csv: header row, columns by name, RFC 4180 quoting (commas, quotes and newlines inside
/// quoted fields). Decoding is strict UTF-8; an invalid byte anywhere makes the file unusable.
/// </summary>
internal sealed class CsvRecordSource : IRecordSource
{
    private readonly string _path;
    private readonly CountingStream _stream;
    private readonly CsvDataReader _csv;
    private readonly string[] _columns;
    private long _nextLine;

    public CsvRecordSource(string path, bool hash = false)
    {
        _path = path;
        _nextLine = 1; // the header is line 1, for messages about it
        _stream = new CountingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), hash);
        var text = new StreamReader(_stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        try
        {
            _csv = Guard(() => CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                HasHeaders = true,
                Delimiter = ',',
                BufferSize = 1 << 16,
                MaxBufferSize = 1 << 24,
                OwnsReader = true,
            }));
        }
        catch
        {
            text.Dispose();
            throw;
        }
        _columns = new string[_csv.FieldCount];
        var header = new StringBuilder();
        for (var i = 0; i < _columns.Length; i++)
        {
            var name = _csv.GetName(i);
            _columns[i] = name.Trim().ToLowerInvariant();
            if (i > 0) header.Append(',');
            Rejects.AppendField(header, name);
        }
        RejectsHeader = "line,reason," + header;
        _nextLine = 2;
    }

    public string Format => "csv";
    public IReadOnlyList<string> Columns => _columns;
    public string RejectsHeader { get; }
    public long Line { get; private set; }
    public string? RecordProblem { get; private set; }
    public long BytesRead => _stream.BytesRead;
    public string Sha256() => _stream.Sha256();

    public void Bind(IReadOnlyList<string> columns) { }

    public bool Read()
    {
        while (true)
        {
            if (!ReadRecord()) return false;
            var raw = _csv.GetRawRecordSpan();
            Line = _nextLine;
            _nextLine += Math.Max(1, raw.Count('\n'));
            var n = _csv.RowFieldCount;
            // A blank line is not a record; a line of "" is one (a field, empty), counted and rejected like any other.
            if (n <= 1 && _columns.Length > 1 && raw.Trim().IsEmpty) continue;
            RecordProblem = n == _columns.Length ? null
                : $"the record has {n} fields; the header has {_columns.Length}";
            return true;
        }
    }

    public ReadOnlySpan<char> Field(int ordinal) =>
        ordinal < 0 || ordinal >= _csv.RowFieldCount ? default : _csv.GetFieldSpan(ordinal);

    public void WriteRecord(TextWriter writer) => writer.Write(TrimLineEnd(_csv.GetRawRecordSpan()));

    public void Dispose() => _csv.Dispose();

    private static ReadOnlySpan<char> TrimLineEnd(ReadOnlySpan<char> s)
    {
        while (s.Length > 0 && s[^1] is '\n' or '\r') s = s[..^1];
        return s;
    }

    private bool ReadRecord()
    {
        try
        {
            return _csv.Read();
        }
        catch (Exception e) when (Unusable(e) is { } unusable)
        {
            throw unusable;
        }
    }

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (Unusable(e) is { } unusable)
        {
            throw unusable;
        }
    }

    /// <summary>The unusable-file error a reading failure stands for; null for anything else.</summary>
    private UnusableInputException? Unusable(Exception e) => e switch
    {
        DecoderFallbackException => new UnusableInputException(_path,
            $"the file is not UTF-8 text (an invalid byte sequence near byte {_stream.BytesRead:N0}); save it as UTF-8", e),
        CsvMissingHeadersException => new UnusableInputException(_path, "the file has no header row", e),
        CsvRecordTooLargeException => new UnusableInputException(_path,
            $"a record near line {_nextLine} is larger than 16 MB (an unclosed quote?)", e),
        CsvFormatException => new UnusableInputException(_path, $"the CSV cannot be read past line {_nextLine}: {e.Message}", e),
        _ => null,
    };
}
