namespace BenefitsTracker.Core.Model;

/// <summary>
/// A service's four KPIs (GOV.UK Service Manual) over the period and month by month, beside its targets
/// and the same months a year earlier. <see cref="Period"/> sums the months the events feed reaches;
/// <see cref="YearEarlier"/> is null unless every month a year earlier is reached.
/// </summary>
public sealed record ServiceKpis
{
    public required string Service { get; init; }
    public required KpiFigures Period { get; init; }
    public KpiFigures? YearEarlier { get; init; }
    public KpiTargets? Targets { get; init; }
    public required IReadOnlyList<KpiMonth> Months { get; init; }
}
