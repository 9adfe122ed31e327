namespace BenefitsTracker.Core.Model;

/// <summary>A 95% interval, in pounds, for a line's gross figure.</summary>
public sealed record ConfidenceInterval(decimal Low, decimal High);
