using BenefitsTracker.Analytics.Counterfactual;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Ingestion.Synthetic;

namespace BenefitsTracker.Analytics.Tests;

/// <summary>
/// Generated data with a known effect: garden waste in three councils from 2022-04 to 2025-03; the
/// first launches in 2024-04 (24 months before, 12 after), the second six months later, the third never.
/// </summary>
internal static class Scenarios
{
    public static readonly Month Start = new(2022, 4);
    public static readonly Month End = new(2025, 3);
    public static readonly Month GoLive = new(2024, 4);
    public static readonly ReportRequest AfterGoLive = new(GoLive, End);
    public const string Service = "garden-waste";

    public static ScenarioOptions Moderate(double effect = 0.3) => new()
    {
        Effect = effect, Trend = 0.05, Seasonality = 0.3, Noise = 0.05, GoLive = GoLive,
    };

    public static ScenarioData Draw(ScenarioOptions options, ulong seed, int councils = 3) =>
        CounterfactualScenario.Generate(options, councils, Start, End, seed, [SyntheticProfiles.GardenWaste]);

    public static AssumptionSet Assumptions(ScenarioData data, string? goLive = null) => AssumptionSet.Parse($$"""
        { "version": "scenario",
          "adjustments": {"deadweight": 0.1},
          "services": { "{{Service}}": { "go_live": "{{goLive ?? GoLive.ToString()}}" } },
          "councils": { {{data.CouncilServicesJson([Service])
              .Replace($"\"go_live\": \"{GoLive}\"", $"\"go_live\": \"{goLive ?? GoLive.ToString()}\"")}} } }
        """);

    /// <summary>The first council's estimates, compared with the other two.</summary>
    public static IReadOnlyList<CounterfactualEstimate> Estimate(ScenarioData data, AssumptionSet? assumptions = null, ReportRequest? request = null,
        CounterfactualOptions? options = null) =>
        CounterfactualEstimator.ForCouncil(data.Data[0], data.AsConsortium(), assumptions ?? Assumptions(data), request ?? AfterGoLive, options);

    public static CounterfactualEstimate Method(this IReadOnlyList<CounterfactualEstimate> estimates, string method) =>
        estimates.Single(e => e.Method == method);

    public static double TrueEffect(ScenarioData data) => data.TrueEffect(0, Service, GoLive, End);
}
