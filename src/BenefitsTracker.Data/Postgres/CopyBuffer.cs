using System.Buffers.Binary;

namespace BenefitsTracker.Data.Postgres;

/// <summary>
/// Rows in PostgreSQL's binary COPY format, built in one reused byte buffer and sent with
/// <c>NpgsqlConnection.BeginRawBinaryCopy</c>: text goes as the UTF-8 it arrived in (no string or char array per
/// field), numbers and instants as their wire form. A row is a field count, then each field's length and bytes
/// (length -1 for NULL). Rows can be sent whole or picked out by their start offsets.
/// </summary>
internal sealed class CopyBuffer
{
    /// <summary>"PGCOPY\n\377\r\n\0", no flags, no header extension.</summary>
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF,
        (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] Trailer = [0xFF, 0xFF];
    /// <summary>Microseconds from the Unix epoch to PostgreSQL's (2000-01-01 UTC), and days likewise.</summary>
    private const long PostgresEpochMs = 946_684_800_000L;
    private const int PostgresEpochDayNumber = 730_119; // DateOnly(2000, 1, 1).DayNumber

    private byte[] _bytes;

    public CopyBuffer(int capacity = 1 << 16) => _bytes = new byte[capacity];

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    /// <summary>Starts a row of <paramref name="fields"/> fields; returns its offset.</summary>
    public int StartRow(short fields)
    {
        var at = Length;
        BinaryPrimitives.WriteInt16BigEndian(Take(2), fields);
        return at;
    }

