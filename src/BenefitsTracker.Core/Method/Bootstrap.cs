using BenefitsTracker.Core.Domain;
using System.Runtime.CompilerServices;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// METHOD.md line 2: a 95% interval for the officer time figure from a seeded bootstrap. Each of
/// 2,000 resamples draws n_B baseline cases and n_P period cases with replacement from the
/// histograms (through an <see cref="AliasTable"/>), recomputes the baseline mean M_B* and
/// values the resampled period cases: Σ_i (M_B* − minutes_i)/60 × rate(grade_i). The interval is the 2.5th and 97.5th
/// percentiles of those figures (gross, before adjustments).
/// </summary>
public static class Bootstrap
{
    /// <summary>Resamples of the baseline and period cases (METHOD.md line 2: 2,000).</summary>
    public const int Resamples = 2000;

    /// <summary>Fixed so that the same inputs always give the same interval.</summary>
    public const ulong Seed = 20240401;

    /// <summary>Each council and service draws its own stream: the fixed seed mixed with a stable hash of both names.</summary>
    public static ulong SeedFor(string council, string service) => Seed ^ StableHash.Fnv1a64($"{council}\n{service}");

    /// <summary>Baseline cases that each took <see cref="Minutes"/>.</summary>
    public readonly record struct BaselineBin(decimal Minutes, long Count);

    /// <summary>Period cases that each took <see cref="Minutes"/>, valued at <see cref="HourlyCost"/>.</summary>
    public readonly record struct PeriodBin(decimal Minutes, decimal HourlyCost, long Count);

    /// <summary>
    /// The officer time resamples of one council's service: B's cases by minutes, P's by minutes and
    /// the rate of their grade; null when either side has no cases.
    /// </summary>
    internal static decimal[]? ForOfficerTime(
        string council, string service, IEnumerable<ClosedCases> baselineCases, IEnumerable<ClosedCases> periodCases,
            Func<string?, Month, decimal> hourlyCost)
    {
        var baselineBins = baselineCases
            .GroupBy(c => c.OfficerMinutes).OrderBy(g => g.Key)
            .Select(g => new BaselineBin(g.Key, g.Sum(c => c.Count))).ToList();
        var periodBins = periodCases
            .GroupBy(c => (c.OfficerMinutes, Rate: hourlyCost(c.Grade, c.Month)))
            .OrderBy(g => g.Key.OfficerMinutes).ThenBy(g => g.Key.Rate)
            .Select(g => new PeriodBin(g.Key.OfficerMinutes, g.Key.Rate, g.Sum(c => c.Count))).ToList();
        return Resample(SeedFor(council, service), baselineBins, periodBins);
    }

    /// <summary>The 2,000 resampled figures, in draw order; null when either side has no cases.</summary>
    public static decimal[]? Resample(ulong seed, IReadOnlyList<BaselineBin> baseline, IReadOnlyList<PeriodBin> period)
    {
        var baselineTable = new AliasTable([.. baseline.Select(b => b.Count)]);
        var periodTable = new AliasTable([.. period.Select(p => p.Count)]);
        var nB = baselineTable.Total;
        var nP = periodTable.Total;
        if (nB == 0 || nP == 0) return null;

        var random = new SplitMix64(seed);
        var baselineDraws = new long[baseline.Count];
        var periodDraws = new long[period.Count];
        var samples = new decimal[Resamples];
        for (var k = 0; k < Resamples; k++)
        {
            // Draw case by case, then sum per bin: the money arithmetic stays in decimal but runs
            // once per bin, not once per case. A side with one bin needs no drawing at all.
            Array.Clear(baselineDraws);
            Array.Clear(periodDraws);
            Draw(baselineTable, baselineDraws, random);
            Draw(periodTable, periodDraws, random);

            var baselineMinutes = 0m;
            for (var b = 0; b < baseline.Count; b++)
                if (baselineDraws[b] != 0) baselineMinutes += baselineDraws[b] * baseline[b].Minutes;
            var mean = baselineMinutes / nB;

            var value = 0m;
            for (var p = 0; p < period.Count; p++)
                if (periodDraws[p] != 0) value += periodDraws[p] * (mean - period[p].Minutes) * period[p].HourlyCost;
            samples[k] = value / 60m;
        }
        return samples;
    }

    /// <summary>The hot loop of a report: compiled fully optimised at once rather than after warming up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Draw(AliasTable table, long[] draws, SplitMix64 random)
    {
        var nonEmpty = -1;
        for (var i = 0; i < draws.Length; i++)
        {
            if (table.Count(i) == 0) continue;
            if (nonEmpty >= 0) { nonEmpty = -2; break; }
            nonEmpty = i;
        }
        if (nonEmpty >= 0) { draws[nonEmpty] = table.Total; return; }
        for (long i = 0; i < table.Total; i++) draws[table.Draw(random)]++;
    }

    /// <summary>
    /// Resamples of a sum of figures: the k-th resample of each part added together (parts with no
    /// resamples contribute nothing: their figure is zero). Null when no part has resamples.
    /// </summary>
    public static decimal[]? Sum(IEnumerable<decimal[]?> parts)
    {
        decimal[]? total = null;
        foreach (var part in parts)
        {
            if (part is null) continue;
            total ??= new decimal[part.Length];
            for (var k = 0; k < part.Length; k++) total[k] += part[k];
        }
        return total;
    }

    /// <summary>The 2.5th and 97.5th percentiles of the resamples; null when there are none.</summary>
    public static ConfidenceInterval? Interval(decimal[]? samples)
    {
        if (samples is null || samples.Length == 0) return null;
        var sorted = (decimal[])samples.Clone();
        Array.Sort(sorted);
        return new ConfidenceInterval(Percentile(sorted, 0.025m), Percentile(sorted, 0.975m));
    }

    /// <summary>
    /// The p-th quantile of sorted values by linear interpolation between closest ranks
    /// (position p·(n − 1), counted from 0; Hyndman and Fan's type 7, the spreadsheet PERCENTILE.INC).
    /// </summary>
    public static decimal Percentile(decimal[] sorted, decimal p)
    {
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(sorted));
        var position = p * (sorted.Length - 1);
        var lower = (int)decimal.Floor(position);
        if (lower >= sorted.Length - 1) return sorted[^1];
        var fraction = position - lower;
        return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]);
    }
}
