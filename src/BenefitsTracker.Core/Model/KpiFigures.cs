using BenefitsTracker.Core.Method;

namespace BenefitsTracker.Core.Model;

/// <summary>
/// The sums behind the four KPIs for one service over some months (METHOD.md, Measures and v2 user
/// satisfaction). Every field is a plain sum, so months add up to the period and members to a
/// consortium; the KPIs are worked out from the sums, never averaged.
/// </summary>
public sealed record KpiFigures
{
    /// <summary>Completed transactions by channel (channels with any), so that outputs can value them at the unit costs.</summary>
    public IReadOnlyDictionary<string, long> ByChannel { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);
    /// <summary>Completed transactions, all channels.</summary>
    public long Transactions { get; init; }
    /// <summary>Completed transactions on the service's digital channels.</summary>
    public long DigitalTransactions { get; init; }
    /// <summary>Σ_ch V(ch)·u(ch): what the transactions cost through their channels.</summary>
    public decimal ChannelCost { get; init; }
    /// <summary>The service's own digital cost lines (licence, implementation, hosting, support, other) spread into the months.</summary>
    public decimal Costs { get; init; }
    /// <summary>Completions on web and app in cells where starts were recorded.</summary>
    public long CompletedWhereStarted { get; init; }
    /// <summary>Starts on web and app in cells where starts were recorded (the completion rate's denominator).</summary>
    public long StartedRecorded { get; init; }
    /// <summary>Satisfaction ratings given (each <c>satisfaction_rating</c> event counts its quantity).</summary>
    public long Ratings { get; init; }
    /// <summary>Ratings of 4 ("satisfied") or 5 ("very satisfied").</summary>
    public long Satisfied { get; init; }

    /// <summary>The KPI from the sums; null when there are no transactions.</summary>
    public decimal? CostPerTransaction => Measures.CostPerTransaction(ChannelCost, Costs, Transactions);
    /// <summary>The KPI from the sums; null when there are no transactions.</summary>
    public decimal? DigitalTakeUp => Measures.DigitalTakeUp(DigitalTransactions, Transactions);
    /// <summary>The KPI from the sums; null where no starts were recorded.</summary>
    public decimal? CompletionRate => Measures.CompletionRate(CompletedWhereStarted, StartedRecorded);
    /// <summary>The KPI from the sums; null when there are no ratings.</summary>
    public decimal? UserSatisfaction => Measures.UserSatisfaction(Satisfied, Ratings);

    /// <summary>The value of <paramref name="kpi"/> (null when its denominator is zero).</summary>
    public decimal? Value(Kpi kpi) => kpi switch
    {
        Kpi.CostPerTransaction => CostPerTransaction,
        Kpi.DigitalTakeUp => DigitalTakeUp,
        Kpi.CompletionRate => CompletionRate,
        Kpi.UserSatisfaction => UserSatisfaction,
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, null),
    };

    /// <summary>The count a KPI is a share or an average of (its denominator), for suppression.</summary>
    public long Base(Kpi kpi) => kpi switch
    {
        Kpi.CostPerTransaction or Kpi.DigitalTakeUp => Transactions,
        Kpi.CompletionRate => StartedRecorded,
        Kpi.UserSatisfaction => Ratings,
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, null),
    };

    /// <summary>No months: every sum zero, every KPI null.</summary>
    public static readonly KpiFigures Zero = new();

    /// <summary>The sums of <paramref name="a"/> and <paramref name="b"/> (months into a period, members into a consortium).</summary>
    public static KpiFigures operator +(KpiFigures a, KpiFigures b) => new()
    {
        ByChannel = Merge(a.ByChannel, b.ByChannel),
        Transactions = a.Transactions + b.Transactions,
        DigitalTransactions = a.DigitalTransactions + b.DigitalTransactions,
        ChannelCost = a.ChannelCost + b.ChannelCost,
        Costs = a.Costs + b.Costs,
        CompletedWhereStarted = a.CompletedWhereStarted + b.CompletedWhereStarted,
        StartedRecorded = a.StartedRecorded + b.StartedRecorded,
        Ratings = a.Ratings + b.Ratings,
        Satisfied = a.Satisfied + b.Satisfied,
    };

    private static Dictionary<string, long> Merge(IReadOnlyDictionary<string, long> a, IReadOnlyDictionary<string, long> b)
    {
        var sum = new Dictionary<string, long>(a, StringComparer.Ordinal);
        foreach (var (channel, n) in b) sum[channel] = sum.GetValueOrDefault(channel) + n;
        return sum;
    }

    /// <summary>The sum of some months; null when any is unknown (a month without data is unknown, not zero).</summary>
    public static KpiFigures? SumKnown(IEnumerable<KpiFigures?> months)
    {
        var total = Zero;
        foreach (var m in months)
        {
            if (m is null) return null;
            total += m;
        }
        return total;
    }
}
