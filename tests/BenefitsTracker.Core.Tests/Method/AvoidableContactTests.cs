using System.Globalization;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Tests.Method;

/// <summary>METHOD.md line 4: matching failures online to offline completions within 7 days.</summary>
public sealed class AvoidableContactTests
{
    private static readonly string[] Digital = ["web", "app"];

    private static ContactEvent Failed(string user, string at, string channel = "web") => new("s", user, channel, ContactKind.Failed, At(at));
    private static ContactEvent Done(string user, string at, string channel = "phone") => new("s", user, channel, ContactKind.Completed, At(at));
    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void A_failure_then_a_phone_call_within_seven_days_is_one_pair()
    {
        var pairs = AvoidableContact.Match([Failed("r-17", "2024-03-10T11:00Z"), Done("r-17", "2024-03-12T11:00Z")], Digital);
        var pair = Assert.Single(pairs);
        Assert.Equal("r-17", pair.Offline.UserRef);
    }

    [Fact]
    public void The_window_is_after_the_failure_and_at_most_seven_days()
    {
        Assert.Single(AvoidableContact.Match([Failed("u", "2024-03-10T11:00Z"), Done("u", "2024-03-17T11:00Z")], Digital));
        Assert.Empty(AvoidableContact.Match([Failed("u", "2024-03-10T11:00Z"), Done("u", "2024-03-17T11:00:01Z")], Digital));
        Assert.Empty(AvoidableContact.Match([Failed("u", "2024-03-10T11:00Z"), Done("u", "2024-03-10T11:00Z")], Digital));
        Assert.Empty(AvoidableContact.Match([Failed("u", "2024-03-10T11:00Z"), Done("u", "2024-03-09T11:00Z")], Digital));
    }

    [Fact]
    public void Only_the_same_user_digital_failures_and_offline_completions_match()
    {
        Assert.Empty(AvoidableContact.Match([Failed("a", "2024-03-10T11:00Z"), Done("b", "2024-03-11T11:00Z")], Digital));
        Assert.Empty(AvoidableContact.Match([Failed("a", "2024-03-10T11:00Z", "phone"), Done("a", "2024-03-11T11:00Z", "face_to_face")], Digital));
        Assert.Empty(AvoidableContact.Match([Failed("a", "2024-03-10T11:00Z"), Done("a", "2024-03-11T11:00Z", "app")], Digital));
        Assert.Single(AvoidableContact.Match([Failed("a", "2024-03-10T11:00Z", "app"), Done("a", "2024-03-11T11:00Z", "post")], Digital));
    }

    [Fact]
    public void Each_event_is_matched_at_most_once_earliest_first()
    {
        // Two failures, one call: the earlier failure takes it. Then one failure, two calls: the earlier call.
        var twoFailures =
            AvoidableContact.Match([Failed("u", "2024-03-11T09:00Z"), Failed("u", "2024-03-10T09:00Z"), Done("u", "2024-03-12T09:00Z")], Digital);
        Assert.Equal(At("2024-03-10T09:00Z"), Assert.Single(twoFailures).Failure.OccurredAt);

        var twoCalls =
            AvoidableContact.Match([Failed("u", "2024-03-10T09:00Z"), Done("u", "2024-03-13T09:00Z"), Done("u", "2024-03-12T09:00Z")], Digital);
        Assert.Equal(At("2024-03-12T09:00Z"), Assert.Single(twoCalls).Offline.OccurredAt);

        // Two failures, two calls: each failure gets its own call.
        Assert.Equal(2, AvoidableContact.Match(
            [Failed("u", "2024-03-10T09:00Z"), Failed("u", "2024-03-11T09:00Z"), Done("u", "2024-03-12T09:00Z"),
                Done("u", "2024-03-13T09:00Z")], Digital).Count);
    }

    [Fact]
    public void A_later_failure_can_take_a_call_the_earlier_one_could_not_reach()
    {
        // Failure 1 on the 1st, failure 2 on the 6th, call on the 12th: only failure 2 is within 7 days.
        var pairs = AvoidableContact.Match(
            [Failed("u", "2024-03-01T09:00Z"), Failed("u", "2024-03-06T09:00Z"), Done("u", "2024-03-12T09:00Z")], Digital);
        Assert.Equal(At("2024-03-06T09:00Z"), Assert.Single(pairs).Failure.OccurredAt);
    }

    [Fact]
    public void Pairs_are_valued_negative_in_the_month_of_the_offline_transaction()
    {
        // Failure on 28 February, phone on 2 March: −(2.83 − 0.15) = −£2.68 in March.
        var costs = new Dictionary<string, decimal> { ["web"] = 0.15m, ["phone"] = 2.83m };
        var pairs = AvoidableContact.Match([Failed("u", "2024-02-28T09:00Z"), Done("u", "2024-03-02T09:00Z")], Digital);
        var row = Assert.Single(AvoidableContact.Rows(pairs, new Month(2024, 1), new Month(2024, 12), (c, _) => costs[c]));
        Assert.Equal(new AvoidableContactRow(new Month(2024, 3), "web", "phone", 1, 2.68m, -2.68m), row);
        Assert.Empty(AvoidableContact.Rows(pairs, new Month(2024, 1), new Month(2024, 2), (c, _) => costs[c]));
        Assert.Equal(-2.68m, AvoidableContact.Value(2.83m, 0.15m));
    }

    [Fact]
    public void By_month_puts_each_months_pairs_in_its_place_in_the_period()
    {
        // P is February to April 2024: two web → phone pairs in March (−£2.68 each), one app → face to face in April (−£8.52).
        var rows = new[]
        {
            new AvoidableContactRow(new Month(2024, 3), "web", "phone", 2, 2.68m, -5.36m),
            new AvoidableContactRow(new Month(2024, 4), "app", "face_to_face", 1, 8.52m, -8.52m),
        };
        Assert.Equal([0m, -5.36m, -8.52m], AvoidableContact.ByMonth(rows, new Month(2024, 2), new Month(2024, 4)));
    }
}
