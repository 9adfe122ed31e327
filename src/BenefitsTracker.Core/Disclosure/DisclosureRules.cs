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

    /// <summary>
    /// A group of members' figures whose total is shown (a service's KPI counts, a service's benefit line): members
    /// withheld whole (<see cref="DisclosureView.Members"/>) or hidden by their count are hidden; where that leaves exactly
    /// one hidden member with a figure, the consortium's figure less the shown members' would be that member's own, so
    /// the smallest shown contributor is hidden beside it as confidential, until no hidden figure stands alone.
    /// </summary>
    /// <returns>Each hidden member's status; members not in it are shown.</returns>
    public static IReadOnlyDictionary<string, Shown> Group(IReadOnlyList<GroupPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var hidden = parts.Where(p => p.Shown != Shown.Value).ToDictionary(p => p.Code, p => p.Shown, StringComparer.Ordinal);
        while (parts.Count(p => p.Contributes && hidden.ContainsKey(p.Code)) == 1)
        {
            var next = parts.Where(p => p.Contributes && !hidden.ContainsKey(p.Code))
                .OrderBy(p => p.Size).ThenBy(p => p.Code, StringComparer.Ordinal).FirstOrDefault();
            if (next is null) break;
            hidden[next.Code] = Shown.Confidential;
        }
        return hidden;
    }
}

/// <summary>One member's part of a group whose total is shown (<see cref="DisclosureRules.Group"/>).</summary>
/// <param name="Code">The member's council code.</param>
/// <param name="Size">How large its part is (the count, or the money's absolute value): the smallest is hidden first.</param>
/// <param name="Contributes">True when any of its figures in the group is not zero.</param>
/// <param name="Shown">How it is shown before the group is considered (withheld whole, or its count small or confidential).</param>
public sealed record GroupPart(string Code, decimal Size, bool Contributes, Shown Shown);
