using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Disclosure;

/// <summary>
/// The suppression decisions, made once (METHOD.md, Consortia and v2). A count of 1 to N−1 is small
/// (primary, "&lt;N"); a cell hidden only so that a small one cannot be found by subtraction from a shown
/// total is confidential (secondary, "[c]"). Zero is shown: it identifies no one.
/// </summary>
public static class DisclosureRules
{
    /// <summary>
    /// One row whose total is shown: the small cells, then the smallest others until the hidden ones add up
    /// to the threshold (<see cref="Suppression.HiddenCells{TKey}"/>), each labelled small or confidential.
    /// Cells not in the result are shown.
    /// </summary>
    public static IReadOnlyDictionary<TKey, Shown> Row<TKey>(IEnumerable<KeyValuePair<TKey, long>> row, int threshold) where TKey : notnull
    {
        var cells = row.ToList();
        var hidden = Suppression.HiddenCells(cells, threshold);
        var result = new Dictionary<TKey, Shown>();
        foreach (var (key, value) in cells)
            if (hidden.Contains(key)) result[key] = Suppression.Hides(value, threshold) ? Shown.Small : Shown.Confidential;
        return result;
    }

    /// <summary>
    /// Which members of a consortium are withheld whole, and how. Start from the transactions row (small
    /// members, then the smallest others until the withheld add up to the threshold). Then complementary
    /// suppression of every additive figure a member carries (each total and each line's gross and adjusted
    /// figure): the consortium's figure less the shown members' is the withheld members' sum, so while any
    /// such figure has exactly one withheld contributor (one withheld member's figure would be that sum), the
    /// member with the fewest transactions among those that would pair with it is withheld too.
    /// </summary>
    public static IReadOnlyDictionary<string, Shown> Members(IReadOnlyList<SavingsResult> members, int threshold)
    {
        ArgumentNullException.ThrowIfNull(members);
        var status = new Dictionary<string, Shown>(
            Row(members.Select(m => KeyValuePair.Create(m.Scope.Id, m.Totals.Transactions)), threshold), StringComparer.Ordinal);
        if (status.Count == 0) return status;

        var figures = members.ToDictionary(m => m.Scope.Id, AdditiveFigures.Of, StringComparer.Ordinal);
        var keys = figures.Values.SelectMany(f => f.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        while (true)
        {
            var lone = keys.FirstOrDefault(k => status.Keys.Count(code => figures[code].GetValueOrDefault(k) != 0m) == 1);
            if (lone is null) break;
            var next = members
                .Where(m => !status.ContainsKey(m.Scope.Id) && figures[m.Scope.Id].GetValueOrDefault(lone) != 0m)
                .OrderBy(m => m.Totals.Transactions).ThenBy(m => m.Scope.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            // No shown member has the figure: the consortium's figure is the withheld one's. It stays
            // (the consortium's own figure is the report's subject); the note on every output says so.
            if (next is null) { keys.Remove(lone); continue; }
            status[next.Scope.Id] = Shown.Confidential;
        }
        return status;
    }
}
