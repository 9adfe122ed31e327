using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// One month's additive figures while they are being summed (service → council → consortium).
/// Everything here is a plain sum, so a council is the sum of its services and a consortium the
/// sum of its members; ratios are worked out only at the end, from the sums.
/// </summary>
internal sealed class MonthFigures(Month month)
{
    public Month Month { get; } = month;
    public long Transactions;
    public long DigitalTransactions;
    public long Started;
    public long Failed;
    /// <summary>Completions and starts on web and app, in cells where starts were recorded (completion rate).</summary>
    public long CompletedWhereStarted;
    public long StartedRecorded;
    public long ClosedCases;
    public long OpenCases;
    public decimal OfficerMinutes;
    public decimal OfficerHours;
    /// <summary>Σ_ch V(ch)·u(ch): what the month's transactions cost through their channels (cost per transaction).</summary>
    public decimal ChannelCost;
    /// <summary>Digital service costs spread into the month.</summary>
    public decimal Costs;
    public decimal Cashable;
    public decimal NonCashable;
    public readonly decimal[] Gross = new decimal[BenefitLines.All.Count];
    public readonly decimal[] Adjusted = new decimal[BenefitLines.All.Count];
    public readonly Dictionary<string, long> ByChannel = new(StringComparer.Ordinal);

    public void Add(MonthFigures other)
    {
        Transactions += other.Transactions;
        DigitalTransactions += other.DigitalTransactions;
        Started += other.Started;
        Failed += other.Failed;
        CompletedWhereStarted += other.CompletedWhereStarted;
        StartedRecorded += other.StartedRecorded;
        ClosedCases += other.ClosedCases;
        OpenCases += other.OpenCases;
        OfficerMinutes += other.OfficerMinutes;
        OfficerHours += other.OfficerHours;
        ChannelCost += other.ChannelCost;
        Costs += other.Costs;
        Cashable += other.Cashable;
        NonCashable += other.NonCashable;
        for (var i = 0; i < Gross.Length; i++)
        {
            Gross[i] += other.Gross[i];
            Adjusted[i] += other.Adjusted[i];
        }
        foreach (var (channel, count) in other.ByChannel)
            ByChannel[channel] = ByChannel.GetValueOrDefault(channel) + count;
    }

    public decimal GrossBenefit => Sum(Gross);
    public decimal AdjustedBenefit => Sum(Adjusted);

    public static MonthFigures[] For(Month from, Month to) => [.. Month.Range(from, to).Select(m => new MonthFigures(m))];

    public static MonthFigures[] Sum(Month from, Month to, IEnumerable<MonthFigures[]> parts)
    {
        var total = For(from, to);
        foreach (var part in parts)
            for (var i = 0; i < total.Length; i++) total[i].Add(part[i]);
        return total;
    }

    private static decimal Sum(decimal[] values)
    {
        var total = 0m;
        foreach (var v in values) total += v;
        return total;
    }
}
