using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>
/// One month of a service's KPIs and the same month a year earlier. Null figures: the events feed does
/// not reach that month, so its KPIs are unknown (not zero).
/// </summary>
public sealed record KpiMonth(Month Month, KpiFigures? Figures, KpiFigures? YearEarlier);
