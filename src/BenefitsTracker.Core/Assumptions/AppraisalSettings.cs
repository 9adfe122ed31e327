namespace BenefitsTracker.Core.Assumptions;

/// <summary>
/// The report-wide Green Book settings of an assumptions file (docs/assumptions.md, "Appraisal"):
/// the horizon, the price base, the ranges for sensitivity and the Monte Carlo distributions.
/// With none of these keys the appraisal adds figures but changes none of today's.
/// </summary>
public sealed record AppraisalSettings
{
    /// <summary>Years from the start of the period that the appraisal covers; null: the observed months only.</summary>
    public int? AppraisalYears { get; init; }

    /// <summary>The fraction by which projected benefit falls each projected year (0..1).</summary>
    public decimal BenefitDropOff { get; init; }

    /// <summary>The financial year ("2024-25") whose prices real terms are stated in; null: the year in which the period ends.</summary>
    public FinancialYear? PriceBase { get; init; }

    /// <summary>
    /// The GDP deflator series given in the file (<c>gdp_deflators</c>), replacing the shipped one; null: none given.
    /// <c>--deflators FILE</c> replaces both.
    /// </summary>
    public DeflatorSeries? Deflators { get; init; }

    /// <summary>Low and high of an input for the tornado chart and the scenarios, by key path; others take ±20%.</summary>
    public IReadOnlyDictionary<string, InputRange> Ranges { get; init; } = new Dictionary<string, InputRange>(StringComparer.Ordinal);

    /// <summary>The Monte Carlo simulation; null when the file gives no distributions.</summary>
    public MonteCarloSettings? MonteCarlo { get; init; }

    /// <summary>A file with no appraisal keys: observed months only, no ranges, no Monte Carlo.</summary>
    public static readonly AppraisalSettings None = new();
}
