namespace BenefitsTracker.Ingestion.Pipeline;

/// <summary>Small integer ids for repeated strings (councils, services, grades), looked up by span without allocating.</summary>
internal sealed class Interner
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _values = [];

    public Interner() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Id(ReadOnlySpan<char> value)
    {
        if (_lookup.TryGetValue(value, out var id)) return id;
        var s = value.ToString();
        id = _values.Count;
        _values.Add(s);
        _ids.Add(s, id);
        return id;
    }

    public string this[int id] => _values[id];
    public IReadOnlyList<string> Values => _values;
}
