using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>Headline figures (METHOD.md, Adjustments and appraisal).</summary>
public sealed record Totals
{
    /// <summary>Completed transactions, all channels.</summary>
    public long Transactions { get; init; }
    /// <summary>Completed transactions on digital channels.</summary>
    public long DigitalTransactions { get; init; }
    /// <summary>Digital / all transactions; null when there are none.</summary>
    public decimal? DigitalTakeUp { get; init; }
    /// <summary>Completed / started on web and app where starts are recorded; null when none are.</summary>
    public decimal? CompletionRate { get; init; }
    /// <summary>(Actual channel cost + digital service costs) / transactions; null when no transactions.</summary>
    public decimal? CostPerTransaction { get; init; }
    /// <summary>G: the sum of the enabled lines over the period.</summary>
    public decimal GrossBenefit { get; init; }
    /// <summary>G adjusted for deadweight, attribution and optimism bias.</summary>
    public decimal AdjustedBenefit { get; init; }
    /// <summary>The adjusted figures of the lines counted as cashable.</summary>
    public decimal Cashable { get; init; }
    /// <summary>The adjusted figures of the other lines; with <see cref="Cashable"/> it adds up to <see cref="AdjustedBenefit"/>.</summary>
    public decimal NonCashable { get; init; }
    /// <summary>C: digital service costs in the period (a member's share of shared costs included).</summary>
    public decimal Costs { get; init; }
    /// <summary>Adjusted benefit − costs.</summary>
    public decimal NetBenefit { get; init; }
    /// <summary>Net / costs; null (undefined, not infinite) when costs are zero.</summary>
    public decimal? Roi { get; init; }
    /// <summary>Adjusted / costs; null when costs are zero.</summary>
    public decimal? Bcr { get; init; }
    /// <summary>Σ_t (adjusted_t − cost_t) / (1 + r)^floor(t/12) over the months of the period.</summary>
    public decimal Npv { get; init; }
    /// <summary>The first month in which cumulative adjusted benefit less cost is at least zero; null if none.</summary>
    public Month? PaybackMonth { get; init; }
    /// <summary>Hours released by officer time, every grade.</summary>
    public decimal OfficerHoursReleased { get; init; }
    /// <summary>Cases closed in the period.</summary>
    public long ClosedCases { get; init; }
    /// <summary>Open cases received in the period: counted, never costed.</summary>
    public long OpenCases { get; init; }
}
