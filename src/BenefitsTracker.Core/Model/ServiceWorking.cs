namespace BenefitsTracker.Core.Model;

/// <summary>The working of one service: its baseline and each month's inputs to each line.</summary>
public sealed record ServiceWorking
{
    /// <summary>The service slug.</summary>
    public required string Service { get; init; }
    /// <summary>The assumptions as they apply to this service.</summary>
    public required ServiceAssumptions Assumptions { get; init; }
    /// <summary>Completed transactions by channel over the baseline period B.</summary>
    public required IReadOnlyDictionary<string, long> BaselineVolumes { get; init; }
    /// <summary>Σ s(ch)·u(ch): the baseline mix's cost per transaction (METHOD.md line 1).</summary>
    public decimal BaselineMixUnitCost { get; init; }
    /// <summary>M_B: mean officer minutes of cases closed in B; null when B has no closed cases.</summary>
    public decimal? BaselineMeanMinutes { get; init; }
    /// <summary>N_B: cases closed in B.</summary>
    public long BaselineClosedCases { get; init; }
    /// <summary>S_B(cat): spend by baseline category (print, postage) in B.</summary>
    public required IReadOnlyDictionary<string, decimal> BaselineSpend { get; init; }
    /// <summary>Every month of the period, in order.</summary>
    public required IReadOnlyList<ServiceMonth> Months { get; init; }
    /// <summary>Officer time rows per month and grade (METHOD.md line 2).</summary>
    public required IReadOnlyList<OfficerTimeRow> OfficerTime { get; init; }
    /// <summary>Matched avoidable-contact pairs, grouped by month and channels (METHOD.md line 4).</summary>
    public required IReadOnlyList<AvoidableContactRow> AvoidableContact { get; init; }
    /// <summary>Bootstrap CI for the officer time line of this service; null when not computable.</summary>
    public ConfidenceInterval? OfficerTimeCi95 { get; init; }
    /// <summary>
    /// Notes on this service's figures (e.g. a line set to zero for want of baseline data), each a <see cref="Phrase"/> so
    /// that a report in another language can word it (issue 15).
    /// </summary>
    public IReadOnlyList<Phrase> NotePhrases { get; init; } = [];
    /// <summary>The notes in plain English: each of <see cref="NotePhrases"/>' <see cref="Phrase.English"/>, in order.</summary>
    public IReadOnlyList<string> Notes => [.. NotePhrases.Select(p => p.English)];
}
