namespace BenefitsTracker.Core.Model;

/// <summary>The kind of a usage event that takes part in avoidable-contact matching.</summary>
public enum ContactKind { Failed, Completed }
