namespace BenefitsTracker.Core.Model;

/// <summary>The four KPIs in report order, and their keys.</summary>
public static class Kpis
{
    /// <summary>Every KPI, in the order reports show them.</summary>
    public static readonly IReadOnlyList<Kpi> All = [Kpi.CostPerTransaction, Kpi.DigitalTakeUp, Kpi.CompletionRate, Kpi.UserSatisfaction];

    /// <summary>The key used in the assumptions file, manifest.json and the open data: "cost_per_transaction_gbp", ...</summary>
    public static string Key(this Kpi kpi) => kpi switch
    {
        Kpi.CostPerTransaction => "cost_per_transaction_gbp",
        Kpi.DigitalTakeUp => "digital_take_up",
        Kpi.CompletionRate => "completion_rate",
        Kpi.UserSatisfaction => "user_satisfaction",
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, null),
    };
}
