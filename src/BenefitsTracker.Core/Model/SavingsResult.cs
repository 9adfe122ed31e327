using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>
/// The one result model every output is drawn from (ARCHITECTURE.md). Money is unrounded decimal
/// pounds here; outputs round to pence when they show a figure.
/// </summary>
public sealed record SavingsResult
{
    /// <summary>The council or consortium the result is about.</summary>
    public required ReportScope Scope { get; init; }
    /// <summary>The period (and service, if one) asked for.</summary>
    public required ReportRequest Request { get; init; }
    /// <summary>The headline figures over the period.</summary>
    public required Totals Totals { get; init; }
    /// <summary>
    /// One entry per benefit line, in <see cref="BenefitLines.All"/> order (lines disabled everywhere have Enabled
    /// false and zeros).
    /// </summary>
    public required IReadOnlyList<LineResult> Lines { get; init; }
    /// <summary>Every month of the period, in order, including months without data (zeros).</summary>
    public required IReadOnlyList<MonthResult> Months { get; init; }
    /// <summary>The working behind each figure, per service (empty for a consortium; see <see cref="Members"/>).</summary>
    public required IReadOnlyList<ServiceWorking> Services { get; init; }
    /// <summary>For a consortium: each member's own result, in council code order; empty otherwise.</summary>
    public IReadOnlyList<SavingsResult> Members { get; init; } = [];
    /// <summary>For a consortium: normalised comparison with suppression applied; null otherwise.</summary>
    public ConsortiumComparison? Comparison { get; init; }
    /// <summary>
    /// The four service KPIs per service (in service order): for a council, each service's own; for a
    /// consortium, each service summed over the members that run it.
    /// </summary>
    public IReadOnlyList<ServiceKpis> Kpis { get; init; } = [];
    /// <summary>Cost lines in scope with their monthly spread (digital costs and baseline spend).</summary>
    public required IReadOnlyList<CostWorking> Costs { get; init; }
    /// <summary>The assumptions as applied at council level (service overrides are in <see cref="ServiceWorking.Assumptions"/>).</summary>
    public required ResolvedAssumptions Assumptions { get; init; }
    /// <summary>Where the data and assumptions came from, for the reader to trace every figure.</summary>
    public required Lineage Lineage { get; init; }
    /// <summary>
    /// Each council's data coverage (one entry for a council, one per member for a consortium): months a
    /// feed does not reach are unknown, not zero, and the lines needing it are not counted there.
    /// </summary>
    public IReadOnlyList<DataCoverage> Coverage { get; init; } = [];
    /// <summary>Counterfactual estimates (BenefitsTracker.Analytics), one per council, service and method; empty unless attached.</summary>
    public IReadOnlyList<CounterfactualEstimate> Counterfactual { get; init; } = [];
    /// <summary>
    /// Notes for the reader on figures the method had to set to zero or leave out (e.g. no baseline cases), and the
    /// data-quality findings the pipeline adds, each a <see cref="Phrase"/> so that every output words it in its own
    /// language (issue 15). The one list: <see cref="Notes"/> is made from it.
    /// </summary>
    public IReadOnlyList<Phrase> NotePhrases { get; init; } = [];
    /// <summary>
    /// The notes in plain English, as the English outputs write them: each of <see cref="NotePhrases"/>'
    /// <see cref="Phrase.English"/>, in order.
    /// </summary>
    public IReadOnlyList<string> Notes => [.. NotePhrases.Select(p => p.English)];
    /// <summary>
    /// The Green Book appraisal (METHOD.md v2): cash view, horizon, real terms, switching values, scenarios,
    /// Monte Carlo. Set on the result a report is about; null on a consortium's member results.
    /// </summary>
    public AppraisalFigures? Appraisal { get; init; }
}
