using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Reports.Formatting;

/// <summary>
/// The coverage of the result (decided in Core) in plain English, for the top of every output: which
/// months are unknown for which feed, which lines are not counted there, and how far the data reaches.
/// </summary>
public static class CoverageText
{
    /// <summary>One sentence per council and feed that leaves months of the period unknown; empty when the data covers it all.</summary>
    public static IReadOnlyList<string> Sentences(SavingsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var many = result.Coverage.Count > 1;
        var sentences = new List<string>();
        foreach (var c in result.Coverage)
            foreach (var f in c.Feeds.Where(f => f.UnknownMonths.Count > 0 && f.Lines.Count > 0))
            {
                var who = many ? $"{c.CouncilName}: " : "";
                var reach = f.From is { } a && f.To is { } b ? $"its {Coverage.Name(f.Feed)} run from {Fmt.MonthLong(a)} to {Fmt.MonthLong(b)}" : $"it has no {Coverage.Name(f.Feed)} at all";
                var lines = string.Join(" and ", f.Lines.Select(l => l.Title().ToLowerInvariant()));
                var costs = f.Feed == Feed.CostLines ? "; the digital service's costs there are unknown too" : "";
                sentences.Add($"{who}no {Coverage.Name(f.Feed)} for {Runs(f.UnknownMonths)} ({Plural(f.UnknownMonths.Count, "month")}; {reach}). " +
                              $"Those months are unknown, not zero: {lines} {(f.Lines.Count == 1 ? "is" : "are")} not counted in them{costs}.");
            }
        return sentences;
    }

    /// <summary>Months as runs: "January 2030 to December 2030, March 2031".</summary>
    public static string Runs(IReadOnlyList<Month> months)
    {
        var runs = new List<string>();
        for (var i = 0; i < months.Count;)
        {
            var j = i;
            while (j + 1 < months.Count && months[j + 1].Index == months[j].Index + 1) j++;
            runs.Add(i == j ? Fmt.MonthLong(months[i]) : $"{Fmt.MonthLong(months[i])} to {Fmt.MonthLong(months[j])}");
            i = j + 1;
        }
        return string.Join(", ", runs);
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
