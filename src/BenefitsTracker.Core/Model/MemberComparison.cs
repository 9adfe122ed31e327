namespace BenefitsTracker.Core.Model;

/// <summary>
/// One member's comparison figures. A null figure with <see cref="Suppressed"/> true was withheld
/// because a count it derives from is below the threshold; counts below it show as "&lt;10".
/// </summary>
/// <param name="Code">The member's GSS code.</param>
/// <param name="Name">The member's name.</param>
/// <param name="Population">Residents, as loaded with the councils file; null when not given.</param>
/// <param name="Transactions">Transactions, or null when below the threshold (shown as "&lt;N").</param>
/// <param name="Suppressed">True when the member's figures are withheld.</param>
/// <param name="AdjustedBenefit">The member's adjusted benefit over the period, or null when withheld.</param>
/// <param name="AdjustedBenefitPer1000Residents">Adjusted benefit per 1,000 residents, or null when withheld or without population.</param>
/// <param name="DigitalTakeUp">Digital transactions over all transactions, or null when withheld.</param>
/// <param name="CostPerTransaction">METHOD.md's cost per transaction, or null when withheld.</param>
/// <param name="SharedCostShare">The fraction (0..1) of the consortium's shared costs this member carries under the apportionment rule.</param>
public sealed record MemberComparison(
    string Code,
    string Name,
    long? Population,
    long? Transactions,
    bool Suppressed,
    decimal? AdjustedBenefit,
    decimal? AdjustedBenefitPer1000Residents,
    decimal? DigitalTakeUp,
    decimal? CostPerTransaction,
    decimal SharedCostShare);
