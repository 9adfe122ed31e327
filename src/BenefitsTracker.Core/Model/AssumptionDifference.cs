namespace BenefitsTracker.Core.Model;

/// <summary>One assumption whose value is not the same for every member of a consortium.</summary>
/// <param name="Key">Its key path in the assumptions file as it applies to a member ("officer_hourly_cost_gbp.default",
/// "services.garden-waste.go_live").</param>
/// <param name="Values">Each member's value, in council code order.</param>
public sealed record AssumptionDifference(string Key, IReadOnlyList<MemberValue> Values);
