namespace BenefitsTracker.Core.Model;

/// <summary>
/// One member's comparison figures. A null figure with <see cref="Suppressed"/> true was withheld
/// because a count it derives from is below the threshold; counts below it show as "&lt;10".
/// </summary>
public sealed record MemberComparison(
    string Code,
    string Name,
    long? Population,
    /// <summary>Transactions, or null when below the threshold (shown as "&lt;N").</summary>
    long? Transactions,
    bool Suppressed,
    decimal? AdjustedBenefit,
    decimal? AdjustedBenefitPer1000Residents,
    decimal? DigitalTakeUp,
    decimal? CostPerTransaction,
    /// <summary>The fraction (0..1) of the consortium's shared costs this member carries under the apportionment rule.</summary>
    decimal SharedCostShare);
