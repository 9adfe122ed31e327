namespace BenefitsTracker.Core.Model;

/// <summary>
/// A service's targets for the four KPIs (assumptions: <c>services.{slug}.targets</c>), each optional.
/// Cost per transaction is met at or below its target; the three rates at or above theirs.
/// </summary>
public sealed record KpiTargets(decimal? CostPerTransaction, decimal? DigitalTakeUp, decimal? CompletionRate, decimal? UserSatisfaction)
{
    /// <summary>True when no KPI has a target.</summary>
    public bool IsEmpty => CostPerTransaction is null && DigitalTakeUp is null && CompletionRate is null && UserSatisfaction is null;

    /// <summary>Whether <paramref name="value"/> meets the target of <paramref name="kpi"/>; null when either is missing.</summary>
    public bool? Met(Kpi kpi, decimal? value)
    {
        var target = Of(kpi);
        if (target is not { } t || value is not { } v) return null;
        return kpi == Kpi.CostPerTransaction ? v <= t : v >= t;
    }

    /// <summary>The target of <paramref name="kpi"/>, or null when it has none.</summary>
    public decimal? Of(Kpi kpi) => kpi switch
    {
        Kpi.CostPerTransaction => CostPerTransaction,
        Kpi.DigitalTakeUp => DigitalTakeUp,
        Kpi.CompletionRate => CompletionRate,
        Kpi.UserSatisfaction => UserSatisfaction,
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, null),
    };
}
