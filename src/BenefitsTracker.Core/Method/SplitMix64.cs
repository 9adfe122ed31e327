using System.Runtime.CompilerServices;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fully specified generator, so that the
/// bootstrap gives the same interval on every machine and .NET version (System.Random does not promise that).
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    /// <summary>A value in [0, n), by the high word of a 64×64-bit product (Lemire's multiply-shift).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long NextBelow(long n)
    {
        if (n <= 0) NotPositive(n);
        return unchecked((long)Math.BigMul(Next(), (ulong)n, out _));
    }

    private static void NotPositive(long n) => throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
}
