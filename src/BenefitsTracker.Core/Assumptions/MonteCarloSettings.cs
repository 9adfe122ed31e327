namespace BenefitsTracker.Core.Assumptions;

/// <summary>How many draws, from which seed, and each input's distribution.</summary>
public sealed record MonteCarloSettings(int Draws, ulong Seed, IReadOnlyDictionary<string, InputDistribution> Inputs)
{
    public const int DefaultDraws = 10_000;
    public const ulong DefaultSeed = 20_240_401;
}
