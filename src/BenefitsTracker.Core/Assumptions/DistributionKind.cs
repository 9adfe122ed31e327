namespace BenefitsTracker.Core.Assumptions;

/// <summary>The shape of a Monte Carlo input's distribution (docs/assumptions.md, Appraisal).</summary>
public enum DistributionKind
{
    /// <summary>Low, most likely (mode) and high.</summary>
    Triangular,

    /// <summary>Every value from low to high equally likely.</summary>
    Uniform,

    /// <summary>A mean and standard deviation, cut at low and high.</summary>
    Normal,
}
