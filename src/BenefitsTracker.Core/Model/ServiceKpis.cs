namespace BenefitsTracker.Core.Model;

/// <summary>
/// A service's four KPIs (GOV.UK Service Manual) over the period and month by month, beside its targets
/// and the same months a year earlier. <see cref="Period"/> sums the months the events feed reaches;
/// <see cref="YearEarlier"/> is null unless every month a year earlier is reached.
/// </summary>
public sealed record ServiceKpis
{
    /// <summary>The service slug.</summary>
    public required string Service { get; init; }
    /// <summary>The sums over the months of the period the events feed reaches.</summary>
    public required KpiFigures Period { get; init; }
    /// <summary>The sums over the same months a year earlier; null unless the feed reaches every one.</summary>
    public KpiFigures? YearEarlier { get; init; }
    /// <summary>The service's targets; null when none is set.</summary>
    public KpiTargets? Targets { get; init; }
    /// <summary>Each month of the period, beside the same month a year earlier.</summary>
    public required IReadOnlyList<KpiMonth> Months { get; init; }
}
