using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>One month's price index relative to the base: D(fy(m)) ÷ D(base); real = nominal ÷ this.</summary>
public sealed record RealMonth(Month Month, string FinancialYear, decimal Index);
