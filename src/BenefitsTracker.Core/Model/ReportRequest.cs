using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>What to report on: a period, and optionally one service.</summary>
public sealed record ReportRequest(Month From, Month To, string? Service = null)
{
    /// <summary>Months in the period, both ends included.</summary>
    public int MonthCount => Month.Count(From, To);
}
