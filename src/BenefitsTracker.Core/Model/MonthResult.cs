using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>One month of the period, summed over the services in scope.</summary>
public sealed record MonthResult
{
    public required Month Month { get; init; }
    public long Transactions { get; init; }
    /// <summary>Completed transactions by channel (only channels with data this period appear; keys in channel order).</summary>
    public required IReadOnlyDictionary<string, long> ByChannel { get; init; }
    public long Started { get; init; }
    public long Failed { get; init; }
    public required IReadOnlyDictionary<BenefitLine, decimal> GrossByLine { get; init; }
    public required IReadOnlyDictionary<BenefitLine, decimal> AdjustedByLine { get; init; }
    public decimal GrossBenefit { get; init; }
    public decimal AdjustedBenefit { get; init; }
    public decimal Cashable { get; init; }
    public decimal NonCashable { get; init; }
    /// <summary>Digital service costs spread into this month (incl. an apportioned share of consortium costs).</summary>
    public decimal Costs { get; init; }
    /// <summary>Cumulative adjusted benefit less cost up to and including this month.</summary>
    public decimal CumulativeNet { get; init; }
    /// <summary>The discount factor 1/(1+r)^y applied to this month in the NPV.</summary>
    public decimal DiscountFactor { get; init; }
    public decimal OfficerHoursReleased { get; init; }
    public long ClosedCases { get; init; }
    public decimal OfficerMinutes { get; init; }
    /// <summary>Open cases received this month: counted, never costed (METHOD.md, Inputs).</summary>
    public long OpenCases { get; init; }
}
