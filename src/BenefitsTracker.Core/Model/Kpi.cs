namespace BenefitsTracker.Core.Model;

/// <summary>The GOV.UK Service Manual's four mandatory performance indicators.</summary>
public enum Kpi { CostPerTransaction, DigitalTakeUp, CompletionRate, UserSatisfaction }
