namespace BenefitsTracker.Core.Assumptions;

/// <summary>
/// One input's distribution in its own units: triangular (low, mode, high), uniform (low, high) or
/// normal (mean, sd) cut at low and high.
/// </summary>
public sealed record InputDistribution(DistributionKind Kind, decimal Low, decimal High, decimal Mode = 0m, decimal Mean = 0m, decimal Sd = 0m);
