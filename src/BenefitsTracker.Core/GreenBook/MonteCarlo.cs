using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.GreenBook;

/// <summary>
/// METHOD.md v2 / issue 12 section 5: each draw takes a value of every input with a distribution and
/// evaluates NPV and net benefit on the <see cref="AppraisalBasis"/>: a handful of multiplications per
/// draw, never the rollups. Percentiles by nearest rank over the sorted draws.
/// </summary>
public static class MonteCarlo
{
    /// <summary>Bins of the NPV histogram, equal widths from the lowest draw to the highest.</summary>
    public const int HistogramBins = 20;

    internal static MonteCarloFigures Run(AppraisalBasis basis, MonteCarloSettings settings)
    {
        var n = basis.Inputs.Count;
        var drawn = new List<(int Index, InputDistribution Distribution)>();
        var names = new List<string>();
        foreach (var (key, distribution) in settings.Inputs.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var index = basis.Inputs.ToList().FindIndex(i => i.Key == key);
            names.Add(key);
            // An input the figures do not use (a channel with no transactions) moves nothing.
            if (index >= 0) drawn.Add((index, distribution));
        }

        var random = new SplitMix64(settings.Seed);
        var npv = new decimal[settings.Draws];
        var net = new decimal[settings.Draws];
        var delta = new decimal[n];
        for (var d = 0; d < settings.Draws; d++)
        {
            foreach (var (index, distribution) in drawn)
                delta[index] = Sampling.Draw(distribution, random) - basis.Inputs[index].Assumed;
            npv[d] = basis.Evaluate(delta, AppraisalBasis.Npv);
            net[d] = basis.Evaluate(delta, AppraisalBasis.Net);
        }
        var positive = npv.Count(v => v > 0m);
        Array.Sort(npv);
        Array.Sort(net);
        return new MonteCarloFigures(
            settings.Draws, settings.Seed, names,
            Percentile(npv, 10), Percentile(npv, 50), Percentile(npv, 90),
            Percentile(net, 10), Percentile(net, 50), Percentile(net, 90),
            (decimal)positive / settings.Draws, Histogram(npv));
    }

    /// <summary>Nearest rank: the smallest draw with at least p% of the draws at or below it.</summary>
    public static decimal Percentile(decimal[] sorted, int p)
    {
        var rank = (int)Math.Ceiling(sorted.Length * (p / 100m));
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    private static IReadOnlyList<HistogramBin> Histogram(decimal[] sorted)
    {
        var (min, max) = (sorted[0], sorted[^1]);
        if (min == max) return [new HistogramBin(min, max, sorted.Length)];
        var width = (max - min) / HistogramBins;
        var counts = new int[HistogramBins];
        foreach (var v in sorted) counts[Math.Min(HistogramBins - 1, (int)((v - min) / width))]++;
        return [.. counts.Select((c, i) => new HistogramBin(min + i * width, i == HistogramBins - 1 ? max : min + (i + 1) * width, c))];
    }
}
