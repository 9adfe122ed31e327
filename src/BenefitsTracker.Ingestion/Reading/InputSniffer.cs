namespace BenefitsTracker.Ingestion.Reading;

/// <summary>Looks at a file's first bytes to refuse what is not UTF-8 text before any row is read.</summary>
internal static class InputSniffer
{
    private const int SniffBytes = 64 * 1024;

    /// <summary>
    /// Why a path that exists is not a regular file (a named pipe, /dev/stdin, a device), or null. Those can be read
    /// once only, and a file is opened more than once (sniffed, maybe hashed, then read), so they are refused.
    /// </summary>
    public static string? NotARegularFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        return stream.CanSeek ? null
            : "is not a regular file (a pipe, /dev/stdin or a device) and can be read only once; save the data to a file and ingest that";
    }

    /// <summary>The problem that makes the file unusable, or null when it looks like UTF-8 text.</summary>
    public static string? Problem(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        var buffer = new byte[SniffBytes];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var head = buffer.AsSpan(0, n);
        if (n == 0) return "the file is empty (no header row)";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return "the file is UTF-16 text; save it as UTF-8";
        if (head.IndexOf((byte)0) >= 0)
            return "the file has binary content (NUL bytes), not CSV or NDJSON text";
        // A cut at the end of the sniffed block may split a character; judge only whole characters.
        var whole = n == SniffBytes ? TrimPartialCharacter(head) : head;
        if (!System.Text.Unicode.Utf8.IsValid(whole))
            return "the file is not UTF-8 text (invalid byte sequence in the first 64 KB); save it as UTF-8";
        return null;
    }

    private static ReadOnlySpan<byte> TrimPartialCharacter(ReadOnlySpan<byte> s)
    {
        var i = s.Length - 1;
        var back = 0;
        while (i >= 0 && back < 4 && (s[i] & 0xC0) == 0x80) { i--; back++; }
        return i >= 0 && s[i] >= 0xC0 ? s[..i] : s;
    }
}
