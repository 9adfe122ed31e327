namespace BenefitsTracker.Core.Model;

/// <summary>A line of spend. <see cref="Service"/> null means the whole council (or consortium).</summary>
public sealed record CostLine(
    string? Service, string Category, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Amount,
    bool Cashable, string? Reference, string? Description);
