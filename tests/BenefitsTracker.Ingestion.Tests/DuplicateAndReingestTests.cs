using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Ingestion.Tests;

public class DuplicateAndReingestTests
{
    private const string Header = "event_id,council_code,service,channel,event_type,occurred_at,case_id,user_ref,quantity,duration_seconds\n";

    private static string Row(string id, string channel = "web", int quantity = 1, string user = "") =>
        $"{id},W06000003,garden-waste,{channel},transaction_completed,2024-04-10T09:00:00Z,,{user},{quantity},\n";

    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task A_repeated_event_id_within_a_file_is_a_duplicate_and_counted_once(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        var file = store.Write("events.csv",
            Header + Row("a", quantity: 5) + Row("b") + Row("a", quantity: 5) + Row("", quantity: 2) + Row("", quantity: 2));

        var r = (await store.IngestAsync(file)).Files.Single();

        Assert.Equal((5L, 4L, 0L, 1L), (r.Read, r.Accepted, r.Rejected, r.Duplicates));
        var council = await store.Queries.LoadCouncilAsync("W06000003");
        // 5 + 1 + 2 + 2: events without an event_id are never taken for duplicates.
        Assert.Equal(10, council!.Volumes.Single().Completed);
    }

    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task An_event_id_seen_in_an_earlier_file_is_a_duplicate_in_a_later_one(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        var first = store.Write("jan.csv", Header + Row("a") + Row("b", "phone", user: "u1"));
        var second = store.Write("feb.csv", Header + Row("b", "phone", user: "u1") + Row("c", "phone"));

        await store.IngestAsync(first);
        var r = (await store.IngestAsync(second)).Files.Single();

        Assert.Equal((2L, 1L, 0L, 1L), (r.Read, r.Accepted, r.Rejected, r.Duplicates));
        var council = await store.Queries.LoadCouncilAsync("W06000003");
        Assert.Equal(1, council!.Volumes.Single(v => v.Channel == Channels.Web).Completed);
        Assert.Equal(2, council.Volumes.Single(v => v.Channel == Channels.Phone).Completed);
        Assert.Single(council.Contacts);
    }

    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task A_repeated_case_is_a_duplicate_and_the_first_stored_wins(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        const string header = "case_id,council_code,service,channel,case_type,received_at,closed_at,officer_minutes,officer_grade\n";
        var file = store.Write("cases.csv", header
            + "c1,W06000003,garden-waste,phone,x,2024-04-01T09:00:00Z,2024-04-03T09:00:00Z,15,SO1\n"
            + "c1,W06000003,garden-waste,phone,x,2024-04-01T09:00:00Z,2024-04-03T09:00:00Z,20,SO1\n"
            + "c1,W06000004,garden-waste,phone,x,2024-04-01T09:00:00Z,,,\n");

        var r = (await store.IngestAsync(file)).Files.Single();

        Assert.Equal((3L, 2L, 0L, 1L), (r.Read, r.Accepted, r.Rejected, r.Duplicates));
        var conwy = await store.Queries.LoadCouncilAsync("W06000003");
        Assert.Equal(15m, conwy!.ClosedCases.Single().OfficerMinutes);
        var denbighshire = await store.Queries.LoadCouncilAsync("W06000004");
        Assert.Equal(1, denbighshire!.OpenCases.Single().Count);
    }

    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task Reingesting_a_file_is_a_no_op_that_says_so(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        var file = store.Write("events.csv", Header + Row("a") + Row("b") + "x,bad\n");
        var first = (await store.IngestAsync(file)).Files.Single();
        var before = await StoreSnapshot.TakeAsync(store.Db);

        var again = (await store.IngestAsync(file)).Files.Single();
        var renamed = store.Write("renamed-copy.csv", File.ReadAllText(file));
        var copy = (await store.IngestAsync(renamed)).Files.Single();

        Assert.False(first.SkippedAlreadyIngested);
        Assert.True(again.SkippedAlreadyIngested);
        Assert.True(copy.SkippedAlreadyIngested);
        Assert.Contains("already ingested", again.ToString());
        Assert.Equal((0L, 0L), (again.Read, again.Accepted));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(store.Db));
        Assert.True(File.Exists(first.RejectsPath));
    }

    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task The_registry_records_each_file_with_its_counts(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        var file = store.Write("events.csv", Header + Row("a") + Row("a") + "x,bad\n");

        var r = (await store.IngestAsync(file)).Files.Single();
        var inputs = await store.Queries.InputFilesAsync(["W06000003"]);

        Assert.Equal(r.Read, r.Accepted + r.Rejected + r.Duplicates);
        var input = Assert.Single(inputs);
        Assert.Equal(("events.csv", r.Sha256, 1L, 1L), (input.File, input.Sha256, input.Accepted, input.Rejected));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)), Convert.FromHexString(input.Sha256));
    }

    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task A_case_stored_open_is_closed_by_a_later_record_and_moves_from_open_to_closed(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        const string header = "case_id,council_code,service,channel,case_type,received_at,closed_at,officer_minutes,officer_grade\n";
        var april = store.Write("april.csv", header
            + "c1,W06000003,garden-waste,phone,x,2024-04-20T09:00:00Z,,,\n"
            + "c2,W06000003,garden-waste,phone,x,2024-04-21T09:00:00Z,,,\n");
        var may = store.Write("may.csv", header
            + "c1,W06000003,garden-waste,phone,x,2024-04-20T09:00:00Z,2024-05-02T09:00:00Z,30,SO1\n"
            + "c1,W06000003,garden-waste,phone,x,2024-04-20T09:00:00Z,2024-05-03T09:00:00Z,45,SO1\n"
            + "c2,W06000003,garden-waste,phone,x,2024-04-21T09:00:00Z,,,\n");

        await store.IngestAsync(april);
        var r = (await store.IngestAsync(may)).Files.Single();

        Assert.Equal((3L, 1L, 0L, 2L), (r.Read, r.Accepted, r.Rejected, r.Duplicates));
        var council = await store.Queries.LoadCouncilAsync("W06000003");
        Assert.Equal(1, council!.OpenCases.Single().Count);
        var closed = council.ClosedCases.Single();
        Assert.Equal((new Month(2024, 5), 30m, "SO1", 1L), (closed.Month, closed.OfficerMinutes, closed.Grade, closed.Count));
    }

    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task A_re_exported_cost_file_adds_only_its_new_lines(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        const string header = "council_code,consortium,service,category,period_start,period_end,amount_gbp,cashable,reference,description\n";
        const string leaflets = "W06000003,,garden-waste,print,2023-04-01,2024-03-31,6000.00,true,PO-11873,\"Renewal leaflets, A5\"\n";
        const string letters = "W06000003,,garden-waste,postage,2023-04-01,2024-03-31,2400.00,,,\n";
        const string licence = ",north-wales,,licence,2024-04-01,2025-03-31,18000.00,false,INV-2024-113,Consortium licence\n";
        var march = store.Write("costs-march.csv", header + leaflets + letters);
        // The next export repeats both lines (the second written with cashable given, which is its default, and
        // trailing spaces in the reference); it adds the licence; and it has the licence twice.
        var april = store.Write("costs-april.csv",
            header + leaflets.Replace("PO-11873", "PO-11873  ") + letters.Replace(",2400.00,,", ",2400.00,true,") + licence + licence);
        // A different amount or period is a different line.
        var may = store.Write("costs-may.csv", header + leaflets.Replace("6000.00", "6000.01") + letters.Replace("2024-03-31", "2024-04-30"));

        var m = (await store.IngestAsync(march)).Files.Single();
        var a = (await store.IngestAsync(april)).Files.Single();
        var y = (await store.IngestAsync(may)).Files.Single();

        Assert.Equal((2L, 2L, 0L, 0L), (m.Read, m.Accepted, m.Rejected, m.Duplicates));
        Assert.Equal((4L, 1L, 0L, 3L), (a.Read, a.Accepted, a.Rejected, a.Duplicates));
        Assert.Equal((2L, 2L, 0L, 0L), (y.Read, y.Accepted, y.Rejected, y.Duplicates));
        var conwy = await store.Queries.LoadCouncilAsync("W06000003");
        Assert.Equal([2400m, 2400m, 6000m, 6000.01m], conwy!.CostLines.Select(c => c.Amount).Order());
        var consortium = await store.Queries.LoadConsortiumAsync("north-wales");
        Assert.Equal(18000m, Assert.Single(consortium!.SharedCosts).Amount);
    }

    [Fact]
    public async Task A_changed_file_of_the_same_name_keeps_the_earlier_ingests_rejects_file()
    {
        await using var store = await TestStore.CreateAsync();
        var bad = Row("x").Replace(",web,", ",fax,", StringComparison.Ordinal);
        var file = store.Write("events.csv", Header + Row("a") + bad);
        var first = (await store.IngestAsync(file)).Files.Single();
        var firstRejects = File.ReadAllText(first.RejectsPath!);

        // The export is replaced by a changed one, also with a bad row, then by one with none.
        File.WriteAllText(file, Header + Row("b") + bad.Replace("x,", "y,", StringComparison.Ordinal));
        var second = (await store.IngestAsync(file)).Files.Single();
        File.WriteAllText(file, Header + Row("c"));
        var third = (await store.IngestAsync(file)).Files.Single();

        Assert.Equal(1, first.Rejected);
        Assert.Equal(1, second.Rejected);
        Assert.Equal(0, third.Rejected);
        Assert.NotEqual(first.RejectsPath, second.RejectsPath);
        Assert.EndsWith("events.rejects.2.csv", second.RejectsPath, StringComparison.Ordinal);
        // Each registered rejects file still holds its own ingest's rejected row.
        Assert.Equal(firstRejects, File.ReadAllText(first.RejectsPath!));
        Assert.Contains("y,W06000003", File.ReadAllText(second.RejectsPath!), StringComparison.Ordinal);
        var registered = store.Db.IngestedFiles.Where(f => f.RejectsPath != null).Select(f => f.RejectsPath!).ToList();
        Assert.Equal(2, registered.Count);
        Assert.All(registered, p => Assert.True(File.Exists(p), p));
        // A folder ingest does not take a numbered rejects file for an input.
        Assert.True(Reading.Rejects.IsRejectsFile(second.RejectsPath!));
    }
}
