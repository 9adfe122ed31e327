namespace BenefitsTracker.Core.Model;

public sealed record ComparisonMedians(decimal? AdjustedBenefitPer1000Residents, decimal? DigitalTakeUp, decimal? CostPerTransaction);
