namespace BenefitsTracker.Core.Assumptions;

public enum DistributionKind { Triangular, Uniform, Normal }
