using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// A service's volumes by month and channel (duplicate rollup rows summed into one cell, so they
/// cannot double a cell's starts), the completed transactions of each channel in B (the baseline
/// mix, METHOD.md line 1) and the channels with completed transactions in P.
/// </summary>
internal sealed class ServiceVolumes
{
    /// <summary>One month and channel: completed, started and failed transactions, and satisfaction ratings.</summary>
    public readonly record struct Cell(long Completed, long Started, long Failed, long Ratings = 0, long Satisfied = 0);

    public required IReadOnlyDictionary<int, IReadOnlyList<(string Channel, Cell Cell)>> ByMonth { get; init; }
    public required IReadOnlyDictionary<string, long> Baseline { get; init; }
    public required IReadOnlyCollection<string> PeriodChannels { get; init; }

    public IReadOnlyList<(string Channel, Cell Cell)> In(Month month) => ByMonth.GetValueOrDefault(month.Index, []);

    public static ServiceVolumes Of(IEnumerable<ChannelVolume> volumes, Func<Month, bool> inBaseline, Func<Month, bool> inPeriod)
    {
        var cells = new SortedDictionary<(int Month, string Channel), Cell>();
        foreach (var v in volumes)
        {
            var key = (v.Month.Index, v.Channel);
            var c = cells.GetValueOrDefault(key);
            cells[key] = new Cell(c.Completed + v.Completed, c.Started + v.Started, c.Failed + v.Failed, c.Ratings + v.Ratings,
                c.Satisfied + v.Satisfied);
        }

        var baseline = new Dictionary<string, long>(StringComparer.Ordinal);
        var periodChannels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ((index, channel), c) in cells)
        {
            var month = Month.FromIndex(index);
            if (c.Completed == 0) continue;
            if (inBaseline(month)) baseline[channel] = baseline.GetValueOrDefault(channel) + c.Completed;
            if (inPeriod(month)) periodChannels.Add(channel);
        }
        return new ServiceVolumes
        {
            ByMonth = cells.GroupBy(c => c.Key.Month)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<(string, Cell)>)[.. g.Select(c => (c.Key.Channel, c.Value))]),
            Baseline = baseline,
            PeriodChannels = periodChannels,
        };
    }
}