    /// <summary>UTF-8 text; empty is NULL.</summary>
    public void Text(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) { Null(); return; }
        var span = Take(4 + utf8.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, utf8.Length);
        utf8.CopyTo(span[4..]);
    }

    /// <summary>One text field made of two parts joined by a separator byte (a key such as <c>council:event_id</c>).</summary>
    public void TextJoined(ReadOnlySpan<byte> first, byte separator, ReadOnlySpan<byte> second)
    {
        var n = first.Length + 1 + second.Length;
        var span = Take(4 + n);
        BinaryPrimitives.WriteInt32BigEndian(span, n);
        first.CopyTo(span[4..]);
        span[4 + first.Length] = separator;
        second.CopyTo(span[(5 + first.Length)..]);
    }

    /// <summary>Overwrites the int8 field that starts <paramref name="fieldOffset"/> bytes into the buffer (its length word first).</summary>
    public void PatchInt64(int fieldOffset, long value) => BinaryPrimitives.WriteInt64BigEndian(_bytes.AsSpan(fieldOffset + 4, 8), value);

    public void Null() => BinaryPrimitives.WriteInt32BigEndian(Take(4), -1);

    public void Int64(long value)
    {
        var span = Take(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
    }

    public void Int32(int value)
    {
        var span = Take(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], value);
    }

    public void Float8(double value)
    {
        var span = Take(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteDoubleBigEndian(span[4..], value);
    }

    public void Bool(bool value)
    {
        var span = Take(5);
        BinaryPrimitives.WriteInt32BigEndian(span, 1);
        span[4] = value ? (byte)1 : (byte)0;
    }

    /// <summary>A timestamptz from Unix milliseconds.</summary>
    public void Instant(long unixMs) => Int64((unixMs - PostgresEpochMs) * 1000);

    public void Date(DateOnly date) => Int32(date.DayNumber - PostgresEpochDayNumber);

    /// <summary>A numeric with two decimal places from a whole number of hundredths (pence to pounds), exactly.</summary>
    public void Hundredths(long hundredths)
    {
        // numeric's wire form: ndigits, weight, sign, dscale, then base-10000 digits, most significant first.
        var negative = hundredths < 0;
        var magnitude = negative ? (ulong)(-(hundredths + 1)) + 1 : (ulong)hundredths;
        var whole = magnitude / 100;
        var cents = (short)(magnitude % 100);
        Span<short> digits = stackalloc short[8];
        var n = 0;
        for (var w = whole; w > 0; w /= 10000) n++;
        var weight = (short)(n - 1);
        var w2 = whole;
        for (var i = n - 1; i >= 0; i--) { digits[i] = (short)(w2 % 10000); w2 /= 10000; }
        if (cents != 0) digits[n++] = (short)(cents * 100);
        if (n == 0) weight = 0;
        // Trailing zero digits are left out, as PostgreSQL does; the weight keeps the scale of the rest.
        while (n > 0 && digits[n - 1] == 0) n--;
        var span = Take(4 + 8 + 2 * n);
        BinaryPrimitives.WriteInt32BigEndian(span, 8 + 2 * n);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)n);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], weight);
        BinaryPrimitives.WriteInt16BigEndian(span[8..], negative ? (short)0x4000 : (short)0);
        BinaryPrimitives.WriteInt16BigEndian(span[10..], 2);
        for (var i = 0; i < n; i++) BinaryPrimitives.WriteInt16BigEndian(span[(12 + 2 * i)..], digits[i]);
    }

    /// <summary>Sends every row written, framed as one COPY's data (or bare, to follow other rows in one COPY).</summary>
    public void SendAll(Stream copy) => SendAll(copy, framed: true);

    /// <inheritdoc cref="SendAll(Stream)"/>
    public void SendAll(Stream copy, bool framed)
    {
        if (framed) SendHeader(copy);
        copy.Write(_bytes, 0, Length);
        if (framed) SendTrailer(copy);
    }

    /// <summary>The start of a binary COPY's data.</summary>
    public static void SendHeader(Stream copy) => copy.Write(Header);

    /// <summary>The end of a binary COPY's data.</summary>
    public static void SendTrailer(Stream copy) => copy.Write(Trailer);

    /// <summary>Appends a row taken from another buffer.</summary>
    public void Append(ReadOnlySpan<byte> row) => row.CopyTo(Take(row.Length));

    /// <summary>The bytes of row <paramref name="i"/>, given where each row starts.</summary>
    public ReadOnlySpan<byte> Row(IReadOnlyList<int> rowStarts, int i)
    {
        var end = i + 1 < rowStarts.Count ? rowStarts[i + 1] : Length;
        return _bytes.AsSpan(rowStarts[i], end - rowStarts[i]);
    }

    /// <summary>
    /// Sends some of the rows, in the order given by their indexes into <paramref name="rowStarts"/> (where each row
    /// starts; a row ends where the next one starts, the last at <see cref="Length"/>), framed as one COPY's data.
    /// </summary>
    public void SendRows(Stream copy, IReadOnlyList<int> rowStarts, IEnumerable<int> rows, bool framed = true)
    {
        if (framed) SendHeader(copy);
        foreach (var i in rows) copy.Write(Row(rowStarts, i));
        if (framed) SendTrailer(copy);
    }

    /// <summary>Reads the fields of the row at <paramref name="start"/> (for the rare rows that need a second look).</summary>
    public RowReader Read(int start) => new(_bytes.AsSpan(start, Length - start));

    private Span<byte> Take(int n)
    {
        if (Length + n > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + n));
        var span = _bytes.AsSpan(Length, n);
        Length += n;
        return span;
    }

    /// <summary>Walks one row's fields in order.</summary>
    public ref struct RowReader
    {
        private readonly ReadOnlySpan<byte> _row;
        private int _at;

        public RowReader(ReadOnlySpan<byte> row)
        {
            _row = row;
            _at = 2;
        }

        /// <summary>The next field's bytes; empty for NULL.</summary>
        public ReadOnlySpan<byte> Next()
        {
            var n = BinaryPrimitives.ReadInt32BigEndian(_row[_at..]);
            _at += 4;
            if (n < 0) return [];
            var field = _row.Slice(_at, n);
            _at += n;
            return field;
        }

        public long NextInt64() => BinaryPrimitives.ReadInt64BigEndian(Next());

        /// <summary>The next timestamptz as Unix milliseconds.</summary>
        public long NextInstant() => NextInt64() / 1000 + PostgresEpochMs;

        public int? NextInt32OrNull() => Next() is { IsEmpty: false } f ? BinaryPrimitives.ReadInt32BigEndian(f) : null;
    }
}
