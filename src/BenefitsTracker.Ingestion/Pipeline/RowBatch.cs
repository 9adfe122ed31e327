using System.Text;

namespace BenefitsTracker.Ingestion.Pipeline;

/// <summary>
/// A block of validated rows handed from the parsing thread to the loading thread: text fields as UTF-8 in one
/// buffer, numbers in one array. Reused, so steady-state ingest allocates nothing per row.
/// </summary>
internal sealed class RowBatch
{
    public const int Capacity = 4096;
    private const int TextSoftLimit = 4 << 20;

    private readonly int _textSlots, _numSlots;
    private readonly int[] _start, _length;
    private readonly long[] _num;
    // Pinned (never moved by the GC): the SQLite loader binds text in place without copying it.
    private byte[] _text = GC.AllocateUninitializedArray<byte>(1 << 18, pinned: true);
    private int _textLength;

    public RowBatch(int textSlots, int numSlots)
    {
        _textSlots = Math.Max(1, textSlots);
        _numSlots = Math.Max(1, numSlots);
        _start = new int[Capacity * _textSlots];
        _length = new int[Capacity * _textSlots];
        _num = new long[Capacity * _numSlots];
    }

    public int Count { get; private set; }

    /// <summary>
    /// The order to load the rows in, when a handler chose one on the parsing thread (<see cref="Kinds.KindHandler.Order"/>):
    /// <c>Order[k]</c> is the row to load k-th. Null: file order.
    /// </summary>
    public int[]? Order { get; set; }

    private int[]? _orderBuffer;

    /// <summary>This batch's own array for <see cref="Order"/> (a batch is filled and loaded by one thread at a time).</summary>
    public int[] OrderBuffer() => _orderBuffer ??= new int[Capacity];
    public bool IsFull => Count == Capacity || _textLength > TextSoftLimit;

    /// <summary>Sets a text field of the row being built (index <see cref="Count"/>); empty means NULL.</summary>
    public void SetText(int slot, ReadOnlySpan<char> value)
    {
        var i = Count * _textSlots + slot;
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_textLength + max > _text.Length)
        {
            var bigger = GC.AllocateUninitializedArray<byte>(Math.Max(_text.Length * 2, _textLength + max), pinned: true);
            _text.AsSpan(0, _textLength).CopyTo(bigger);
            _text = bigger;
        }
        var n = Encoding.UTF8.GetBytes(value, _text.AsSpan(_textLength));
        _start[i] = _textLength;
        _length[i] = n;
        _textLength += n;
    }

    public void SetNum(int slot, long value) => _num[Count * _numSlots + slot] = value;

    /// <summary>The row being built is complete.</summary>
    public void Commit() => Count++;

    public ReadOnlySpan<byte> Text(int row, int slot)
    {
        var i = row * _textSlots + slot;
        return _text.AsSpan(_start[i], _length[i]);
    }

    public long Num(int row, int slot) => _num[row * _numSlots + slot];

    /// <summary>
    /// What the parsing thread's handler handed over with this batch (<see cref="Kinds.KindHandler.HandOver"/>): rollups
    /// counted for the rows up to and including this batch, for the loading thread to merge once it has loaded them.
    /// </summary>
    public object? HandedOver { get; set; }

    public void Clear()
    {
        Count = 0;
        _textLength = 0;
        HandedOver = null;
        Order = null;
    }
}
