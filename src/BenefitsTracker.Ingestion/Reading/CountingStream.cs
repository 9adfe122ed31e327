namespace BenefitsTracker.Ingestion.Reading;

/// <summary>A read-only pass-through that counts bytes, for progress, and can hash them as they pass (SHA-256).</summary>
internal sealed class CountingStream(Stream inner, bool hash = false) : Stream
{
    private readonly System.Security.Cryptography.IncrementalHash? _hash =
        hash ? System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256) : null;
    private long _read;
    public long BytesRead => Volatile.Read(ref _read);

    /// <summary>Reads whatever is left, then returns the SHA-256 (lower-case hex) of every byte of the stream.</summary>
    public string Sha256()
    {
        if (_hash is null) throw new InvalidOperationException("this stream was not asked to hash");
        var rest = new byte[1 << 16];
        while (Read(rest, 0, rest.Length) > 0) { }
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));
    public override int Read(Span<byte> buffer) => Count(buffer[..inner.Read(buffer)]);
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var n = await inner.ReadAsync(buffer, ct);
        return Count(buffer.Span[..n]);
    }
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count,
        CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    private int Count(ReadOnlySpan<byte> read)
    {
        _hash?.AppendData(read);
        Volatile.Write(ref _read, _read + read.Length);
        return read.Length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _hash?.Dispose();
        }
        base.Dispose(disposing);
    }
}
