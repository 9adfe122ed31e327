namespace BenefitsTracker.Analytics.Counterfactual;

/// <summary>SplitMix64: a small, fast generator whose stream depends only on its seed (same inputs, same interval).</summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    public int Next(int max) => (int)(Next() % (ulong)max);

    /// <summary>A seed for one estimate: the options' seed mixed with a stable hash of its names (FNV-1a, not string.GetHashCode).</summary>
    public static ulong For(ulong seed, params string[] parts)
    {
        unchecked
        {
            var h = 14695981039346656037UL;
            foreach (var part in parts)
            {
                foreach (var ch in part) { h ^= ch; h *= 1099511628211UL; }
                h ^= 0xFF; h *= 1099511628211UL;
            }
            return h ^ seed;
        }
    }
}
