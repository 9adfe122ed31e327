using BenefitsTracker.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>
/// The satisfaction feed: satisfaction_rating events carry a rating of 1 to 5, stored on the event and rolled
/// up as ratings given and ratings of 4 or 5, in CSV and NDJSON alike; the engine reads them from the rollups.
/// </summary>
public class SatisfactionFeedTests
{
    private const string Header = "event_id,council_code,service,channel,event_type,occurred_at,case_id,user_ref,quantity,duration_seconds,rating";

    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task Ratings_roll_up_by_month_with_quantity_and_4_or_5_counted_as_satisfied(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        var csv = store.Write("ratings.csv", string.Join("\n",
            Header,
            "r1,W06000003,bins,web,satisfaction_rating,2024-04-01T09:00:00Z,,,1,,5",
            "r2,W06000003,bins,web,satisfaction_rating,2024-04-02T09:00:00Z,,,2,,4",
            "r3,W06000003,bins,web,satisfaction_rating,2024-04-03T09:00:00Z,,,3,,2",
            "r4,W06000003,bins,web,satisfaction_rating,2024-05-01T09:00:00Z,,,,,1",
            "t1,W06000003,bins,web,transaction_completed,2024-04-01T09:00:00Z,,,,,") + "\n");
        var ndjson = store.Write("more.ndjson",
            """{"event_id":"r5","council_code":"W06000003","service":"bins","channel":"app","event_type":"satisfaction_""" +
                """rating","occurred_at":"2024-04-09T10:00:00Z","rating":3}""" + "\n" +
            """{"event_id":"r1","council_code":"W06000003","service":"bins","channel":"web","event_type":"satisfaction_""" +
                """rating","occurred_at":"2024-04-01T09:00:00Z","rating":5}""" + "\n");

        var summary = await store.IngestAsync(csv, ndjson);
        Assert.Equal((5L, 0L), (summary.Files[0].Accepted, summary.Files[0].Rejected));
        Assert.Equal((1L, 0L, 1L), (summary.Files[1].Accepted, summary.Files[1].Rejected, summary.Files[1].Duplicates));

        var rollups = await store.Db.UsageRollups.AsNoTracking().OrderBy(r => r.Month).ThenBy(r => r.Channel).ToListAsync();
        var webApril = rollups.Single(r => r is { Channel: "web", Month: 202404 });
        // 1 + 2 + 3 ratings; 1 + 2 of 4 or 5
        Assert.Equal((6L, 3L, 1L, 0L), (webApril.Ratings, webApril.Satisfied, webApril.Completed, webApril.Other));
        Assert.Equal((1L, 0L), rollups.Single(r => r is { Channel: "web", Month: 202405 }) is var may ? (may.Ratings, may.Satisfied) : default);
        Assert.Equal((1L, 0L), rollups.Single(r => r.Channel == "app") is var app ? (app.Ratings, app.Satisfied) : default);

        var stored = await store.Db.UsageEvents.AsNoTracking().OrderBy(e => e.EventId).Select(e => new { e.EventId, e.Rating }).ToListAsync();
        Assert.Equal([5, 4, 2, 1, 3, null], stored.Select(e => e.Rating));

        var data = await store.Queries.LoadCouncilAsync("W06000003");
        var volumes = data!.Volumes.Where(v => v.Month == new Month(2024, 4)).ToList();
        Assert.Equal(7, volumes.Sum(v => v.Ratings));
        Assert.Equal(3, volumes.Sum(v => v.Satisfied));
    }
}
