using BenefitsTracker.Data.Postgres;
using BenefitsTracker.Ingestion.Benchmarks;
using BenefitsTracker.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>What only PostgreSQL has: a real throwaway server, its column types, monthly partitions, and parity with SQLite.</summary>
public class PostgresStoreTests
{
    [Fact]
    public void A_missing_PostgreSQL_fails_the_test_when_tools_are_required_and_is_noted_otherwise()
    {
        var missing = () => (PostgresServer?)null;
        var failure =
            Assert.Throws<InvalidOperationException>(() => PostgresServer.ForTest(missing, v => v == "BENEFITS_REQUIRE_TOOLS" ? "1" : null));
        Assert.Contains("apt-get install", failure.Message);
        Assert.Contains("BENEFITS_REQUIRE_TOOLS is set", failure.Message);
        Assert.Throws<InvalidOperationException>(() => PostgresServer.ForTest(missing, v => v == "CI" ? "true" : null));
        Assert.Null(PostgresServer.ForTest(missing, _ => null));
    }

    [Fact]
    public async Task The_throwaway_cluster_listens_on_loopback_only_at_its_own_port()
    {
        if (Postgres.Server() is not { } server) return;
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT current_setting('listen_addresses'), current_setting('port')", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("127.0.0.1", reader.GetString(0));
        Assert.Equal(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1));
        Assert.StartsWith(Path.GetTempPath().TrimEnd('/'), server.Folder);
    }

    [Fact]
    public async Task Money_is_numeric_months_are_dates_and_instants_are_timestamptz()
    {
        await using var store = await TestStore.CreateAsync("postgres");
        if (store is null) return;
        var types = new Dictionary<string, string>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'",
            (NpgsqlConnection)store.Db.Database.GetDbConnection()))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) types[reader.GetString(0)] = reader.GetString(1);

        Assert.Equal("numeric", types["cost_lines.amount"]);
        Assert.Equal("date", types["usage_rollups.month"]);
        Assert.Equal("date", types["closed_case_rollups.month"]);
        Assert.Equal("date", types["open_case_rollups.month"]);
        Assert.Equal("date", types["cost_lines.period_start"]);
        Assert.Equal("timestamp with time zone", types["usage_events.occurred_at"]);
        Assert.Equal("timestamp with time zone", types["cases.received_at"]);
        Assert.Equal("timestamp with time zone", types["contact_events.occurred_at"]);
        Assert.Equal("timestamp with time zone", types["ingested_files.started_at"]);
    }

    [Fact]
    public async Task Events_land_in_one_partition_per_month_and_a_dropped_year_leaves_the_rollups()
    {
        await using var store = await TestStore.CreateAsync("postgres");
        if (store is null) return;
        var file = Path.Combine(store.Folder, "events.csv");
        BenchmarkEventsFile.Write(file, 5000, seed: 5);
        var result = (await store.IngestAsync(file)).Files.Single();
        Assert.Equal(result.Read, result.Accepted + result.Rejected + result.Duplicates);

        var events = await store.Db.UsageEvents.AsNoTracking().Select(e => e.OccurredAtMs).ToListAsync();
        var expected = events.GroupBy(ms => Core.Domain.Month.Of(DateTimeOffset.FromUnixTimeMilliseconds(ms)))
            .ToDictionary(g => $"usage_events_y{g.Key.Year:0000}m{g.Key.Number:00}", g => (long)g.Count());
        Assert.True(expected.Count > 1, "the file spans several months");
        var connection = (NpgsqlConnection)store.Db.Database.GetDbConnection();
        var actual = new Dictionary<string, long>();
        foreach (var name in await Strings(connection,
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'usage_events'::regclass"))
            actual[name] = await Scalar(connection, $"SELECT count(*) FROM {name}");
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));

        var rollupsBefore = await store.Db.UsageRollups.AsNoTracking().OrderBy(r => r.CouncilCode).ThenBy(r => r.Service).ThenBy(r => r.Channel)
            .ThenBy(r => r.Month)
            .Select(r => $"{r.CouncilCode} {r.Service} {r.Channel} {r.Month} {r.Completed} {r.Started} {r.Failed} {r.Other}").ToListAsync();
        var first = expected.Keys.Order(StringComparer.Ordinal).First();
        await using (var drop = new NpgsqlCommand($"ALTER TABLE usage_events DETACH PARTITION {first}; DROP TABLE {first}", connection))
            await drop.ExecuteNonQueryAsync();
        Assert.Equal(events.Count - expected[first], await Scalar(connection, "SELECT count(*) FROM usage_events"));
        var rollupsAfter = await store.Db.UsageRollups.AsNoTracking().OrderBy(r => r.CouncilCode).ThenBy(r => r.Service).ThenBy(r => r.Channel)
            .ThenBy(r => r.Month)
            .Select(r => $"{r.CouncilCode} {r.Service} {r.Channel} {r.Month} {r.Completed} {r.Started} {r.Failed} {r.Other}").ToListAsync();
        Assert.Equal(rollupsBefore, rollupsAfter);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(7)]
    [InlineData(500)]
    public async Task The_same_files_give_the_same_counts_rejects_and_engine_inputs_on_both_providers(int? chunkRows)
    {
        // PostgreSQL writes events in chunks; small ones put repeats and rejected rows on either side of chunk boundaries.
        PostgresEventWriter.ChunkRowsForTest.Value = chunkRows;
        await using var lite = await TestStore.CreateAsync("sqlite");
        await using var pg = await TestStore.CreateAsync("postgres");
        if (pg is null) return;
        var all = Path.Combine(lite!.Folder, "all.csv");
        BenchmarkEventsFile.Write(all, 8000, seed: 21);
        var lines = File.ReadAllLines(all);
        // Overlapping files with broken rows, rows repeated within a file, and rows without an event_id.
        var first = lines[1..5001]
            .Select((l, i) => i % 89 == 0 ? l.Replace(",web,", ",fax,") : i % 53 == 0 ? "," + l[(l.IndexOf(',') + 1)..] : l).ToList();
        first.AddRange(lines[100..140]);
        var second = lines[3001..];
        var results = new List<string>();
        foreach (var store in new[] { lite, pg })
        {
            var a = store.Write("a.csv", lines[0] + "\n" + string.Join("\n", first) + "\n");
            var b = store.Write("b.csv", lines[0] + "\n" + string.Join("\n", second) + "\n");
            var summary = await store.IngestAsync(a, b);
            var text = string.Join("\n", summary.Files.Select(f => $"{Path.GetFileName(f.Path)} read {f.Read} accepted {f.Accepted} rejected " +
                $"{f.Rejected} duplicates {f.Duplicates} without id {f.WithoutEventId}"));
            text += "\n" + string.Join("\n", summary.Files.Where(f => f.RejectsPath is not null).Select(f => File.ReadAllText(f.RejectsPath!)));
            foreach (var code in await store.Queries.CouncilCodesAsync())
            {
                var council = (await store.Queries.LoadCouncilAsync(code))!;
                text += $"\n{code}\n" + string.Join("\n", council.Volumes) + "\n" + string.Join("\n", council.Contacts);
            }
            var (from, to) = await store.Queries.DataRangeAsync();
            text += $"\n{from} {to}";
            // Every stored row (sorted here: the providers number rows differently): none lost, none twice.
            text += "\n" + string.Join("\n", (await store.Db.UsageEvents.AsNoTracking()
                .Select(e => $"{e.EventId} {e.CouncilCode} {e.Service} {e.Channel} {e.EventType} {e.OccurredAtMs} {e.CaseId} {e.UserRef} " +
                    $"{e.Quantity} {e.DurationSeconds} {e.Rating}").ToListAsync()).Order(StringComparer.Ordinal));
            results.Add(text);
        }
        Assert.Contains("duplicates", results[0]);
        Assert.Matches(@"a\.csv read 5040 accepted \d+ rejected [1-9]\d* duplicates [1-9]", results[0]);
        Assert.Equal(results[0], results[1]);
    }

    [Fact]
    public async Task Cases_and_cost_lines_staged_on_PostgreSQL_get_the_outcomes_SQLite_gives_row_by_row()
    {
        await using var lite = await TestStore.CreateAsync("sqlite");
        await using var pg = await TestStore.CreateAsync("postgres");
        if (pg is null) return;
        const string cases = "case_id,council_code,service,channel,case_type,received_at,closed_at,officer_minutes,officer_grade\n";
        const string costs = "council_code,consortium,service,category,period_start,period_end,amount_gbp,cashable,reference,description\n";
        string Case(string id, string received, string closed = "", string minutes = "", string grade = "", string service = "garden-waste") =>
            $"{id},W06000003,{service},phone,x,2024-{received}T09:00:00Z,{(closed == "" ? "" : $"2024-{closed}T10:00:00Z")},{minutes},{grade}\n";
        // A case opened then closed (twice) in one file; closed then repeated open; open twice; a second council's case.
        var first = cases + Case("c1", "04-02") + Case("c1", "04-02", "05-03", "30", "SO1") + Case("c1", "04-02", "05-04", "45", "SO1")
            + Case("c2", "04-05", "04-09", "12.5") + Case("c2", "04-05") + Case("c3", "03-30") + Case("c3", "03-30", service: "council-tax")
            + "c9,W06000004,council-tax,web,,2024-01-01T00:00:00Z,,,\n";
        // Closes c3 (stored open) with another service, then repeats; c2 again; c4 new and open; c5 closed twice.
        var second = cases + Case("c3", "03-31", "06-01", "60", "SO2", "council-tax") + Case("c3", "03-30", "06-02", "61", "SO2")
            + Case("c2", "04-05", "04-09", "12.5") + Case("c4", "06-06") + Case("c5", "06-07", "06-08", "5") + Case("c5", "06-07", "06-08", "5");
        const string leaflets = "W06000003,,garden-waste,print,2023-04-01,2024-03-31,6000.00,true,PO-1,\"Leaflets, A5\"\n";
        const string licence = ",north-wales,,licence,2024-04-01,2025-03-31,18000.00,false,,\n";
        const string refund = "W06000004,,council-tax,other,2024-04-01,2024-04-30,10012.34,false,,\n";
        var costsA = costs + leaflets + licence + licence + refund;
        var costsB = costs + licence + leaflets.Replace("6000.00", "0.05") + refund + refund;
        var results = new List<string>();
        foreach (var store in new[] { lite!, pg })
        {
            var summary = await store.IngestAsync(store.Write("a.csv", first), store.Write("b.csv", second), store.Write("ca.csv", costsA),
                store.Write("cb.csv", costsB));
            var text = string.Join("\n",
                summary.Files.Select(f => $"{Path.GetFileName(f.Path)} read {f.Read} accepted {f.Accepted} duplicates {f.Duplicates}"));
            text += "\n" + string.Join("\n", await store.Db.Cases.AsNoTracking().OrderBy(c => c.CouncilCode).ThenBy(c => c.CaseId)
                .Select(c => $"{c.CouncilCode} {c.CaseId} {c.Service} {c.ReceivedAtMs} {c.ClosedAtMs} {c.OfficerMinutesHundredths} {c.OfficerGrade}")
                .ToListAsync());
            text += "\n" + string.Join("\n", (await store.Db.ClosedCaseRollups.AsNoTracking().ToListAsync())
                .Select(r => $"closed {r.CouncilCode} {r.Service} {r.Month} {r.Grade} {r.MinutesHundredths} {r.Count}")
                .Order(StringComparer.Ordinal));
            text += "\n" + string.Join("\n", (await store.Db.OpenCaseRollups.AsNoTracking().ToListAsync())
                .Select(r => $"open {r.CouncilCode} {r.Service} {r.Month} {r.Count}").Order(StringComparer.Ordinal));
            text += "\n" + string.Join("\n", (await store.Db.CostLines.AsNoTracking().ToListAsync())
                .Select(c => $"cost {c.CouncilCode} {c.ConsortiumId} {c.Service} {c.Category} {c.PeriodStart} {c.PeriodEnd} {c.AmountPence} " +
                    $"{c.Cashable} {c.Reference} {c.Description}").Order(StringComparer.Ordinal));
            text += "\n" + string.Join("\n", (await store.Db.IngestedFileOwners.AsNoTracking().ToListAsync())
                .Select(o => $"owner {o.FileId} {o.Owner}").Order(StringComparer.Ordinal));
            results.Add(text);
        }
        Assert.Contains("a.csv read 8 accepted 5 duplicates 3", results[0]);
        Assert.Contains("cb.csv read 4 accepted 1 duplicates 3", results[0]);
        Assert.Equal(results[0], results[1]);
    }

    [Fact]
    public async Task A_file_with_more_distinct_keys_than_are_held_in_memory_rolls_up_the_same_on_both_providers()
    {
        await using var lite = await TestStore.CreateAsync("sqlite");
        await using var pg = await TestStore.CreateAsync("postgres");
        if (pg is null) return;
        // 80,000 keys (800 services × 100 months), more than a handler holds before merging part-way (65,536),
        // then 2,000 rows repeating earlier ids: PostgreSQL then aggregates the rollups in SQL, SQLite merges in parts.
        const int Rows = 80_000, Repeats = 2_000;
        var csv = new System.Text.StringBuilder("event_id,council_code,service,channel,event_type,occurred_at,case_id,user_ref,quantity," +
            "duration_seconds\n");
        for (var i = 0; i < Rows + Repeats; i++)
        {
            var n = i < Rows ? i : (i - Rows) * 37;
            var month = n / 800;
            csv.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"e{n},W06000001,svc-{n % 800},web,transaction_completed,{2000 + month / 12}-{month % 12 + 1:00}-01T10:00:00Z,,,3,\n");
        }
        var totals = new List<string>();
        foreach (var store in new[] { lite!, pg })
        {
            var file = (await store.IngestAsync(store.Write("keys.csv", csv.ToString()))).Files.Single();
            Assert.Equal((Rows + Repeats, (long)Rows, (long)Repeats), (file.Read, file.Accepted, file.Duplicates));
            await using var cmd = store.Db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "SELECT count(*), sum(completed), sum(CASE WHEN completed = 3 THEN 1 ELSE 0 END) FROM usage_rollups";
            await using var reader = await cmd.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            totals.Add($"{reader.GetInt64(0)} {reader.GetInt64(1)} {reader.GetInt64(2)}");
        }
        Assert.Equal($"{Rows} {3 * Rows} {Rows}", totals[0]);
        Assert.Equal(totals[0], totals[1]);
    }

    private static async Task<List<string>> Strings(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        var list = new List<string>();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
