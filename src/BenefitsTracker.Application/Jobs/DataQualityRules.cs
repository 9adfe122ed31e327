using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Application.Jobs;

/// <summary>One thing the data-quality job found.</summary>
public sealed record Finding(string Kind, string CouncilCode, string Service, Month? Month, string Detail)
{
    public const string Gap = "gap", Spike = "spike", Drop = "drop", StaleFeed = "stale-feed", RejectionRate = "rejection-rate",
        ImplausibleMinutes = "implausible-minutes";
}

/// <summary>
/// The data-quality rules on one council's service's monthly series (docs/jobs.md, data-quality). Pure functions,
/// so each rule can be checked with numbers a person can follow.
/// </summary>
public static class DataQualityRules
{
    /// <summary>
    /// Gaps: a month with no events inside the series (after its first month, before its last) where the months
    /// either side have events, or where the same calendar month has events in another year. A service that pauses
    /// every year for the same months (a consultation window) has no gap then.
    /// </summary>
    public static IEnumerable<Month> Gaps(IReadOnlyDictionary<Month, long> events)
    {
        var present = events.Where(e => e.Value > 0).Select(e => e.Key).ToHashSet();
        if (present.Count < 3) yield break;
        var first = present.Min();
        var last = present.Max();
        for (var m = first.AddMonths(1); m < last; m = m.AddMonths(1))
        {
            if (present.Contains(m)) continue;
            var between = present.Contains(m.AddMonths(-1)) && present.Contains(m.AddMonths(1));
            var seasonal = present.Any(p => p.Number == m.Number && p.Year != m.Year);
            if (between || seasonal) yield return m;
        }
    }

    /// <summary>
    /// Spikes and drops by the modified z-score (Iglewicz and Hoaglin): z = 0.6745 × (x − median) / MAD over the
    /// months within <paramref name="neighbours"/> either side (at least four of them with data), the MAD floored
    /// at 5% of the median and at 1 so that a flat series does not make every small change a spike. A month whose
    /// |z| exceeds <paramref name="threshold"/> is flagged, unless the same calendar month of other years is in the
    /// data and the month is within half to twice their median (so a peak that comes every spring is not a spike).
    /// </summary>
    public static IEnumerable<(Month Month, string Kind, long Value, double Median, double Score)> SpikesAndDrops(
        IReadOnlyDictionary<Month, long> volumes, int neighbours, double threshold)
    {
        var present = volumes.Where(v => v.Value > 0).ToDictionary(v => v.Key, v => (double)v.Value);
        foreach (var (month, x) in present.OrderBy(p => p.Key))
        {
            var around = present.Where(p => p.Key != month && Math.Abs(p.Key.Index - month.Index) <= neighbours).Select(p => p.Value).ToList();
            if (around.Count < 4) continue;
            var median = Median(around);
            var mad = Math.Max(Math.Max(Median(around.Select(v => Math.Abs(v - median)).ToList()), 0.05 * median), 1);
            var z = 0.6745 * (x - median) / mad;
            if (Math.Abs(z) <= threshold) continue;
            var sameMonth = present.Where(p => p.Key.Number == month.Number && p.Key.Year != month.Year).Select(p => p.Value).ToList();
            if (sameMonth.Count > 0)
            {
                var ratio = x / Median(sameMonth);
                if (z > 0 ? ratio <= 2 : ratio >= 0.5) continue;
            }
            yield return (month, z > 0 ? Finding.Spike : Finding.Drop, (long)x, median, z);
        }
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
