using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// A service month's volumes and cases into its sums (METHOD.md, Measures): transactions by
/// channel, digital take-up, completion where starts were recorded, channel cost, cases and minutes.
/// </summary>
internal static class MonthMeasures
{
    /// <summary>Records the month's cells; returns completed transactions by channel, every channel shown in P present.</summary>
    public static OrderedDictionary<string, long> Record(
        MonthFigures figures, IEnumerable<(string Channel, ServiceVolumes.Cell Cell)> cells, IEnumerable<string> channelsShown,
        IReadOnlyCollection<string> digitalChannels, Func<string, decimal> unitCost)
    {
        var byChannel = new OrderedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var channel in channelsShown) byChannel.Add(channel, 0);
        foreach (var (channel, c) in cells)
        {
            if (c.Completed != 0) byChannel[channel] = c.Completed;
            figures.Started += c.Started;
            figures.Failed += c.Failed;
            figures.Transactions += c.Completed;
            if (digitalChannels.Contains(channel)) figures.DigitalTransactions += c.Completed;
            if (c.Completed != 0) figures.ChannelCost += c.Completed * unitCost(channel);
            if (c.Started > 0 && Measures.CompletionChannels.Contains(channel))
            {
                figures.CompletedWhereStarted += c.Completed;
                figures.StartedRecorded += c.Started;
            }
        }
        foreach (var (channel, count) in byChannel) figures.ByChannel[channel] = count;
        return byChannel;
    }

    /// <summary>Records the month's closed cases (count and minutes) and open cases.</summary>
    public static void RecordCases(MonthFigures figures, IEnumerable<ClosedCases> closed, IEnumerable<OpenCases> open)
    {
        foreach (var c in closed)
        {
            figures.ClosedCases += c.Count;
            figures.OfficerMinutes += c.Count * c.OfficerMinutes;
        }
        foreach (var o in open) figures.OpenCases += o.Count;
    }

    /// <summary>
    /// Records the officer hours released (METHOD.md line 2) by each row into its month of <paramref name="months"/>
    /// (P, in order).
    /// </summary>
    public static void RecordHoursReleased(MonthFigures[] months, IEnumerable<OfficerTimeRow> rows)
    {
        if (months.Length == 0) return;
        var from = months[0].Month;
        foreach (var row in rows) months[row.Month.Index - from.Index].OfficerHours += row.HoursReleased;
    }
}
