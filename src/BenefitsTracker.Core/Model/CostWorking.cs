namespace BenefitsTracker.Core.Model;

/// <summary>A cost line in scope and how it spreads over months (METHOD.md: spread evenly).</summary>
public sealed record CostWorking(
    CostLine Line,
    string Owner,
    int SpreadMonths,
    decimal MonthlyAmount,
    /// <summary>The share of the line this report carries (1 for own costs; the apportioned share for consortium costs).</summary>
    decimal Share,
    /// <summary>Amount this report carries inside the analysis period.</summary>
    decimal InPeriod);
