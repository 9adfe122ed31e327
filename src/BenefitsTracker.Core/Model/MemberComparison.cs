namespace BenefitsTracker.Core.Model;

/// <summary>
/// One member's comparison figures (METHOD.md, Consortia). A null figure with <see cref="Suppressed"/> true was
/// withheld because a count it derives from is below the threshold (or hidden beside one); a null figure of a
/// shown member is undefined (no costs, no transactions or no population).
/// </summary>
/// <param name="Code">The member's GSS code.</param>
/// <param name="Name">The member's name.</param>
/// <param name="Population">Residents, as loaded with the councils file; null when not given.</param>
/// <param name="Transactions">Transactions, or null when withheld (shown as "&lt;N" or "[c]").</param>
/// <param name="Suppressed">True when the member's figures are withheld.</param>
/// <param name="AdjustedBenefit">The member's adjusted benefit over the period, or null when withheld.</param>
/// <param name="AdjustedBenefitPer1000Residents">Adjusted benefit × 1,000 / population, or null when withheld or without population.</param>
/// <param name="DigitalTakeUp">Digital transactions over all transactions, or null when withheld.</param>
/// <param name="CostPerTransaction">METHOD.md's cost per transaction, or null when withheld.</param>
/// <param name="SharedCostShare">The fraction (0..1) of the consortium's shared costs this member carries under the apportionment rule.</param>
/// <param name="Costs">The member's digital service costs: its own and its share of the shared costs; null when withheld.</param>
/// <param name="NetBenefit">Adjusted benefit less costs; null when withheld.</param>
/// <param name="Roi">Net benefit / costs; null when withheld or when costs are zero (undefined).</param>
/// <param name="BenefitPerTransaction">Adjusted benefit / transactions; null when withheld or without transactions.</param>
/// <param name="CostPer1000Residents">Costs × 1,000 / population; null when withheld or without population.</param>
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
    decimal SharedCostShare,
    decimal? Costs = null,
    decimal? NetBenefit = null,
    decimal? Roi = null,
    decimal? BenefitPerTransaction = null,
    decimal? CostPer1000Residents = null);
