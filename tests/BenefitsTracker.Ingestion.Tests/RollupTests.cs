using BenefitsTracker.Core.Domain;
using BenefitsTracker.Ingestion.Benchmarks;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>Rollups are kept as rows land; they must always equal a fresh aggregation of the accepted rows.</summary>
public class RollupTests
{
    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task The_rebuild_finds_nothing_after_ingest_and_corrects_exactly_a_hand_fixed_cell(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        await store.IngestAsync(SampleDataTests.SampleData());

        var clean = await Data.RollupRebuild.RunAsync(store.Db);
        Assert.Equal(0, clean.Total);

        // A hand fix to one raw event, and one case reopened, without touching the rollups.
        var id = await store.Db.UsageEvents.Where(e => e.EventType == "transaction_completed").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        await store.Db.Database.ExecuteSqlRawAsync("UPDATE usage_events SET quantity = quantity + 1000 WHERE id = {0}", id);
        var caseId = await store.Db.Cases.Where(c => c.ClosedAtMs != null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        await store.Db.Database.ExecuteSqlRawAsync(provider == "postgres"
            ? "UPDATE cases SET closed_at = NULL WHERE id = {0}" : "UPDATE cases SET closed_at_ms = NULL WHERE id = {0}", caseId);
        var repaired = await Data.RollupRebuild.RunAsync(store.Db);

        // One usage cell changed; the case left one histogram cell (changed or emptied) and joined one open cell.
        Assert.Equal((1L, 1L, 1L), (repaired.Usage, repaired.ClosedCases, repaired.OpenCases));
        Assert.Equal(0, (await Data.RollupRebuild.RunAsync(store.Db)).Total);
    }

    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task Usage_rollups_equal_the_aggregation_of_accepted_events_across_files_with_duplicates_and_rejects(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        var all = Path.Combine(store.Folder, "all.csv");
        BenchmarkEventsFile.Write(all, 6000, seed: 11);
        var lines = File.ReadAllLines(all);
        // Two overlapping files (rows 2000..3999 in both), with some rows broken.
        var first = lines[1..4001].Select((l, i) => i % 97 == 0 ? l.Replace(",web,", ",fax,") : l);
        var second = lines[2001..];
        var ra = (await store.IngestAsync(store.Write("a.csv", lines[0] + "\n" + string.Join("\n", first) + "\n"))).Files.Single();
        var r = (await store.IngestAsync(store.Write("b.csv", lines[0] + "\n" + string.Join("\n", second) + "\n"))).Files.Single();
        Assert.True(r.Duplicates > 1900);

        var events = await store.Db.UsageEvents.AsNoTracking().ToListAsync();
        var expected = events
            .GroupBy(e => (e.CouncilCode, e.Service, e.Channel, Month.Of(DateTimeOffset.FromUnixTimeMilliseconds(e.OccurredAtMs)).Key))
            .ToDictionary(g => g.Key, g => (
                g.Where(e => e.EventType == EventTypes.Completed).Sum(e => e.Quantity),
                g.Where(e => e.EventType == EventTypes.Started).Sum(e => e.Quantity),
                g.Where(e => e.EventType == EventTypes.Failed).Sum(e => e.Quantity),
                g.Where(e => e.EventType is not (EventTypes.Completed or EventTypes.Started or EventTypes.Failed)).Sum(e => e.Quantity)));
        var actual = (await store.Db.UsageRollups.AsNoTracking().ToListAsync())
            .ToDictionary(u => (u.CouncilCode, u.Service, u.Channel, u.Month), u => (u.Completed, u.Started, u.Failed, u.Other));
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));

        var contacts = await store.Db.ContactEvents.CountAsync();
        Assert.Equal(events.Count(e => e.UserRef != null && e.EventType is EventTypes.Completed or EventTypes.Failed), contacts);
        Assert.Equal(ra.Accepted + r.Accepted, events.Count);
        Assert.True(ra.Rejected > 0);
    }

    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task Case_rollups_equal_the_aggregation_of_accepted_cases(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        var random = new Random(3);
        var sb = new System.Text.StringBuilder(
            "case_id,council_code,service,channel,case_type,received_at,closed_at,officer_minutes,officer_grade\n");
        for (var i = 0; i < 3000; i++)
        {
            var received = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(random.Next(24 * 700));
            var open = random.Next(10) == 0;
            var closed = received.AddHours(random.Next(1, 24 * 40));
            var minutes = random.Next(4) == 0 ? $"{random.Next(5, 60)}.{random.Next(100):D2}" : random.Next(5, 60).ToString();
            var id = random.Next(10) == 0 ? $"c{random.Next(i + 1)}" : $"c{i}";
            sb.Append($"{id},W0600000{random.Next(1, 5)},svc-{random.Next(3)},phone,t,{received:yyyy-MM-ddTHH:mm:ssZ}," +
                $"{(open ? "" : closed.ToString("yyyy-MM-ddTHH:mm:ssZ"))},{(open ? "" : minutes)}," +
                $"{(random.Next(3) == 0 ? "" : "SO" + random.Next(1, 3))}\n");
        }
        var r = (await store.IngestAsync(store.Write("cases.csv", sb.ToString()))).Files.Single();
        Assert.Equal(r.Read, r.Accepted + r.Rejected + r.Duplicates);
        Assert.True(r.Duplicates > 0);

        var cases = await store.Db.Cases.AsNoTracking().ToListAsync();
        var closedExpected = cases.Where(c => c.ClosedAtMs != null)
            .GroupBy(c => (c.CouncilCode, c.Service, Month.Of(DateTimeOffset.FromUnixTimeMilliseconds(c.ClosedAtMs!.Value)).Key, c.OfficerGrade ?? "",
                c.OfficerMinutesHundredths!.Value))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var closedActual = (await store.Db.ClosedCaseRollups.AsNoTracking().ToListAsync())
            .ToDictionary(c => (c.CouncilCode, c.Service, c.Month, c.Grade, c.MinutesHundredths), c => c.Count);
        Assert.Equal(closedExpected.OrderBy(p => p.Key), closedActual.OrderBy(p => p.Key));

        var openExpected = cases.Where(c => c.ClosedAtMs == null)
            .GroupBy(c => (c.CouncilCode, c.Service, Month.Of(DateTimeOffset.FromUnixTimeMilliseconds(c.ReceivedAtMs)).Key))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var openActual = (await store.Db.OpenCaseRollups.AsNoTracking().Where(c => c.Count != 0).ToListAsync())
            .ToDictionary(c => (c.CouncilCode, c.Service, c.Month), c => c.Count);
        Assert.Equal(openExpected.OrderBy(p => p.Key), openActual.OrderBy(p => p.Key));
    }
}
