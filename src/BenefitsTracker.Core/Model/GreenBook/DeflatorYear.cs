namespace BenefitsTracker.Core.Model;

/// <summary>One financial year of the deflator series and its figure D(year).</summary>
/// <param name="FinancialYear">The year as HM Treasury writes it ("2024-25").</param>
/// <param name="Deflator">D(year), on the series' own base.</param>
public sealed record DeflatorYear(string FinancialYear, decimal Deflator);
