namespace BenefitsTracker.Core.Model;

/// <summary>
/// One usage event with a user_ref, of type transaction_failed or transaction_completed,
/// used to find avoidable contact (METHOD.md line 4).
/// </summary>
public sealed record ContactEvent(string Service, string UserRef, string Channel, ContactKind Kind, DateTimeOffset OccurredAt);
