namespace BenefitsTracker.Core.Model;

/// <summary>A cost line in scope and how it spreads over months (METHOD.md: spread evenly).</summary>
/// <param name="Line">The cost line as stored.</param>
/// <param name="Owner">The council code or consortium id the line belongs to.</param>
/// <param name="SpreadMonths">The months the line's period covers, over which it is spread evenly.</param>
/// <param name="MonthlyAmount">The line's amount divided by <paramref name="SpreadMonths"/>.</param>
/// <param name="Share">The share of the line this report carries (1 for own costs; the apportioned share for consortium costs).</param>
/// <param name="InPeriod">Amount this report carries inside the analysis period.</param>
public sealed record CostWorking(
    CostLine Line,
    string Owner,
    int SpreadMonths,
    decimal MonthlyAmount,
    decimal Share,
    decimal InPeriod);
