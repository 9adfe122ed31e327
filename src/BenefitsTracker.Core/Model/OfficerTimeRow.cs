using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>Closed cases of one grade in one month: N, T, the rate used and the resulting figures.</summary>
public sealed record OfficerTimeRow(Month Month, string? Grade, long ClosedCases, decimal OfficerMinutes, decimal HourlyCost,
    decimal HoursReleased, decimal Gross);
