using System.Runtime.CompilerServices;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// Walker's alias method (Vose's construction) over whole-number counts: one draw from a histogram
/// in constant time, with probabilities exactly count_i / n because every weight stays an integer.
/// The bootstrap draws millions of cases; a search per draw would dominate its running time.
/// </summary>
public sealed class AliasTable
{
    private readonly long[] _threshold;
    private readonly int[] _alias;
    private readonly long[] _counts;
    private readonly long _total;

    /// <summary>A table drawing bin i with probability <c>counts[i] / Σ counts</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public AliasTable(IReadOnlyList<long> counts)
    {
        var k = counts.Count;
        _counts = [.. counts];
        _threshold = new long[k];
        _alias = new int[k];
        foreach (var c in counts)
        {
            if (c < 0) throw new ArgumentOutOfRangeException(nameof(counts), c, "counts cannot be negative");
            _total += c;
        }
        if (_total == 0) return;

        // Each of the k columns holds _total units; bin i brings count_i × k units.
        var scaled = new long[k];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = k - 1; i >= 0; i--)
        {
            scaled[i] = counts[i] * k;
            (scaled[i] < _total ? small : large).Push(i);
        }
        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _threshold[s] = scaled[s];
            _alias[s] = l;
            scaled[l] -= _total - scaled[s];
            (scaled[l] < _total ? small : large).Push(l);
        }
        while (large.Count > 0) { var l = large.Pop(); _threshold[l] = _total; _alias[l] = l; }
        while (small.Count > 0) { var s = small.Pop(); _threshold[s] = _total; _alias[s] = s; }
    }

    /// <summary>The number of items the counts add up to.</summary>
    public long Total => _total;

    /// <summary>The count of bin <paramref name="bin"/>, as given.</summary>
    public long Count(int bin) => _counts[bin];

    /// <summary>
    /// The exact chance of drawing <paramref name="bin"/>, as units over Total × k: each column gives
    /// its threshold to itself and the rest to its alias. Equals count × k for a correct table.
    /// </summary>
    internal long Units(int bin)
    {
        long units = 0;
        for (var column = 0; column < _alias.Length; column++)
        {
            if (column == bin) units += _threshold[column];
            if (_alias[column] == bin) units += _total - _threshold[column];
        }
        return units;
    }

    /// <summary>A bin index drawn with probability count_i / Total.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Draw(SplitMix64 random)
    {
        var column = (int)random.NextBelow(_alias.Length);
        return random.NextBelow(_total) < _threshold[column] ? column : _alias[column];
    }
}
