using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// METHOD.md line 4, avoidable contact (a dis-benefit): someone fails online and, within 7 days,
/// completes the same service offline. Each pair costs u(offline) − u(digital), counted negative in
/// the month of the offline transaction. Matching is event by event (quantity is ignored): failures
/// are taken earliest first, each claims the earliest unmatched offline completion of the same
/// user_ref with t_f &lt; t_o ≤ t_f + 7 days, and no event is matched twice.
/// </summary>
public static class AvoidableContact
{
    /// <summary>How long after a failure an offline completion still counts: 7 days, inclusive.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>A failure on a digital channel and the offline completion it led to.</summary>
    public sealed record Pair(ContactEvent Failure, ContactEvent Offline);

    /// <summary>Pairs the events of one service. Digital and offline are judged by <paramref name="digitalChannels"/>.</summary>
    public static IReadOnlyList<Pair> Match(IEnumerable<ContactEvent> contacts, IReadOnlyCollection<string> digitalChannels)
    {
        var failures = new List<ContactEvent>();
        var offlineByUser = new Dictionary<string, List<ContactEvent>>(StringComparer.Ordinal);
        foreach (var e in contacts)
        {
            if (string.IsNullOrEmpty(e.UserRef)) continue;
            var digital = digitalChannels.Contains(e.Channel);
            if (e.Kind == ContactKind.Failed && digital) failures.Add(e);
            else if (e.Kind == ContactKind.Completed && !digital)
            {
                if (!offlineByUser.TryGetValue(e.UserRef, out var list)) offlineByUser[e.UserRef] = list = [];
                list.Add(e);
            }
        }

        // Ties in time are broken by channel and user, so the pairing never depends on input order.
        failures.Sort(ByTime);
        foreach (var list in offlineByUser.Values) list.Sort(ByTime);
        var used = new HashSet<ContactEvent>(ReferenceEqualityComparer.Instance);

        var pairs = new List<Pair>();
        foreach (var failure in failures)
        {
            if (!offlineByUser.TryGetValue(failure.UserRef, out var candidates)) continue;
            var latest = failure.OccurredAt + Window;
            foreach (var offline in candidates)
            {
                if (offline.OccurredAt <= failure.OccurredAt || used.Contains(offline)) continue;
                if (offline.OccurredAt > latest) break;
                used.Add(offline);
                pairs.Add(new Pair(failure, offline));
                break;
            }
        }
        return pairs;
    }

    /// <summary>The value of one pair: −(u(offline) − u(digital)).</summary>
    public static decimal Value(decimal offlineUnitCost, decimal digitalUnitCost) => -(offlineUnitCost - digitalUnitCost);

    /// <summary>Pairs whose offline transaction falls in <paramref name="from"/>..<paramref name="to"/>, counted by month and channel pair.</summary>
    public static IReadOnlyList<AvoidableContactRow> Rows(
        IEnumerable<Pair> pairs, Month from, Month to, Func<string, Month, decimal> unitCost)
    {
        return pairs
            .Select(p => (Month: Month.Of(p.Offline.OccurredAt), Digital: p.Failure.Channel, Offline: p.Offline.Channel))
            .Where(p => p.Month >= from && p.Month <= to)
            .GroupBy(p => p)
            .OrderBy(g => g.Key.Month)
            .ThenBy(g => Channels.Order(g.Key.Digital)).ThenBy(g => g.Key.Digital, StringComparer.Ordinal)
            .ThenBy(g => Channels.Order(g.Key.Offline)).ThenBy(g => g.Key.Offline, StringComparer.Ordinal)
            .Select(g =>
            {
                var (offline, digital) = (unitCost(g.Key.Offline, g.Key.Month), unitCost(g.Key.Digital, g.Key.Month));
                long count = g.Count();
                return new AvoidableContactRow(g.Key.Month, g.Key.Digital, g.Key.Offline, count, offline - digital,
                    count * Value(offline, digital));
            })
            .ToList();
    }

    /// <summary>
    /// The line month by month over <paramref name="from"/>..<paramref name="to"/>: each month's rows summed (negative:
    /// a dis-benefit).
    /// </summary>
    internal static decimal[] ByMonth(IEnumerable<AvoidableContactRow> rows, Month from, Month to)
    {
        var values = new decimal[Month.Count(from, to)];
        foreach (var row in rows) values[row.Month.Index - from.Index] += row.Gross;
        return values;
    }

    private static int ByTime(ContactEvent a, ContactEvent b)
    {
        var c = a.OccurredAt.CompareTo(b.OccurredAt);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Channel, b.Channel);
        return c != 0 ? c : string.CompareOrdinal(a.UserRef, b.UserRef);
    }
}
