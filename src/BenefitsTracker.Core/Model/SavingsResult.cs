using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>
/// The one result model every output is drawn from (ARCHITECTURE.md). Money is unrounded decimal
/// pounds here; outputs round to pence when they show a figure.
/// </summary>
public sealed record SavingsResult
{
    public required ReportScope Scope { get; init; }
    public required ReportRequest Request { get; init; }
    public required Totals Totals { get; init; }
    /// <summary>One entry per benefit line, in <see cref="BenefitLines.All"/> order (lines disabled everywhere have Enabled false and zeros).</summary>
    public required IReadOnlyList<LineResult> Lines { get; init; }
    /// <summary>Every month of the period, in order, including months without data (zeros).</summary>
    public required IReadOnlyList<MonthResult> Months { get; init; }
    /// <summary>The working behind each figure, per service (empty for a consortium; see <see cref="Members"/>).</summary>
    public required IReadOnlyList<ServiceWorking> Services { get; init; }
    /// <summary>For a consortium: each member's own result, in council code order; empty otherwise.</summary>
    public IReadOnlyList<SavingsResult> Members { get; init; } = [];
    /// <summary>For a consortium: normalised comparison with suppression applied; null otherwise.</summary>
    public ConsortiumComparison? Comparison { get; init; }
    /// <summary>Cost lines in scope with their monthly spread (digital costs and baseline spend).</summary>
    public required IReadOnlyList<CostWorking> Costs { get; init; }
    /// <summary>The assumptions as applied at council level (service overrides are in <see cref="ServiceWorking.Assumptions"/>).</summary>
    public required ResolvedAssumptions Assumptions { get; init; }
    public required Lineage Lineage { get; init; }
    /// <summary>Plain-English notes on figures the method had to set to zero or leave out (e.g. no baseline cases), for the reader.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

public enum ScopeKind { Council, Consortium }

public sealed record ReportScope(ScopeKind Kind, string Id, string Name);

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

/// <summary>A benefit line's period figures.</summary>
public sealed record LineResult(
    BenefitLine Line,
    bool Enabled,
    decimal Gross,
    decimal Adjusted,
    bool Cashable,
    ConfidenceInterval? Ci95);

/// <summary>A 95% interval, in pounds, for a line's gross figure.</summary>
public sealed record ConfidenceInterval(decimal Low, decimal High);

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

/// <summary>The working of one service: its baseline and each month's inputs to each line.</summary>
public sealed record ServiceWorking
{
    public required string Service { get; init; }
    public required ServiceAssumptions Assumptions { get; init; }
    /// <summary>Completed transactions by channel over the baseline period B.</summary>
    public required IReadOnlyDictionary<string, long> BaselineVolumes { get; init; }
    /// <summary>Σ s(ch)·u(ch): the baseline mix's cost per transaction (METHOD.md line 1).</summary>
    public decimal BaselineMixUnitCost { get; init; }
    /// <summary>M_B: mean officer minutes of cases closed in B; null when B has no closed cases.</summary>
    public decimal? BaselineMeanMinutes { get; init; }
    public long BaselineClosedCases { get; init; }
    /// <summary>S_B(cat): spend by baseline category (print, postage) in B.</summary>
    public required IReadOnlyDictionary<string, decimal> BaselineSpend { get; init; }
    public required IReadOnlyList<ServiceMonth> Months { get; init; }
    /// <summary>Officer time rows per month and grade (METHOD.md line 2).</summary>
    public required IReadOnlyList<OfficerTimeRow> OfficerTime { get; init; }
    /// <summary>Matched avoidable-contact pairs, grouped by month and channels (METHOD.md line 4).</summary>
    public required IReadOnlyList<AvoidableContactRow> AvoidableContact { get; init; }
    /// <summary>Bootstrap CI for the officer time line of this service; null when not computable.</summary>
    public ConfidenceInterval? OfficerTimeCi95 { get; init; }
    /// <summary>Plain-English notes on this service's figures (e.g. a line set to zero for want of baseline data).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

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

/// <summary>Closed cases of one grade in one month: N, T, the rate used and the resulting figures.</summary>
public sealed record OfficerTimeRow(Month Month, string? Grade, long ClosedCases, decimal OfficerMinutes, decimal HourlyCost, decimal HoursReleased, decimal Gross);

/// <summary>Count of matched failure → offline pairs in a month, valued at u(offline) − u(digital) each.</summary>
public sealed record AvoidableContactRow(Month Month, string DigitalChannel, string OfflineChannel, long Count, decimal UnitDifference, decimal Gross);

/// <summary>A cost line in scope and how it spreads over months (METHOD.md: spread evenly).</summary>
public sealed record CostWorking(
    CostLine Line,
    string Owner,
    int SpreadMonths,
    decimal MonthlyAmount,
    /// <summary>The share of the line this report carries (1 for own costs; the apportioned share for consortium costs).</summary>
    decimal Share,
    /// <summary>Amount this report carries inside the analysis period.</summary>
    decimal InPeriod);

/// <summary>Assumptions as they apply to one service after council and service overrides.</summary>
public sealed record ServiceAssumptions
{
    public required string GoLive { get; init; }
    public required Month BaselineFrom { get; init; }
    public required Month BaselineTo { get; init; }
    public required IReadOnlyList<BenefitLine> Lines { get; init; }
    public required IReadOnlyDictionary<string, decimal> UnitCosts { get; init; }
    public required IReadOnlyList<string> DigitalChannels { get; init; }
    public required decimal HourlyCostDefault { get; init; }
    /// <summary>False when the file gives no officer_hourly_cost_gbp.default (then <see cref="HourlyCostDefault"/> is 0 and must not be used).</summary>
    public bool HasHourlyCostDefault { get; init; } = true;
    public required IReadOnlyDictionary<string, decimal> HourlyCostByGrade { get; init; }
    public required Adjustments Adjustments { get; init; }
    public required IReadOnlyDictionary<BenefitLine, bool> Cashable { get; init; }
}

/// <summary>Deadweight, attribution and optimism bias (METHOD.md).</summary>
public sealed record Adjustments(decimal Deadweight, decimal Attribution, decimal OptimismBias)
{
    public static readonly Adjustments None = new(0m, 1m, 0m);
    /// <summary>(1 − deadweight) × attribution × (1 − optimism bias).</summary>
    public decimal Factor => (1m - Deadweight) * Attribution * (1m - OptimismBias);
}

/// <summary>The council-level (or top-level, for a consortium) assumptions after overrides.</summary>
public sealed record ResolvedAssumptions
{
    public required string Version { get; init; }
    public required string Sha256 { get; init; }
    public required IReadOnlyDictionary<string, decimal> UnitCosts { get; init; }
    public required IReadOnlyList<string> DigitalChannels { get; init; }
    public required decimal HourlyCostDefault { get; init; }
    /// <summary>False when the file gives no officer_hourly_cost_gbp.default (then <see cref="HourlyCostDefault"/> is 0 and must not be used).</summary>
    public bool HasHourlyCostDefault { get; init; } = true;
    public required IReadOnlyDictionary<string, decimal> HourlyCostByGrade { get; init; }
    public required decimal DiscountRate { get; init; }
    public required Adjustments Adjustments { get; init; }
    public required IReadOnlyDictionary<BenefitLine, bool> Cashable { get; init; }
    public required int SuppressionThreshold { get; init; }
    /// <summary>For a consortium report: equal, population or usage; null for a council outside one.</summary>
    public string? Apportionment { get; init; }
}

/// <summary>A consortium's members side by side, normalised, with small numbers suppressed (METHOD.md, Consortia).</summary>
public sealed record ConsortiumComparison(
    string Apportionment,
    int SuppressionThreshold,
    IReadOnlyList<MemberComparison> Members,
    ComparisonMedians Median);

/// <summary>
/// One member's comparison figures. A null figure with <see cref="Suppressed"/> true was withheld
/// because a count it derives from is below the threshold; counts below it show as "&lt;10".
/// </summary>
public sealed record MemberComparison(
    string Code,
    string Name,
    long? Population,
    /// <summary>Transactions, or null when below the threshold (shown as "&lt;N").</summary>
    long? Transactions,
    bool Suppressed,
    decimal? AdjustedBenefit,
    decimal? AdjustedBenefitPer1000Residents,
    decimal? DigitalTakeUp,
    decimal? CostPerTransaction,
    /// <summary>The fraction (0..1) of the consortium's shared costs this member carries under the apportionment rule.</summary>
    decimal SharedCostShare);

public sealed record ComparisonMedians(decimal? AdjustedBenefitPer1000Residents, decimal? DigitalTakeUp, decimal? CostPerTransaction);
