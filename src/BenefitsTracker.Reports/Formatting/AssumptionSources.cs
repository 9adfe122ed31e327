using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Reports.Formatting;

/// <summary>
/// Where each assumed figure came from, in words for the caveats: the default and its source, or the key
/// of the assumptions file (named, with its version) that set it. Read off the resolved assumptions, so a
/// file that sets phone to £4.00 is never described as "defaults from Socitm".
/// </summary>
internal static class AssumptionSources
{
    public const string UnitCostDefaultSource = "Socitm Channel Value Benchmarking, 2011 cohorts, median cost per contact";

    /// <summary>"the assumptions file assumptions.json (version 2025-26-v1)".</summary>
    public static string File(Lineage l) => l.AssumptionsFile is { } f
        ? $"the assumptions file {f} (version {l.AssumptionsVersion})"
        : $"the assumptions (version {l.AssumptionsVersion})";

    /// <summary>
    /// The unit costs used, each with its source: "face to face £8.62 and web £0.15 are the defaults (Socitm ...);
    /// phone £4.00 is set by unit_costs_gbp.phone in the assumptions file a.json (version v2)". Where services or
    /// councils use different values for a channel, each is given with the key that set it.
    /// </summary>
    public static string UnitCosts(SavingsResult r, IEnumerable<(IReadOnlyDictionary<string, decimal> Costs, IReadOnlyDictionary<string, string> Keys)> used)
    {
        var entries = used
            .SelectMany(u => u.Costs.Select(kv => (Channel: kv.Key, Value: kv.Value, Key: u.Keys.GetValueOrDefault(kv.Key))))
            .Distinct()
            .OrderBy(e => Channels.Order(e.Channel)).ThenBy(e => e.Channel, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        var defaults = entries.Where(e => e.Key is null).Select(e => $"{Fmt.Channel(e.Channel).ToLowerInvariant()} {Fmt.Money(e.Value)}").ToList();
        var set = entries.Where(e => e.Key is not null).ToList();
        var parts = new List<string>();
        if (defaults.Count > 0)
            parts.Add($"{Join(defaults)} {(defaults.Count == 1 ? "is the default" : "are the defaults")} ({UnitCostDefaultSource})");
        if (set.Count > 0)
            parts.Add(Join(set.Select(e => $"{Fmt.Channel(e.Channel).ToLowerInvariant()} {Fmt.Money(e.Value)} is set by {e.Key}").ToList()) + $" in {File(r.Lineage)}");
        return string.Join("; ", parts);
    }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join("", items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
