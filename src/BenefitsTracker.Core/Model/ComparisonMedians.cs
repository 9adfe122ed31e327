namespace BenefitsTracker.Core.Model;

/// <summary>
/// The consortium median of each comparison figure over the members shown (withheld members and undefined
/// figures left out); null when no member shown has the figure.
/// </summary>
/// <param name="AdjustedBenefitPer1000Residents">Median adjusted benefit per 1,000 residents.</param>
/// <param name="DigitalTakeUp">Median digital take-up.</param>
/// <param name="CostPerTransaction">Median cost per transaction.</param>
/// <param name="Costs">Median digital service costs.</param>
/// <param name="NetBenefit">Median net benefit.</param>
/// <param name="Roi">Median return on investment.</param>
/// <param name="BenefitPerTransaction">Median adjusted benefit per transaction.</param>
/// <param name="CostPer1000Residents">Median cost per 1,000 residents.</param>
/// <param name="AdjustedBenefit">Median adjusted benefit.</param>
public sealed record ComparisonMedians(
    decimal? AdjustedBenefitPer1000Residents,
    decimal? DigitalTakeUp,
    decimal? CostPerTransaction,
    decimal? Costs = null,
    decimal? NetBenefit = null,
    decimal? Roi = null,
    decimal? BenefitPerTransaction = null,
    decimal? CostPer1000Residents = null,
    decimal? AdjustedBenefit = null);
