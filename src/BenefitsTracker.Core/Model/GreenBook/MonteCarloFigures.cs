namespace BenefitsTracker.Core.Model;

/// <summary>
/// The Monte Carlo range (METHOD.md v2): percentiles of NPV and of net benefit over so many seeded draws
/// of the inputs with distributions, the chance that NPV is above zero, and a histogram of the NPVs.
/// </summary>
public sealed record MonteCarloFigures(
    int Draws,
    ulong Seed,
    IReadOnlyList<string> Inputs,
    decimal P10Npv,
    decimal P50Npv,
    decimal P90Npv,
    decimal P10Net,
    decimal P50Net,
    decimal P90Net,
    decimal ProbabilityNpvPositive,
    IReadOnlyList<HistogramBin> Histogram);
