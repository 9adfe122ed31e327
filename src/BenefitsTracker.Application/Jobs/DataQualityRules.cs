using System.Globalization;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Application.Jobs;

/// <summary>
/// One thing the data-quality job found. <paramref name="DetailPhrase"/> says what, with the numbers that made it a finding,
/// as a phrase (code <c>data_quality.{shape}</c>, docs/welsh-phrases.md) so that a Welsh page or report words it in Welsh;
/// <see cref="Detail"/> is its English, as the API gives it.
/// </summary>
public sealed record Finding(string Kind, string CouncilCode, string Service, Month? Month, Phrase DetailPhrase)
{
    /// <summary>What was found, in English.</summary>
    public string Detail => DetailPhrase.English;

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

/// <summary>
/// The data-quality job's sentences (<see cref="Finding.DetailPhrase"/>), each a <see cref="Phrase"/> whose English is
/// the detail the API gives and whose code (<c>data_quality.gap.between</c>, …) the report layer words in the page's
/// language (keys <c>phrase.data_quality.*</c>). Figures are given as the sentence shows them: whole numbers with thousands
/// separators (1,234), scores to one decimal, percentages as 4.2%: the same digits in English and Welsh.
/// </summary>
public static class FindingPhrases
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A whole number as a sentence shows it: 1,234.</summary>
    public static string Count(double n) => n.ToString("N0", Inv);

    /// <summary>A month with no events: between two with events, or where other years have events in the same month.</summary>
    public static Phrase Gap(Month month, bool eitherSide) => eitherSide
        ? Phrase.Of("data_quality.gap.between", $"no events in {month}, though the service has events the months either side", ("month", month))
        : Phrase.Of("data_quality.gap.seasonal", $"no events in {month}, though the service has events in {MonthName(month)} of other years",
            ("month", month), ("month_name", Phrase.Of("month_name." + month.Number, MonthName(month))));

    /// <summary>The month's name in English, as the detail has always given it (September): the API's text is unchanged.</summary>
    private static string MonthName(Month month) => Inv.DateTimeFormat.GetMonthName(month.Number);

    /// <summary>A spike or drop: the month's volume (completed transactions, else events) against its neighbours' median.</summary>
    public static Phrase Outlier(Month month, bool completed, long value, double median, int neighbours, double score, double threshold)
    {
        var (v, m, z, t) = (Count(value), Count(median), score.ToString("0.0", Inv), threshold.ToString("0.0", Inv));
        return Phrase.Of(completed ? "data_quality.outlier.completed" : "data_quality.outlier.events",
            $"{v} {(completed ? "completed transaction" : "event")}{(value == 1 ? "" : "s")} in {month} against a median of {m} " +
            $"in the {neighbours} {(neighbours == 1 ? "month" : "months")} either side " +
            $"(modified z-score {z}; the rule flags beyond ±{t})",
            ("value", v), ("month", month), ("median", m), ("neighbours", neighbours), ("score", z), ("threshold", t));
    }

    /// <summary>
    /// A feed (events or cases) with no new rows for longer than the rule allows. Each count of days is a phrase of its own
    /// (<see cref="Days"/>): "1 day", "60 days" ("1 diwrnod", "60 diwrnod" in Welsh, a numeral taking the singular). Findings
    /// stored before that kept the codes data_quality.stale.*, whose keys stay for them.
    /// </summary>
    public static Phrase StaleFeed(string kind, long days, DateTimeOffset last, int ruleDays)
    {
        var date = last.UtcDateTime.ToString("yyyy-MM-dd", Inv);
        var (d, r) = (Days(days), Days(ruleDays));
        return Phrase.Of(kind == "cases" ? "data_quality.stale_feed.cases" : "data_quality.stale_feed.events",
            $"no new {kind} rows for {d} (the last file with some was ingested {date}; the rule flags after {r})",
            ("days", d), ("date", date), ("rule_days", r));
    }

    /// <summary>A number of days: "1 day", "0 days", "45 days".</summary>
    public static Phrase Days(long days) =>
        Phrase.Of(days == 1 ? "data_quality.days.one" : "data_quality.days.many", days == 1 ? "1 day" : days.ToString(Inv) + " days", ("n", days));

    /// <summary>
    /// A file with more of its rows rejected than the rule allows, and where its rejects are when they were written: "1 of 1 row
    /// rejected", "20 of 40 rows rejected".
    /// </summary>
    public static Phrase RejectionRate(string file, DateTimeOffset ingested, long rejected, long rows, double maxFraction, string? rejects)
    {
        var (date, r, n) = (ingested.UtcDateTime.ToString("yyyy-MM-dd", Inv), Count(rejected), Count(rows));
        // "21.7 %" and "5 %", as the detail has always written them (the API's text is unchanged).
        var (rate, max) = (((double)rejected / rows).ToString("P1", Inv), maxFraction.ToString("P0", Inv));
        var english = $"{file} (ingested {date}): {r} of {n} {(rows == 1 ? "row" : "rows")} rejected ({rate}; the rule flags above {max})";
        return rejects is null
            ? Phrase.Of("data_quality.rejection_rate", english, ("file", file), ("date", date), ("rejected", r), ("rows", n), ("rate", rate),
                ("max", max))
            : Phrase.Of("data_quality.rejection_rate.rejects", english + $"; the rows and reasons are in {rejects}", ("file", file),
                ("date", date), ("rejected", r), ("rows", n), ("rate", rate), ("max", max), ("rejects", rejects));
    }

    /// <summary>Closed cases of a month whose officer minutes are zero or beyond what the rule takes as plausible.</summary>
    public static Phrase ImplausibleMinutes(Month month, long cases, long zero, decimal longest, decimal max)
    {
        var (c, z, l, m) = (Count(cases), Count(zero), longest.ToString("0.##", Inv), max.ToString("0.##", Inv));
        return Phrase.Of(cases == 1 ? "data_quality.implausible_minutes.one" : "data_quality.implausible_minutes.many",
            $"{c} closed case{(cases == 1 ? "" : "s")} in {month} with implausible officer minutes ({z} with none at all; the longest {l} minutes; " +
            $"the rule flags 0 and above {m})",
            ("cases", c), ("month", month), ("zero", z), ("longest", l), ("max", m));
    }
}
