using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Analytics.Counterfactual;

/// <summary>
/// One council's completed transactions of one service by month, split into offline and digital.
/// Only months with data are held: a month without data is unknown, never zero.
/// </summary>
internal sealed class ServiceSeries
{
    private readonly Dictionary<Month, Dictionary<string, double>> _byMonth = [];
    private readonly HashSet<string> _digital;

    public ServiceSeries(IEnumerable<ChannelVolume> volumes, IEnumerable<string> digitalChannels)
    {
        _digital = [.. digitalChannels];
        foreach (var v in volumes)
        {
            if (!_byMonth.TryGetValue(v.Month, out var channels)) _byMonth[v.Month] = channels = new(StringComparer.Ordinal);
            channels[v.Channel] = channels.GetValueOrDefault(v.Channel) + v.Completed;
        }
        // Summed once: the bootstrap asks for them hundreds of times per estimate (docs/benchmarks.md).
        foreach (var (m, channels) in _byMonth)
        {
            double offline = 0, digital = 0;
            foreach (var (ch, v) in channels) if (_digital.Contains(ch)) digital += v; else offline += v;
            _offline[m] = offline;
            _digitalSum[m] = digital;
        }
    }

    private readonly Dictionary<Month, double> _offline = [];
    private readonly Dictionary<Month, double> _digitalSum = [];

    public static ServiceSeries Of(CouncilData council, string service, IEnumerable<string> digitalChannels) =>
        new(council.Volumes.Where(v => v.Service == service), digitalChannels);

    public bool Has(Month m) => _byMonth.ContainsKey(m);
    public IEnumerable<Month> Months => _byMonth.Keys.Order();
    public bool IsDigital(string channel) => _digital.Contains(channel);

    public double Offline(Month m) => _offline.GetValueOrDefault(m);
    public double Digital(Month m) => _digitalSum.GetValueOrDefault(m);
    public IReadOnlyDictionary<string, double> Channels(Month m) => _byMonth.TryGetValue(m, out var c) ? c : new Dictionary<string, double>();

    /// <summary>Each channel's share of its group (offline or digital) over the given months.</summary>
    public Dictionary<string, double> GroupShares(IEnumerable<Month> months)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in months)
            foreach (var (ch, v) in Channels(m)) sums[ch] = sums.GetValueOrDefault(ch) + v;
        var offline = sums.Where(kv => !_digital.Contains(kv.Key)).Sum(kv => kv.Value);
        var digital = sums.Where(kv => _digital.Contains(kv.Key)).Sum(kv => kv.Value);
        return sums.ToDictionary(kv => kv.Key, kv => kv.Value / (_digital.Contains(kv.Key) ? Math.Max(digital, 1e-300) : Math.Max(offline, 1e-300)),
            StringComparer.Ordinal);
    }
}
