using System.Diagnostics;
using System.Text;
using BenefitsTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>
/// What an adversarial run of the command line found (issue 16), one specification per defect: nothing lost,
/// no wrong figure, no row that stops later reports, one rule for every line.
/// </summary>
public class AdversarialIngestTests
{
    private const string Header = "event_id,council_code,service,channel,event_type,occurred_at,case_id,user_ref,quantity,duration_seconds\n";

    private static string Row(string id, string council = "W06000003", string occurred = "2024-04-10T09:00:00Z", string quantity = "1",
        string service = "garden-waste", string duration = "") =>
        $"{id},{council},{service},web,transaction_completed,{occurred},,,{quantity},{duration}\n";

    // ---- Data lost or wrong ----

    [Fact]
    public async Task The_rejects_file_is_in_place_before_the_file_is_registered_as_ingested()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("events.csv", Header + Row("a") + Row("b", council: "X1") + Row("c"));
        var rejects = Path.Combine(store.Folder, "events.rejects.csv");
        var seenAtCommit = new List<bool>();
        Ingestor.Trace = stage => { if (stage.StartsWith("committing", StringComparison.Ordinal)) seenAtCommit.Add(File.Exists(rejects)); };
        try
        {
            var r = (await store.IngestAsync(file)).Files.Single();
            Assert.Equal(1, r.Rejected);
        }
        finally { Ingestor.Trace = null; }
        // A process killed right after the commit must still leave the rejected rows on disk.
        Assert.Equal([true], seenAtCommit);
    }

    [Fact]
    public async Task When_the_rejects_file_cannot_be_written_nothing_is_registered_and_the_file_can_be_ingested_again()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("events.csv", Header + Row("a") + Row("b", council: "X1"));
        // A folder where the rejects file must go: the move into place fails, as on a full disk.
        var blocker = Path.Combine(store.Folder, "events.rejects.csv");
        Directory.CreateDirectory(blocker);
        File.WriteAllText(Path.Combine(blocker, "keep"), "x");

        // The move onto a folder fails as a full disk would: an I/O error, not some other failure that happens to come first.
        await Assert.ThrowsAnyAsync<IOException>(() => store.IngestAsync(file));

        await store.ReopenAsync();
        Assert.Equal(0, await store.Db.IngestedFiles.CountAsync());
        Assert.Equal(0, await StoreSnapshot.CountAsync(store.Db, "usage_events"));
        Directory.Delete(blocker, recursive: true);
        var again = (await store.IngestAsync(file)).Files.Single();
        Assert.Equal((2L, 1L, 1L), (again.Read, again.Accepted, again.Rejected));
        Assert.True(File.Exists(again.RejectsPath));
    }

    [Fact]
    public async Task The_same_event_id_from_two_councils_is_two_events()
    {
        await using var store = await TestStore.CreateAsync();
        var conwy = store.Write("conwy.csv", Header + Row("1001", council: "W06000003"));
        var denbigh = store.Write("denbigh.csv", Header + Row("1001", council: "W06000004") + Row("1001", council: "W06000004"));

        await store.IngestAsync(conwy);
        var r = (await store.IngestAsync(denbigh)).Files.Single();

        // Exports from different councils' systems share id spaces; within one council the id is still unique.
        Assert.Equal((2L, 1L, 1L), (r.Read, r.Accepted, r.Duplicates));
        Assert.Equal(1, (await store.Queries.LoadCouncilAsync("W06000004"))!.Volumes.Single().Completed);
        Assert.Equal(1, (await store.Queries.LoadCouncilAsync("W06000003"))!.Volumes.Single().Completed);
    }

    [Fact]
    public async Task A_store_made_before_the_per_council_key_is_migrated_to_it_keeping_its_events()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bt-migrate-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            var target = DatabaseTarget.Parse("sqlite:" + Path.Combine(folder, "old.db"));
            await using (var old = new BenefitsDbContext(BenefitsStore.Options(target)))
            {
                // The store as the last release left it: every migration up to FileOwners, and an event in it.
                await Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(
                    old).MigrateAsync("20261123164758_FileOwners");
                await old.Database.ExecuteSqlRawAsync(
                    "INSERT INTO usage_events (id, event_id, council_code, service, channel, event_type, occurred_at_ms, quantity, file_id) " +
                    "VALUES (1, '1001', 'W06000003', 'garden-waste', 'web', 'transaction_completed', 0, 1, 0)");
            }
            await using var store = await BenefitsStore.OpenAsync(target);
            Assert.Equal(1, await StoreSnapshot.CountAsync(store, "usage_events"));
            var index = await store.Database.SqlQueryRaw<string>(
                "SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'usage_events' AND sql LIKE '%event_id%'").SingleAsync();
            Assert.Contains("\"council_code\", \"event_id\"", index);
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Rows_without_an_event_id_are_counted_and_the_summary_names_the_risk_of_counting_them_twice()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("events.csv", Header + Row("") + Row("") + Row("x"));

        var r = (await store.IngestAsync(file)).Files.Single();

        Assert.Equal(2, r.WithoutEventId);
        Assert.Contains("2 rows have no event_id", r.ToString());
        Assert.Contains("counted again", r.ToString());
    }

    // ---- One row that breaks every later report ----

    [Theory]
    [InlineData("1900-01-01T00:30:00+01:00", "1899-12")]
    [InlineData("2999-12-31T23:00:00-05:00", "3000-01")]
    public async Task A_timestamp_whose_UTC_month_is_outside_the_store_s_range_is_rejected(string occurred, string utcMonth)
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("events.csv", Header + Row("a") + Row("b", occurred: occurred));

        var r = (await store.IngestAsync(file)).Files.Single();

        Assert.Equal((1L, 1L), (r.Accepted, r.Rejected));
        var reason = File.ReadAllLines(r.RejectsPath!)[1];
        Assert.Contains($"is in {utcMonth} in UTC", reason);
        Assert.Contains("1900-01 to 2999-12", reason);
    }

    public static TheoryData<string, string, string> TooLarge => new()
    {
        { "events", Header + Row("a") + Row("b", quantity: "999999999999999"), "quantity '999999999999999' is too large (at most 1,000,000,000)" },
        { "events", Header + Row("a") + Row("b", duration: "1e300"), "duration_seconds '1e300' is not a number of seconds" },
        { "events", Header + Row("a") + Row("b", duration: "99999999999"), "duration_seconds '99999999999' is too large (at most 1,000,000,000)" },
        { "cases", "case_id,council_code,service,received_at,closed_at,officer_minutes\n" +
                   "c1,W06000003,bins,2024-04-01T09:00:00Z,2024-04-02T09:00:00Z,10\n" +
                   "c2,W06000003,bins,2024-04-01T09:00:00Z,2024-04-02T09:00:00Z,99999999999999\n",
          "officer_minutes '99999999999999' is too large (at most 1,000,000)" },
        { "costs", "council_code,service,category,period_start,period_end,amount_gbp\n" +
                   "W06000003,bins,licence,2024-04-01,2024-04-30,10.00\n" +
                   "W06000003,bins,licence,2024-04-01,2024-04-30,99999999999999999\n",
          "amount_gbp '99999999999999999' is too large (at most 1,000,000,000,000)" },
    };

    [Theory]
    [MemberData(nameof(TooLarge))]
    public async Task Numbers_beyond_what_the_arithmetic_carries_reject_their_row_with_the_reason(string kind, string content, string reason)
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write(kind + ".csv", content);

        var r = (await store.IngestAsync(file)).Files.Single();

        Assert.Equal((2L, 1L, 1L), (r.Read, r.Accepted, r.Rejected));
        Assert.Contains(reason, File.ReadAllText(r.RejectsPath!));
    }

    [Fact]
    public async Task Thousands_of_rows_at_the_largest_quantity_load_without_overflow()
    {
        await using var store = await TestStore.CreateAsync();
        var sb = new StringBuilder(Header);
        for (var i = 0; i < 9300; i++) sb.Append(Row("q" + i, quantity: "1000000000"));
        var file = store.Write("events.csv", sb.ToString());

        var r = (await store.IngestAsync(file)).Files.Single();

        Assert.Equal(9300, r.Accepted);
        Assert.Equal(9_300_000_000_000L, (await store.Queries.LoadCouncilAsync("W06000003"))!.Volumes.Single().Completed);
    }

    [Fact]
    public async Task Two_files_at_the_largest_quantity_keep_the_rollup_a_whole_number_and_exact()
    {
        await using var store = await TestStore.CreateAsync();
        foreach (var name in new[] { "first", "second" })
        {
            var sb = new StringBuilder(Header);
            for (var i = 0; i < 9300; i++) sb.Append(Row(name + i, quantity: "1000000000"));
            Assert.Equal(9300, (await store.IngestAsync(store.Write(name + ".csv", sb.ToString()))).Files.Single().Accepted);
        }

        // The finding: two such files turned the rollup into a floating-point 9.99999999999999e+18 and every
        // report overflowed. Now the sum is exact and stored as an integer.
        Assert.Equal(18_600_000_000_000L, (await store.Queries.LoadCouncilAsync("W06000003"))!.Volumes.Single().Completed);
        await using var cmd = store.Db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "SELECT typeof(completed) || ' ' || completed FROM usage_rollups";
        Assert.Equal("integer 18600000000000", (string?)await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_file_with_forty_thousand_distinct_services_loads()
    {
        await using var store = await TestStore.CreateAsync();
        var sb = new StringBuilder(Header);
        for (var i = 0; i < 40_000; i++) sb.Append(Row("s" + i, service: "service-" + i));
        var file = store.Write("events.csv", sb.ToString());

        var r = (await store.IngestAsync(file)).Files.Single();

        Assert.Equal(40_000, r.Accepted);
        Assert.Equal(40_000, await store.Db.Services.CountAsync());
    }

    // ---- Locks, pipes and messages ----

    [Fact]
    public async Task A_named_pipe_is_refused_at_once_as_not_a_regular_file()
    {
        await using var store = await TestStore.CreateAsync();
        var fifo = Path.Combine(store.Folder, "events.csv");
        using (var mk = Process.Start("mkfifo", fifo)) mk.WaitForExit();
        // A writer is waiting, as when a user pipes data in; without the fix the reader opened it twice and hung.
        var writer = Task.Run(() =>
        {
            try
            {
                using var w = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                var bytes = Encoding.UTF8.GetBytes(Header + Row("a"));
                w.Write(bytes);
            }
            catch (IOException) { }
        });

        var ingest = store.IngestAsync(fifo);
        var finished = await Task.WhenAny(ingest, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.Same(ingest, finished);
        var e = await Assert.ThrowsAsync<UnusableInputException>(() => ingest);
        Assert.Contains("not a regular file", e.Message);
        // Our open let the writer through; it finishes (or fails on the closed pipe) on its own.
        await writer.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_ndjson_first_line_longer_than_16_MB_is_refused_by_the_same_limit_as_any_other_line()
    {
        await using var store = await TestStore.CreateAsync();
        var path = Path.Combine(store.Folder, "events.ndjson");
        await using (var w = new StreamWriter(path))
        {
            w.Write("{\"event_id\":\"");
            w.Write(new string('x', 17 << 20));
        }

        var e = await Assert.ThrowsAsync<UnusableInputException>(() => store.IngestAsync(path));

        Assert.Contains("line 1 is longer than 16 MB", e.Message);
    }

    [Fact]
    public async Task A_bad_first_ndjson_line_is_a_rejected_row_like_any_other()
    {
        await using var store = await TestStore.CreateAsync();
        var good = """{"event_id":"a","council_code":"W06000003","service":"bins","channel":"web","event_type":"transaction_""" +
            """completed","occurred_at":"2024-04-10T09:00:00Z"}""";
        var file = store.Write("events.ndjson", "{not json\n" + good + "\n");

        var r = (await store.IngestAsync(file)).Files.Single();

        Assert.Equal((2L, 1L, 1L), (r.Read, r.Accepted, r.Rejected));
        Assert.StartsWith("1,", File.ReadAllLines(r.RejectsPath!)[1]);
    }

    [Fact]
    public async Task A_csv_line_holding_only_an_empty_quoted_field_is_counted_and_rejected()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("events.csv", Header + Row("a") + "\"\"\n" + "\n" + Row("b"));

        var r = (await store.IngestAsync(file)).Files.Single();

        // The blank line is not a record; the "" line is one, with one field.
        Assert.Equal((3L, 2L, 1L), (r.Read, r.Accepted, r.Rejected));
        Assert.Contains("the record has 1 fields; the header has 10", File.ReadAllText(r.RejectsPath!));
    }

    [Fact]
    public async Task An_ndjson_key_repeated_after_a_null_is_caught()
    {
        await using var store = await TestStore.CreateAsync();
        var line = """{"event_id":null,"event_id":"a","council_code":"W06000003","service":"bins","channel":"web","event_type":"transaction_""" +
            """completed","occurred_at":"2024-04-10T09:00:00Z"}""";
        var file = store.Write("events.ndjson", line + "\n");

        var r = (await store.IngestAsync(file)).Files.Single();

        Assert.Equal(1, r.Rejected);
        Assert.Contains("the key 'event_id' appears twice", File.ReadAllText(r.RejectsPath!));
    }

    [Fact]
    public async Task A_NUL_inside_an_ndjson_value_rejects_the_row_as_a_NUL_in_a_csv_is_refused()
    {
        await using var store = await TestStore.CreateAsync();
        var line = """{"event_id":"a\u0000b","council_code":"W06000003","service":"bins","channel":"web","event_type":"transaction_""" +
            """completed","occurred_at":"2024-04-10T09:00:00Z"}""";
        var file = store.Write("events.ndjson", line + "\n");

        var r = (await store.IngestAsync(file)).Files.Single();

        Assert.Equal(1, r.Rejected);
        Assert.Contains("NUL", File.ReadAllText(r.RejectsPath!));
    }

    [Fact]
    public async Task A_csv_header_field_larger_than_16_MB_is_reported_at_line_1()
    {
        await using var store = await TestStore.CreateAsync();
        var file = store.Write("events.csv", "\"" + new string('x', 17 << 20) + "\"\n");

        var e = await Assert.ThrowsAsync<UnusableInputException>(() => store.IngestAsync(file));

        Assert.Contains("near line 1 ", e.Message);
    }
}
