namespace BenefitsTracker.Core.Model;

/// <summary>The GOV.UK Service Manual's four mandatory performance indicators.</summary>
public enum Kpi
{
    /// <summary>(Channel cost + digital service costs) / transactions, in pounds; met at or below target.</summary>
    CostPerTransaction,

    /// <summary>Digital transactions / all transactions.</summary>
    DigitalTakeUp,

    /// <summary>Completed / started on web and app, where starts are recorded.</summary>
    CompletionRate,

    /// <summary>Ratings of 4 or 5 / all ratings.</summary>
    UserSatisfaction,
}
