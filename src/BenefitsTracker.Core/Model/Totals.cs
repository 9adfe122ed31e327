using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>Headline figures (METHOD.md, Adjustments and appraisal).</summary>
public sealed record Totals
{
    public long Transactions { get; init; }
    public long DigitalTransactions { get; init; }
    /// <summary>Digital / all transactions; null when there are none.</summary>
    public decimal? DigitalTakeUp { get; init; }
    /// <summary>Completed / started on web and app where starts are recorded; null when none are.</summary>
    public decimal? CompletionRate { get; init; }
    /// <summary>(Actual channel cost + digital service costs) / transactions; null when no transactions.</summary>
    public decimal? CostPerTransaction { get; init; }
    public decimal GrossBenefit { get; init; }
    public decimal AdjustedBenefit { get; init; }
    public decimal Cashable { get; init; }
    public decimal NonCashable { get; init; }
    public decimal Costs { get; init; }
    public decimal NetBenefit { get; init; }
    /// <summary>Net / costs; null (undefined, not infinite) when costs are zero.</summary>
    public decimal? Roi { get; init; }
    /// <summary>Adjusted / costs; null when costs are zero.</summary>
    public decimal? Bcr { get; init; }
    public decimal Npv { get; init; }
    public Month? PaybackMonth { get; init; }
    public decimal OfficerHoursReleased { get; init; }
    public long ClosedCases { get; init; }
    public long OpenCases { get; init; }
}
