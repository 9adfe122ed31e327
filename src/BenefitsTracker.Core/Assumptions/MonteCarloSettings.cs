namespace BenefitsTracker.Core.Assumptions;

/// <summary>How many draws, from which seed, and each input's distribution.</summary>
public sealed record MonteCarloSettings(int Draws, ulong Seed, IReadOnlyDictionary<string, InputDistribution> Inputs)
{
    /// <summary>Draws when the file gives no <c>draws</c>.</summary>
    public const int DefaultDraws = 10_000;
    /// <summary>The seed when the file gives no <c>seed</c>, so that a rerun gives the same figures.</summary>
    public const ulong DefaultSeed = 20_240_401;
}
