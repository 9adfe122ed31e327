using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Model;

/// <summary>
/// How far one feed of one council reaches (its first and last month held; null when it holds nothing),
/// the months of the period outside that reach, and the enabled lines that need the feed and so are not
/// counted in those months.
/// </summary>
public sealed record FeedCoverage(Feed Feed, Month? From, Month? To, IReadOnlyList<Month> UnknownMonths, IReadOnlyList<BenefitLine> Lines)
{
    /// <summary>True when month <paramref name="m"/> lies within the feed's reach.</summary>
    public bool Covers(Month m) => From is { } f && To is { } t && m >= f && m <= t;
}
