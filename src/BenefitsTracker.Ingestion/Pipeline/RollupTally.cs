using System.Runtime.InteropServices;

namespace BenefitsTracker.Ingestion.Pipeline;

/// <summary>
/// One kind of rollup cell a handler counts for a file, shared by the events and cases handlers: the parsing thread
/// counts every accepted row (<see cref="Count"/>) as it validates, since it has time to spare; the loading thread
/// notes the rare rows the store turned out to hold already (<see cref="TakeBack"/>); what is merged into the store is
/// the counts less those (<see cref="Net"/>). Counts go to the loading thread in slices (<see cref="HandOver"/>), so
/// memory stays bounded whatever the number of distinct keys in a file.
/// </summary>
/// <param name="minus">Counts less counts.</param>
/// <param name="isEmpty">True when counts add nothing (every count 0 or less).</param>
internal sealed class RollupTally<TKey, TCounts>(Func<TCounts, TCounts, TCounts> minus, Func<TCounts, bool> isEmpty)
    where TKey : notnull where TCounts : struct
{
    private Dictionary<TKey, TCounts> _counted = new();
    private readonly Dictionary<TKey, TCounts> _takenBack = new();

    /// <summary>Distinct keys counted since the last hand-over (parsing thread).</summary>
    public int Keys => _counted.Count;

    /// <summary>Parsing thread: the counts of <paramref name="key"/>, to add an accepted row to.</summary>
    public ref TCounts Count(TKey key) => ref CollectionsMarshal.GetValueRefOrAddDefault(_counted, key, out _);

    /// <summary>Loading thread: the counts to take back from <paramref name="key"/>, to add a duplicate row to.</summary>
    public ref TCounts TakeBack(TKey key) => ref CollectionsMarshal.GetValueRefOrAddDefault(_takenBack, key, out _);

    /// <summary>Parsing thread: the counts so far, for the loading thread to merge; counting starts afresh.</summary>
    public Dictionary<TKey, TCounts> HandOver()
    {
        var counted = _counted;
        _counted = new();
        return counted;
    }

    /// <summary>
    /// Loading thread, once every row counted in <paramref name="counted"/> is loaded (or at the file's end, with
    /// what was never handed over): each key's counts less those taken back, skipping keys left with nothing. The
    /// rows taken back are then forgotten: each was counted in this slice.
    /// </summary>
    public IReadOnlyList<(TKey Key, TCounts Counts)> Net(Dictionary<TKey, TCounts> counted)
    {
        var net = new List<(TKey, TCounts)>(counted.Count);
        foreach (var (k, v) in counted)
        {
            var n = _takenBack.TryGetValue(k, out var back) ? minus(v, back) : v;
            if (!isEmpty(n)) net.Add((k, n));
        }
        _takenBack.Clear();
        return net;
    }

    /// <summary>At the file's end: the counts never handed over.</summary>
    public Dictionary<TKey, TCounts> Rest => _counted;
}
