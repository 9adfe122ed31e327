namespace BenefitsTracker.Ingestion.Reading;

/// <summary>
/// Lines of a byte stream, split at '\n', each at most 16 MB: the record limit holds for every line, the first
/// included, so a file with no newline cannot make the reader hold it whole.
/// </summary>
internal sealed class BoundedLineReader(Stream stream, string path)
{
    public const int MaxLine = 16 << 20;
    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end;
    private bool _eof;
    private long _nextLine = 1;

    /// <summary>The 1-based number of the line last returned.</summary>
    public long Line { get; private set; }

    /// <summary>The next line without its '\n' (valid until the next call); false at the end.</summary>
    /// <exception cref="UnusableInputException">A line is longer than 16 MB.</exception>
    public bool Next(out ReadOnlyMemory<byte> line)
    {
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var nl = span.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                line = _buffer.AsMemory(_start, nl);
                _start += nl + 1;
                Line = _nextLine++;
                return true;
            }
            if (_eof)
            {
                if (_end > _start)
                {
                    line = _buffer.AsMemory(_start, _end - _start);
                    _start = _end;
                    Line = _nextLine++;
                    return true;
                }
                line = default;
                return false;
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxLine) throw new UnusableInputException(path, $"line {_nextLine} is longer than 16 MB");
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            var n = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0) _eof = true;
            _end += n;
        }
    }
}
