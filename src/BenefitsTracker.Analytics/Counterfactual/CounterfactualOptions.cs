namespace BenefitsTracker.Analytics.Counterfactual;

/// <summary>How the estimates are made; the defaults are what reports use.</summary>
public sealed record CounterfactualOptions
{
    /// <summary>Bootstrap resamples per estimate.</summary>
    public int Resamples { get; init; } = 400;
    /// <summary>Seed of the bootstrap; with the council, service and method it fixes every draw.</summary>
    public ulong Seed { get; init; } = 20240401;
    /// <summary>
    /// Consecutive months resampled together where the residuals are autocorrelated, so that runs of high or low
    /// months stay together; where they are not, single months are resampled (<c>BlockBootstrap.BlockLength</c>).
    /// </summary>
    public int BlockMonths { get; init; } = 3;
    /// <summary>Fewest months before go-live that an estimate needs.</summary>
    public int MinimumMonthsBefore { get; init; } = 12;

    public static readonly CounterfactualOptions Default = new();
}
