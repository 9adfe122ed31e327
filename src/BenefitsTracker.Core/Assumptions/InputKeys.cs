using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Assumptions;

/// <summary>
/// The inputs whose switching values, ranges and distributions the appraisal works with, named by
/// their key path in the assumptions file (SPEC.md: <c>switching_values[].input</c>).
/// </summary>
public static class InputKeys
{
    /// <summary>A channel's unit cost: <c>unit_costs_gbp.</c> then the channel ("unit_costs_gbp.phone").</summary>
    public const string UnitCostPrefix = "unit_costs_gbp.";
    /// <summary>The officer hourly cost used for cases of a grade without its own rate.</summary>
    public const string HourlyDefault = "officer_hourly_cost_gbp.default";
    /// <summary>A grade's own officer hourly cost: <c>officer_hourly_cost_gbp.grades.</c> then the grade.</summary>
    public const string HourlyGradePrefix = "officer_hourly_cost_gbp.grades.";
    /// <summary>The share of benefit that would have happened anyway (0..1).</summary>
    public const string Deadweight = "adjustments.deadweight";
    /// <summary>The share of benefit due to the digital service (0..1).</summary>
    public const string Attribution = "adjustments.attribution";
    /// <summary>The optimism bias taken off benefits (0..1).</summary>
    public const string OptimismBias = "adjustments.optimism_bias";
    /// <summary>The optimism bias added to costs (costs × (1 + this)).</summary>
    public const string OptimismBiasCosts = "adjustments.optimism_bias_costs";
    /// <summary>All digital service costs together (not a key of the file: the cost lines are data).</summary>
    public const string TotalCosts = "total_costs";

    /// <summary>The key of <paramref name="channel"/>'s unit cost.</summary>
    public static string UnitCost(string channel) => UnitCostPrefix + channel;
    /// <summary>The key of <paramref name="grade"/>'s hourly cost.</summary>
    public static string HourlyGrade(string grade) => HourlyGradePrefix + grade;

    /// <summary>Whether <paramref name="path"/> names an input the appraisal can vary.</summary>
    public static bool IsKnown(string path) =>
        path is HourlyDefault or Deadweight or Attribution or OptimismBias or OptimismBiasCosts or TotalCosts
        || (path.StartsWith(UnitCostPrefix, StringComparison.Ordinal) && Channels.IsKnown(path[UnitCostPrefix.Length..]))
        || (path.StartsWith(HourlyGradePrefix, StringComparison.Ordinal) && path.Length > HourlyGradePrefix.Length);

    /// <summary>Fractions of 0..1: deadweight, attribution and optimism bias on benefits.</summary>
    public static bool IsRate(string path) => path is Deadweight or Attribution or OptimismBias;

    /// <summary>The lowest and highest value the input may take (METHOD.md: costs ≥ 0, rates 0..1).</summary>
    public static (decimal Low, decimal? High) ValidRange(string path) => IsRate(path) ? (0m, 1m) : (0m, null);

    /// <summary>The keys the appraisal can vary, in words, for an error message that lists them.</summary>
    public static string Describe() =>
        "unit_costs_gbp.CHANNEL, officer_hourly_cost_gbp.default, officer_hourly_cost_gbp.grades.GRADE, adjustments.deadweight, " +
        "adjustments.attribution, adjustments.optimism_bias, adjustments.optimism_bias_costs or total_costs";
}
