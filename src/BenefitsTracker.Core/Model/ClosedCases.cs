using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>
/// Closed cases grouped by service, month closed, officer grade and recorded minutes:
/// <see cref="Count"/> cases each took <see cref="OfficerMinutes"/>. A histogram keeps every case's
/// value (for the bootstrap) without one row per case.
/// </summary>
public sealed record ClosedCases(string Service, Month Month, string? Grade, decimal OfficerMinutes, long Count);
