using BenefitsTracker.Core.Disclosure;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// The consortium workbook's KPI and Benefits register sheets show each member's figures for each service,
/// which the consortium-wide figures of the same service add up. A member withheld whole
/// (<see cref="DisclosureView.Members"/>) is hidden there too; where that leaves exactly one hidden member with a
/// figure in a group whose total is shown, the consortium's figure less the shown members' would be that member's
/// own, so the smallest shown contributor is hidden beside it as "[c]" (secondary suppression, as
/// <see cref="DisclosureRules.Row{TKey}"/> does for a row of counts).
/// </summary>
internal static class ConsortiumDisclosure
{
    /// <summary>One member's part of a group whose total is shown.</summary>
    /// <param name="Code">The member's council code.</param>
    /// <param name="Size">How large its part is (the count, or the money's absolute value): the smallest is hidden first.</param>
    /// <param name="Contributes">True when any of its figures in the group is not zero.</param>
    /// <param name="Shown">How the Core view shows it (withheld whole, or its count small or confidential).</param>
    public sealed record Part(string Code, decimal Size, bool Contributes, Shown Shown);

    /// <summary>Each part's status once no hidden part can be worked out by subtraction; parts not in the result are shown.</summary>
    public static IReadOnlyDictionary<string, Shown> Group(IReadOnlyList<Part> parts)
    {
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
