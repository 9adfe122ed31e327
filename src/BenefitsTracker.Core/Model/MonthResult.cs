using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>One month of the period, summed over the services in scope.</summary>
public sealed record MonthResult
{
    /// <summary>The month.</summary>
    public required Month Month { get; init; }
    /// <summary>Completed transactions, all channels.</summary>
    public long Transactions { get; init; }
    /// <summary>Completed transactions by channel (only channels with data this period appear; keys in channel order).</summary>
    public required IReadOnlyDictionary<string, long> ByChannel { get; init; }
    /// <summary><c>transaction_started</c> events (quantities summed).</summary>
    public long Started { get; init; }
    /// <summary><c>transaction_failed</c> events (quantities summed).</summary>
    public long Failed { get; init; }
    /// <summary>Each line's gross figure G, zero where the line is off or its feed does not reach the month.</summary>
    public required IReadOnlyDictionary<BenefitLine, decimal> GrossByLine { get; init; }
    /// <summary>Each line's gross figure adjusted (METHOD.md, Adjustments and appraisal).</summary>
    public required IReadOnlyDictionary<BenefitLine, decimal> AdjustedByLine { get; init; }
    /// <summary>Σ gross over the lines.</summary>
    public decimal GrossBenefit { get; init; }
    /// <summary>Σ adjusted over the lines.</summary>
    public decimal AdjustedBenefit { get; init; }
    /// <summary>The adjusted figures of the lines counted as cashable.</summary>
    public decimal Cashable { get; init; }
    /// <summary>The adjusted figures of the other lines; with <see cref="Cashable"/> it adds up to <see cref="AdjustedBenefit"/>.</summary>
    public decimal NonCashable { get; init; }
    /// <summary>Digital service costs spread into this month (incl. an apportioned share of consortium costs).</summary>
    public decimal Costs { get; init; }
    /// <summary>Cumulative adjusted benefit less cost up to and including this month.</summary>
    public decimal CumulativeNet { get; init; }
    /// <summary>The discount factor 1/(1+r)^y applied to this month in the NPV.</summary>
    public decimal DiscountFactor { get; init; }
    /// <summary>Hours released by officer time (METHOD.md line 2), every grade.</summary>
    public decimal OfficerHoursReleased { get; init; }
    /// <summary>Cases closed in the month.</summary>
    public long ClosedCases { get; init; }
    /// <summary>Officer minutes spent on the cases closed in the month.</summary>
    public decimal OfficerMinutes { get; init; }
    /// <summary>Open cases received this month: counted, never costed (METHOD.md, Inputs).</summary>
    public long OpenCases { get; init; }
}
