using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Reports.Formatting;

/// <summary>
/// The coverage of the result (decided in Core) in plain English, for the top of every output: which
/// months are unknown for which feed, which lines are not counted there, and how far the data reaches.
/// </summary>
public static class CoverageText
{
    /// <summary>One sentence per council and feed that leaves months of the period unknown; empty when the data covers it all.</summary>
    public static IReadOnlyList<string> Sentences(SavingsResult result) => Sentences(result, ReportText.En);

    /// <summary>As <see cref="Sentences(SavingsResult)"/>, in the language of <paramref name="T"/>.</summary>
    public static IReadOnlyList<string> Sentences(SavingsResult result, ReportText T)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(T);
        var many = result.Coverage.Count > 1;
        var sentences = new List<string>();
        foreach (var c in result.Coverage)
            foreach (var f in c.Feeds.Where(f => f.UnknownMonths.Count > 0 && f.Lines.Count > 0))
            {
                var who = many ? $"{c.CouncilName}: " : "";
                var feed = T["feed." + f.Feed.ToString().ToLowerInvariant()];
                var reach = f.From is { } a && f.To is { } b
                    ? T.F("coverage.reach", ("feed", feed), ("from", T.MonthLong(a)), ("to", T.MonthLong(b)))
                    : T.F("coverage.reach.none", ("feed", feed));
                var lines = string.Join(" " + T["common.and"] + " ", f.Lines.Select(l => T.Line(l).ToLowerInvariant()));
                var costs = f.Feed == Feed.CostLines ? T["coverage.costs_unknown"] : "";
                var count = f.UnknownMonths.Count == 1 ? T["coverage.one_month"] : T.F("coverage.months", ("n", f.UnknownMonths.Count));
                var sentence = T.F("coverage.sentence", ("feed", feed), ("runs", Runs(f.UnknownMonths, T)), ("count", count),
                    ("reach", reach)) + " " +
                    T.F(f.Lines.Count == 1 ? "coverage.not_counted.one" : "coverage.not_counted.many", ("lines", lines), ("costs", costs));
                sentences.Add(who + sentence);
            }
        return sentences;
    }

    /// <summary>Months as runs: "January 2030 to December 2030, March 2031".</summary>
    public static string Runs(IReadOnlyList<Month> months) => Runs(months, ReportText.En);

    public static string Runs(IReadOnlyList<Month> months, ReportText T)
    {
        var runs = new List<string>();
        for (var i = 0; i < months.Count;)
        {
            var j = i;
            while (j + 1 < months.Count && months[j + 1].Index == months[j].Index + 1) j++;
            runs.Add(i == j ? T.MonthLong(months[i]) : T.Period(months[i], months[j]));
            i = j + 1;
        }
        return string.Join(", ", runs);
    }
}
