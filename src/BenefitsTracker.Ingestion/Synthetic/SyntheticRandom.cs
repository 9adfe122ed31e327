using BenefitsTracker.Core.Method;

namespace BenefitsTracker.Ingestion.Synthetic;

/// <summary>
/// The generator's draws, on the engine's SplitMix64, whose sequence is fixed by its seed on every
/// platform and .NET version (System.Random's seeded sequence is not a documented contract).
/// </summary>
internal sealed class SyntheticRandom(ulong seed)
{
    private readonly SplitMix64 _bits = new(seed);

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (_bits.Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, max).</summary>
    public int Next(int max) => max <= 0 ? 0 : (int)(NextDouble() * max);

    /// <summary>Standard normal (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A Poisson-like count around <paramref name="mean"/> (normal approximation, never negative).</summary>
    public long NextCount(double mean) =>
        mean <= 0 ? 0 : Math.Max(0, (long)Math.Round(mean + NextGaussian() * Math.Sqrt(mean)));
}
