namespace BenefitsTracker.Core.Model;

/// <summary>A 95% interval of a count or a ratio (not money).</summary>
public sealed record Interval(decimal Low, decimal High)
{
    /// <summary>Whether <paramref name="value"/> lies within the interval, ends included.</summary>
    public bool Contains(decimal value) => value >= Low && value <= High;
}
