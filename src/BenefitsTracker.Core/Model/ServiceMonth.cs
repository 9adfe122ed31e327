using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>One month of one service: volumes, spend and each line's gross and adjusted figure.</summary>
public sealed record ServiceMonth
{
    public required Month Month { get; init; }
    public required IReadOnlyDictionary<string, long> ByChannel { get; init; }
    public long Started { get; init; }
    public long Failed { get; init; }
    /// <summary>Spend spread into this month, by category (all categories, service-scoped lines only).</summary>
    public required IReadOnlyDictionary<string, decimal> Spend { get; init; }
    public required IReadOnlyDictionary<BenefitLine, decimal> GrossByLine { get; init; }
    public required IReadOnlyDictionary<BenefitLine, decimal> AdjustedByLine { get; init; }
}
