namespace BenefitsTracker.Core.Method;

/// <summary>
/// METHOD.md, Consortia: in outputs shared beyond one council, a count below the threshold is shown
/// as "&lt;N" and figures derived from it are withheld. One rule for every output: a count of 1 to
/// N−1 is hidden; zero is shown (it identifies no one). Where a row would hide exactly one cell, the
/// next-smallest non-zero cell is hidden too, so that the row's total cannot give the hidden one away.
/// </summary>
public static class Suppression
{
    /// <summary>True when <paramref name="count"/> must be shown as "&lt;threshold".</summary>
    public static bool Hides(long count, int threshold) => count > 0 && count < threshold;

    /// <summary>The cells of one row (whose total is shown) to hide: primary and, where needed, one secondary.</summary>
    public static IReadOnlySet<TKey> HiddenCells<TKey>(IEnumerable<KeyValuePair<TKey, long>> row, int threshold) where TKey : notnull
    {
        var cells = row.ToList();
        var hidden = cells.Where(c => Hides(c.Value, threshold)).Select(c => c.Key).ToHashSet();
        if (hidden.Count == 1)
        {
            var next = cells
                .Where(c => c.Value > 0 && !hidden.Contains(c.Key))
                .OrderBy(c => c.Value)
                .Select(c => (Found: true, c.Key))
                .FirstOrDefault();
            if (next.Found) hidden.Add(next.Key);
        }
        return hidden;
    }
}
