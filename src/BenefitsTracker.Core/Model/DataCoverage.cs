namespace BenefitsTracker.Core.Model;

/// <summary>One council's data coverage over the period: each feed's reach and the months it leaves unknown.</summary>
public sealed record DataCoverage(string Council, string CouncilName, IReadOnlyList<FeedCoverage> Feeds)
{
    /// <summary>True when every feed a counted line needs reaches every month of the period.</summary>
    public bool Complete => Feeds.All(f => f.UnknownMonths.Count == 0 || f.Lines.Count == 0);

    /// <summary>The coverage of <paramref name="feed"/> (every feed is present).</summary>
    public FeedCoverage Of(Feed feed) => Feeds.Single(f => f.Feed == feed);
}
