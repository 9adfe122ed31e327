using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// METHOD.md v2, No data is not zero. For each council and feed the data reaches from its first to its
/// last month held: events and cases by the months of their rows; cost lines from the first month any line
/// starts to the last month any line covers (so "print stopped, so there are no print lines" is still a
/// saving while other lines, such as the licence, show the finance feed is live). A month outside a feed's
/// reach is unknown: the lines needing that feed are not counted in it.
/// </summary>
public static class Coverage
{
    /// <summary>The feed a benefit line is measured from.</summary>
    public static Feed FeedOf(BenefitLine line) => line switch
    {
        BenefitLine.ChannelShift or BenefitLine.AvoidableContact => Feed.Events,
        BenefitLine.OfficerTime => Feed.Cases,
        BenefitLine.Print or BenefitLine.Postage => Feed.CostLines,
        _ => throw new ArgumentOutOfRangeException(nameof(line), line, null),
    };

    /// <summary>The council's coverage of the request's period, naming the enabled lines each feed feeds.</summary>
    public static DataCoverage Of(CouncilData council, ReportRequest request, IEnumerable<BenefitLine> enabledLines)
    {
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(request);
        var enabled = enabledLines.ToHashSet();
        var events = Reach(council.Volumes.Where(v => v.Completed != 0 || v.Started != 0 || v.Failed != 0 || v.Ratings != 0).Select(v => v.Month)
            .Concat(council.Contacts.Select(c => Month.Of(c.OccurredAt))));
        var cases = Reach(council.ClosedCases.Select(c => c.Month).Concat(council.OpenCases.Select(c => c.Month)));
        var costs = Reach(council.CostLines.SelectMany(l => new[] { Month.Of(l.PeriodStart), Month.Of(l.PeriodEnd) }));
        FeedCoverage Feed(Feed feed, (Month? From, Month? To) reach)
        {
            var unknown = Month.Range(request.From, request.To)
                .Where(m => reach.From is not { } f || reach.To is not { } t || m < f || m > t).ToList();
            return new FeedCoverage(feed, reach.From, reach.To, unknown, [.. BenefitLines.All.Where(l => FeedOf(l) == feed && enabled.Contains(l))]);
        }
        return new DataCoverage(council.Code, council.Name,
            [Feed(Model.Feed.Events, events), Feed(Model.Feed.Cases, cases), Feed(Model.Feed.CostLines, costs)]);
    }

    /// <summary>True when no feed reaches any month of the period: there is nothing to report.</summary>
    public static bool Empty(DataCoverage coverage, ReportRequest request) =>
        coverage.Feeds.All(f => f.UnknownMonths.Count == request.MonthCount);

    /// <summary>"events 2022-04 to 2025-03, cases ..., cost lines none": what the store holds, for messages.</summary>
    public static string Held(DataCoverage coverage) => string.Join(", ", coverage.Feeds.Select(f =>
        $"{Name(f.Feed)} {(f.From is { } a && f.To is { } b ? $"{a} to {b}" : "none")}"));

    /// <summary>
    /// <see cref="Held"/> as a phrase (its English is that text), for a message in another language: each feed's reach
    /// (code <c>coverage.held</c>, or <c>coverage.held_none</c>), the feeds joined by ", " (<see cref="Phrases.Comma"/>).
    /// </summary>
    public static Phrase HeldPhrase(DataCoverage coverage) => Phrases.Comma([.. coverage.Feeds.Select(f =>
    {
        var feed = Phrase.Of("coverage.feed." + f.Feed.ToString().ToLowerInvariant(), Name(f.Feed));
        return f.From is { } a && f.To is { } b
            ? Phrase.Of("coverage.held", $"{feed.English} {a} to {b}", ("feed", feed), ("from", a), ("to", b))
            : Phrase.Of("coverage.held_none", $"{feed.English} none", ("feed", feed));
    })]);

    /// <summary>The feed in words for messages: "events", "cases" or "cost lines".</summary>
    public static string Name(Feed feed) => feed switch
    {
        Model.Feed.Events => "events",
        Model.Feed.Cases => "cases",
        _ => "cost lines",
    };

    private static (Month? From, Month? To) Reach(IEnumerable<Month> months)
    {
        Month? from = null, to = null;
        foreach (var m in months)
        {
            if (from is null || m < from) from = m;
            if (to is null || m > to) to = m;
        }
        return (from, to);
    }
}
