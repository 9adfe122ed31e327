using System.Text;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// FNV-1a (64-bit) over UTF-8 bytes. string.GetHashCode is randomised per process, so it cannot
/// seed anything that must give the same figures on every run.
/// </summary>
public static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The FNV-1a hash of <paramref name="text"/>'s UTF-8 bytes: the same on every run and machine.</summary>
    public static ulong Fnv1a64(string text)
    {
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash = unchecked(hash * Prime);
        }
        return hash;
    }
}
