namespace BenefitsTracker.Core.Method;

/// <summary>
/// METHOD.md, Consortia: in outputs shared beyond one council, a count below the threshold is shown
/// as "&lt;N" and figures derived from it are withheld. One rule for every output: a count of 1 to
/// N−1 is hidden; zero is shown (it identifies no one). Where a row's total is shown, the total less the
/// shown cells gives the hidden cells' sum; so while that sum is itself 1 to N−1 (a lone hidden cell
/// always is), the next-smallest non-zero cell is hidden too.
/// </summary>
public static class Suppression
{
    /// <summary>True when <paramref name="count"/> must be shown as "&lt;threshold".</summary>
    public static bool Hides(long count, int threshold) => count > 0 && count < threshold;

    /// <summary>
    /// The cells of one row (whose total is shown) to hide: those below the threshold, then the smallest
    /// others until the hidden cells add up to at least the threshold (or every non-zero cell is hidden).
    /// </summary>
    public static IReadOnlySet<TKey> HiddenCells<TKey>(IEnumerable<KeyValuePair<TKey, long>> row, int threshold) where TKey : notnull
    {
        var cells = row.ToList();
        var hidden = cells.Where(c => Hides(c.Value, threshold)).Select(c => c.Key).ToHashSet();
        var sum = cells.Where(c => hidden.Contains(c.Key)).Sum(c => c.Value);
        // Smallest first; ties in the row's own order, so the same row always hides the same cells.
        foreach (var next in cells.Where(c => c.Value > 0 && !hidden.Contains(c.Key)).OrderBy(c => c.Value))
        {
            if (!Hides(sum, threshold)) break;
            hidden.Add(next.Key);
            sum += next.Value;
        }
        return hidden;
    }
}
