using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>One month of one service: volumes, spend and each line's gross and adjusted figure.</summary>
public sealed record ServiceMonth
{
    /// <summary>The month.</summary>
    public required Month Month { get; init; }
    /// <summary>Completed transactions by channel, every channel with any in the period present (zero where none this month).</summary>
    public required IReadOnlyDictionary<string, long> ByChannel { get; init; }
    /// <summary><c>transaction_started</c> events (quantities summed).</summary>
    public long Started { get; init; }
    /// <summary><c>transaction_failed</c> events (quantities summed).</summary>
    public long Failed { get; init; }
    /// <summary>Spend spread into this month, by category (all categories, service-scoped lines only).</summary>
    public required IReadOnlyDictionary<string, decimal> Spend { get; init; }
    /// <summary>Each line's gross figure, zero where the line is off or its feed does not reach the month.</summary>
    public required IReadOnlyDictionary<BenefitLine, decimal> GrossByLine { get; init; }
    /// <summary>Each line's gross figure adjusted.</summary>
    public required IReadOnlyDictionary<BenefitLine, decimal> AdjustedByLine { get; init; }
}
