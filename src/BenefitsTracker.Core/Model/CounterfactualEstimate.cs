using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>
/// What the service's own data says would have happened anyway (docs/method.md, "Would it have
/// happened anyway?"): one estimate per council, service and method, or the reason it was refused.
/// Computed by BenefitsTracker.Analytics from the same data the engine reads; the engine only carries it.
/// </summary>
public sealed record CounterfactualEstimate
{
    /// <summary>The council's GSS code.</summary>
    public required string Council { get; init; }
    /// <summary>The service slug.</summary>
    public required string Service { get; init; }
    /// <summary><c>its</c> (interrupted time series) or <c>peers</c> (comparison with councils not yet launched).</summary>
    public required string Method { get; init; }
    /// <summary>The service's go-live month the estimate splits before from after; null when it has none.</summary>
    public Month? GoLive { get; init; }
    /// <summary>Why the data cannot support an estimate; null when there is one.</summary>
    public string? Refused { get; init; }
    /// <summary>
    /// <see cref="Refused"/> as a <see cref="Phrase"/> (its code and values), for a report in another language; null
    /// when there is an estimate. Its <see cref="Phrase.English"/> is <see cref="Refused"/>.
    /// </summary>
    public Phrase? RefusedReason { get; init; }
    /// <summary>
    /// Share of the observed channel-shift benefit that the counterfactual says would have happened
    /// anyway, kept within 0 to 1 (a share); <see cref="UnboundedDeadweight"/> and <see cref="DeadweightNote"/>
    /// say where the ratio itself fell outside.
    /// </summary>
    public decimal? EstimatedDeadweight { get; init; }
    /// <summary>The 95% interval of the estimated deadweight, each end kept within 0 to 1.</summary>
    public Interval? DeadweightCi95 { get; init; }
    /// <summary>The ratio before it was kept within 0 to 1 (equal to <see cref="EstimatedDeadweight"/> when inside).</summary>
    public decimal? UnboundedDeadweight { get; init; }
    /// <summary>Why the estimate or an end of its interval was held at 0 or 1, in plain English; null when neither was.</summary>
    public string? DeadweightNote { get; init; }
    /// <summary>
    /// The parts of <see cref="DeadweightNote"/> as phrases, for a report in another language: the note is them joined
    /// by "; ", its first letter capitalised and a full stop added. Empty when there is no note.
    /// </summary>
    public IReadOnlyList<Phrase> DeadweightNotes { get; init; } = [];
    /// <summary>Observed minus projected offline transactions over the months after go-live (negative: fewer offline).</summary>
    public decimal? EffectTransactions { get; init; }
    /// <summary>The 95% interval of <see cref="EffectTransactions"/>.</summary>
    public Interval? EffectCi95 { get; init; }
    /// <summary>Months of data before go-live the model was fitted to.</summary>
    public int MonthsBefore { get; init; }
    /// <summary>Months after go-live the effect is measured over.</summary>
    public int MonthsAfter { get; init; }
    /// <summary>The deadweight the assumptions give for this service, shown beside the estimate.</summary>
    public decimal AssumedDeadweight { get; init; }
    /// <summary>The model in a sentence (what was fitted to what), for the report and the workbook.</summary>
    public string Model { get; init; } = "";
    /// <summary>What the bootstrap resampled, in a sentence.</summary>
    public string Resampling { get; init; } = "";
    /// <summary>Observed and projected offline transactions by month, pre-period fit then projection.</summary>
    public IReadOnlyList<CounterfactualMonth> Months { get; init; } = [];

    /// <summary><c>its</c>: the council's own interrupted time series.</summary>
    public const string Its = "its";
    /// <summary><c>peers</c>: the comparison with councils not yet launched.</summary>
    public const string Peers = "peers";

    /// <summary>"the comparison with peers" or "the council's own time series".</summary>
    public string MethodName => Method == Peers ? "the comparison with peers" : "the council's own time series";

    /// <summary>
    /// The estimate a council's service is read by, where the file says <c>"deadweight": "estimated"</c>
    /// and in the report: the comparison with peers where it gave one (a trend or step every council
    /// shares is not credited to the service), else the council's own time series; null where both refused.
    /// </summary>
    public static CounterfactualEstimate? Preferred(IEnumerable<CounterfactualEstimate> estimates)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        var list = estimates.Where(e => e.Refused is null).ToList();
        return list.FirstOrDefault(e => e.Method == Peers) ?? list.FirstOrDefault(e => e.Method == Its);
    }
}
