namespace BenefitsTracker.Core.Model;

/// <summary>The kind of a usage event that takes part in avoidable-contact matching.</summary>
public enum ContactKind
{
    /// <summary>A <c>transaction_failed</c> event.</summary>
    Failed,

    /// <summary>A <c>transaction_completed</c> event.</summary>
    Completed,
}
