namespace BenefitsTracker.Core.Assumptions;

/// <summary>A low and a high value of one input, in the input's own units.</summary>
public sealed record InputRange(decimal Low, decimal High);
