namespace BenefitsTracker.Core.Model;

/// <summary>Deadweight, attribution and optimism bias (METHOD.md).</summary>
public sealed record Adjustments(decimal Deadweight, decimal Attribution, decimal OptimismBias)
{
    /// <summary>No deadweight, full attribution, no optimism bias: a factor of 1.</summary>
    public static readonly Adjustments None = new(0m, 1m, 0m);
    /// <summary>(1 − deadweight) × attribution × (1 − optimism bias).</summary>
    public decimal Factor => (1m - Deadweight) * Attribution * (1m - OptimismBias);
}
