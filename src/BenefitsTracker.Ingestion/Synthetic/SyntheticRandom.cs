namespace BenefitsTracker.Ingestion.Synthetic;

/// <summary>
/// SplitMix64: a tiny, fast generator whose sequence is fixed by its seed on every platform and
/// .NET version (System.Random's seeded sequence is not a documented contract).
/// </summary>
internal sealed class SyntheticRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

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
