using System.IO.Hashing;
using System.Text;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Bulk;
using BenefitsTracker.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>
/// SQLite de-duplicates events on a 64-bit key of (council_code, event_id): the key must never change, two ids that
/// share a key must both be stored, and a store made before the key must be filled in and de-duplicate as before.
/// </summary>
public class EventKeyTests
{
    private const string Header = "event_id,council_code,service,channel,event_type,occurred_at,case_id,user_ref,quantity,duration_seconds\n";

    private static string Row(string id, string council = "W06000003", int quantity = 1) =>
        $"{id},{council},garden-waste,web,transaction_completed,2024-04-10T09:00:00Z,,,{quantity},\n";

    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void The_hashed_key_is_XXH3_64_of_the_council_a_separator_and_the_id()
    {
        // XXH3-64 of no bytes, seed 0, as the xxHash reference gives it: the algorithm is the published one.
        Assert.Equal(0x2D06800538D394C2UL, XxHash3.HashToUInt64([]));
        Assert.Equal(unchecked((long)XxHash3.HashToUInt64(U("W06000003\u001F1001"))), EventKey.Hashed(U("W06000003"), U("1001")));
        Assert.Equal(EventKey.Hashed(U("W06000003"), U("1001")), EventKey.Hashed("W06000003", "1001"));
        // Keys are stored, so they must stay the same on every machine: this one is what the xxHash library itself (0.8.1,
        // through Debian's python3-xxhash: xxhash.xxh3_64_intdigest(b'W06000003\x1f1001')) gives.
        Assert.Equal(KeyOf1001, EventKey.Hashed("W06000003", "1001"));
        // The separator keeps a council's id from passing for another council's.
        Assert.NotEqual(EventKey.Hashed("W0600000", "31001"), EventKey.Hashed("W06000003", "1001"));
        Assert.NotEqual(EventKey.Hashed("W06000004", "1001"), EventKey.Hashed("W06000003", "1001"));
        // An id that does not end in an ASCII digit, or ends in more than ten, has the hashed key.
        var uuid = "0b9e8c2a-5f4d-4c1e-9a7b-3d2e1f0a9b8c";
        Assert.Equal(EventKey.Hashed("W06000003", uuid), EventKey.Of("W06000003", uuid));
        Assert.Equal(-5828285292290773707, EventKey.Of("W06000003", uuid));
        Assert.Equal(EventKey.Hashed("W06000003", "t-1712739600000"), EventKey.Of("W06000003", "t-1712739600000"));
        Assert.Equal(EventKey.Hashed("W06000003", "17127396000"), EventKey.Of("W06000003", "17127396000"));
        Assert.Equal(EventKey.Hashed("W06000003", "ev-\u0661\u0662"), EventKey.Of("W06000003", "ev-\u0661\u0662")); // Arabic-Indic digits
        Assert.Equal(EventKey.Hashed("W06000003", "ev-\uFF11"), EventKey.Of("W06000003", "ev-\uFF11")); // a full-width digit
    }

    [Fact]
    public void An_id_ending_in_digits_has_a_key_in_its_numbers_order()
    {
        // Cross-checked with python3-xxhash: h = xxh3_64_intdigest(b'W06000003\x1fev-', seed=6); (h & ~(2**20 - 1)) | 123,
        // as a signed 64-bit integer: the prefix's hash, seeded with the count of digits, above the number in 20 bits.
        Assert.Equal(-1235207909844975493, EventKey.Of("W06000003", "ev-000123"));
        var prefix = unchecked((long)XxHash3.HashToUInt64(U("W06000003\u001Fev-"), seed: 6));
        Assert.Equal((prefix & ~((1L << 20) - 1)) | 123, EventKey.Of("W06000003", "ev-000123"));
        // An id of digits only: an empty prefix, 4 digits in 14 bits.
        Assert.Equal(7947811229952623593, EventKey.Of("W06000003", "1001"));

        // Ids of one prefix and width: keys one apart, in order, none shared; from one digit to ten. The number takes the
        // fewest bits that hold 10^width - 1 (worked out here apart from the product's table), the prefix's hash the rest.
        Assert.Equal(10, EventKey.MaxDigits);
        for (var width = 1; width <= EventKey.MaxDigits; width++)
        {
            var bits = 0;
            while (System.Numerics.BigInteger.Pow(2, bits) < System.Numerics.BigInteger.Pow(10, width)) bits++;
            var hash = XxHash3.HashToUInt64(U("W06000003\u001Fev-"), seed: width);
            foreach (var n in new[] { 0UL, (ulong)Math.Pow(10, width) - 1 })
                Assert.Equal(unchecked((long)((hash & ~((1UL << bits) - 1)) | n)),
                    EventKey.Of("W06000003", "ev-" + n.ToString(new string('0', width), System.Globalization.CultureInfo.InvariantCulture)));

            var first = long.Parse("1" + new string('0', width - 1), System.Globalization.CultureInfo.InvariantCulture) - (width == 1 ? 1 : 0);
            var numbers = new[] { first, first + 1, first + 2, (long)Math.Pow(10, width) - 1 };
            var keys = numbers.Select(n => EventKey.Of("W06000003", "ev-" + n.ToString(new string('0', width),
                System.Globalization.CultureInfo.InvariantCulture))).ToArray();
            Assert.Equal(keys[0] + 1, keys[1]);
            Assert.Equal(keys[0] + 2, keys[2]);
            Assert.Equal(keys[0] + (numbers[3] - numbers[0]), keys[3]);
        }
        // Another width, prefix or council is another run of keys: "ev-1" and "ev-01" are different ids.
        Assert.NotEqual(EventKey.Of("W06000003", "ev-1"), EventKey.Of("W06000003", "ev-01"));
        Assert.NotEqual(EventKey.Of("W06000003", "ev-1"), EventKey.Of("W06000003", "ex-1"));
        Assert.NotEqual(EventKey.Of("W06000003", "ev-1"), EventKey.Of("W06000004", "ev-1"));
        Assert.NotEqual(EventKey.Of("W0600000", "3ev-1"), EventKey.Of("W06000003", "ev-1"));
        // Ten digits at most: 10^10 - 1 fits in the 34 low bits; eleven are hashed.
        Assert.Equal(EventKey.Of("W06000003", "ev-0000000000") + 9_999_999_999, EventKey.Of("W06000003", "ev-9999999999"));
        Assert.Equal(EventKey.Hashed("W06000003", "ev-99999999999"), EventKey.Of("W06000003", "ev-99999999999"));
        Assert.Equal(EventKey.Of("W06000003", "é-2"), EventKey.Of(U("W06000003"), U("é-2")));
    }

    private const long KeyOf1001 = 4127646914451049617;

    [Fact]
    public async Task Ids_that_share_a_key_are_each_stored_once_and_their_repeats_are_duplicates()
    {
        await using var store = await TestStore.CreateAsync();
        // Every id gets the same key: each id after the first goes the way a real collision does.
        EventKeyFunction collide = static (_, _) => 42;
        string[] ids = ["a", "b", "a", "c", "b", "c", "a"];
        bool[] stored = [true, true, false, true, false, false, false];
        await using (var tx = await store.Db.Database.BeginTransactionAsync())
        {
            using var loader = new SqliteBulkLoader((SqliteConnection)store.Db.Database.GetDbConnection(), collide);
            Assert.Equal(stored, ids.Select(id => Add(loader, "W06000003", id)).ToArray());
            // The same id of another council is another event.
            Assert.True(Add(loader, "W06000004", "a"));
            // A row without an id is never a duplicate.
            Assert.True(Add(loader, "W06000003", ""));
            Assert.True(Add(loader, "W06000003", ""));
            await tx.CommitAsync();
        }
        await using (var tx = await store.Db.Database.BeginTransactionAsync())
        {
            // A later file: the ids stored without a key are found again through their text.
            using var loader = new SqliteBulkLoader((SqliteConnection)store.Db.Database.GetDbConnection(), collide);
            Assert.False(Add(loader, "W06000003", "c"));
            Assert.False(Add(loader, "W06000004", "a"));
            Assert.True(Add(loader, "W06000003", "d"));
            await tx.CommitAsync();
        }
        var rows = await store.Db.Database.SqlQueryRaw<string>(
            "SELECT council_code || ':' || coalesce(event_id, '-') || ':' || coalesce(event_key, 'null') AS Value FROM usage_events ORDER BY id")
            .ToListAsync();
        Assert.Equal(["W06000003:a:42", "W06000003:b:null", "W06000003:c:null", "W06000004:a:null", "W06000003:-:null",
            "W06000003:-:null", "W06000003:d:null"], rows);
    }

    /// <summary>
    /// Many rows a statement (<see cref="SqliteBulkLoader.AddEvents"/>) against the oracle, one row at a time
    /// (<see cref="SqliteBulkLoader.AddEvent"/>) into another store: each row's outcome the same, the same rows stored.
    /// Ids from a small pool, so that repeats fall inside one statement, across statements and across files; rows without
    /// an id among them; keys real, or few (every id shares its key with others: the path of a real collision).
    /// </summary>
    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    [InlineData(true, 3)]
    public async Task Many_rows_a_statement_give_each_row_the_outcome_of_one_at_a_time(bool fewKeys, int seed)
    {
        EventKeyFunction key = fewKeys ? static (c, id) => EventKey.Of(c, id) & 7 : EventKey.Of;
        var random = new Random(seed);
        // Three files of 150 rows: four statements' worth and a tail each.
        var files = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 150).Select(_ => (
            Council: random.Next(4) == 0 ? "W06000004" : "W06000003",
            Id: random.Next(10) == 0 ? "" : "e" + random.Next(120))).ToArray()).ToArray();

        await using var oneStore = await TestStore.CreateAsync();
        await using var manyStore = await TestStore.CreateAsync();
        var stored = 0;
        foreach (var file in files)
        {
            var rows = new PinnedEvents(file);
            var one = new bool[file.Length];
            await using (var tx = await oneStore.Db.Database.BeginTransactionAsync())
            {
                using var loader = new SqliteBulkLoader((SqliteConnection)oneStore.Db.Database.GetDbConnection(), key);
                for (var k = 0; k < file.Length; k++) one[k] = loader.AddEvent(rows[k]);
                await tx.CommitAsync();
            }
            var many = new bool[file.Length];
            await using (var tx = await manyStore.Db.Database.BeginTransactionAsync())
            {
                using var loader = new SqliteBulkLoader((SqliteConnection)manyStore.Db.Database.GetDbConnection(), key);
                loader.AddEvents(rows, many);
                await tx.CommitAsync();
            }
            Assert.Equal(one, many);
            stored += one.Count(x => x);
            Assert.Contains(false, one); // repeats were there to find
        }
        Assert.Equal(await Rows(oneStore), await Rows(manyStore));
        Assert.Equal(stored, (await Rows(manyStore)).Count);
        if (fewKeys) Assert.Contains(await Rows(manyStore), r => r.EndsWith(":null") && !r.Contains(":-:"));

        static Task<List<string>> Rows(TestStore store) => store.Db.Database.SqlQueryRaw<string>(
            "SELECT council_code || ':' || coalesce(event_id, '-') || ':' || coalesce(event_key, 'null') AS Value FROM usage_events " +
            "ORDER BY 1").ToListAsync();
    }

    /// <summary>Test rows in pinned memory, as the ingest's batch buffer is: the loader binds several rows' text before a step.</summary>
    private sealed class PinnedEvents(IReadOnlyList<(string Council, string Id)> rows) : IEventRows
    {
        private readonly byte[][] _councils = [.. rows.Select(r => Pinned(r.Council))];
        private readonly byte[][] _ids = [.. rows.Select(r => Pinned(r.Id))];
        private static readonly byte[] Service = Pinned("garden-waste"), Channel = Pinned("web"), Type = Pinned("transaction_completed");

        public int Count => rows.Count;

        public EventRecord this[int k] => new()
        {
            EventId = _ids[k],
            CouncilCode = _councils[k],
            Service = Service,
            Channel = Channel,
            EventType = Type,
            OccurredAtMs = 1_712_739_600_000 + k,
            Quantity = 1,
            FileId = 0,
        };

        private static byte[] Pinned(string s)
        {
            var bytes = GC.AllocateUninitializedArray<byte>(Encoding.UTF8.GetByteCount(s), pinned: true);
            Encoding.UTF8.GetBytes(s, bytes);
            return bytes;
        }
    }

    [Fact]
    public async Task The_whole_ingest_stores_each_id_with_its_key_and_drops_a_repeat()
    {
        await using var store = await TestStore.CreateAsync();
        // The whole ingest, with the store's own key: a file with a repeat; the loader's collision path is covered above.
        var file = store.Write("events.csv", Header + Row("x1") + Row("x2") + Row("x1") + Row("x1", "W06000004"));
        var r = (await store.IngestAsync(file)).Files.Single();
        Assert.Equal((4L, 3L, 1L), (r.Read, r.Accepted, r.Duplicates));
        var keys = await store.Db.Database.SqlQueryRaw<long?>("SELECT event_key AS Value FROM usage_events ORDER BY council_code, event_id")
            .ToListAsync();
        Assert.Equal([EventKey.Of("W06000003", "x1"), EventKey.Of("W06000003", "x2"), EventKey.Of("W06000004", "x1")], keys);
    }

    [Fact]
    public async Task Rows_loaded_in_key_order_still_store_the_first_of_a_files_repeats()
    {
        await using var store = await TestStore.CreateAsync();
        // Ids whose keys sort in another order than the file's; each repeated with a different quantity.
        var ids = Enumerable.Range(0, 50).Select(i => $"id-{i}x").ToList();
        Assert.NotEqual(ids, ids.OrderBy(id => EventKey.Of("W06000003", id)).ToList());
        var rows = string.Concat(ids.Select(id => Row(id, quantity: 2))) + string.Concat(ids.Select(id => Row(id, quantity: 3)))
            + Row("", quantity: 4) + Row(ids[7], quantity: 5) + Row("", quantity: 6);
        var file = store.Write("events.csv", Header + rows);

        var r = (await store.IngestAsync(file)).Files.Single();

        Assert.Equal((103L, 52L, 51L), (r.Read, r.Accepted, r.Duplicates));
        var quantities = await store.Db.Database.SqlQueryRaw<long>("SELECT quantity AS Value FROM usage_events WHERE event_id IS NOT NULL")
            .ToListAsync();
        Assert.All(quantities, q => Assert.Equal(2, q));
        Assert.Equal(50 * 2 + 4 + 6, (await store.Queries.LoadCouncilAsync("W06000003"))!.Volumes.Single().Completed);
    }

    [Fact]
    public async Task A_store_made_before_the_key_gets_its_events_keys_and_still_refuses_their_repeats()
    {
        await using var old = await OldStore.CreateAsync("_EventKey", before: true,
            "(1, '1001', 'W06000003'), (2, NULL, 'W06000003'), (3, 'é-2', 'W06000004')");
        await using var store = await BenefitsStore.OpenAsync(old.Target);
        Assert.Equal([EventKey.Of("W06000003", "1001"), null, EventKey.Of("W06000004", "é-2")], await Keys(store));

        var r = await old.IngestAsync(store, Row("1001") + Row("é-2", "W06000004") + Row("1002"));
        Assert.Equal((3L, 1L, 2L), (r.Read, r.Accepted, r.Duplicates));

        // Down again: the unique index on the text comes back (and holds, the rows being unique), the key goes.
        await store.GetService<IMigrator>().MigrateAsync(old.Migration);
        var indexes = await store.Database.SqlQueryRaw<string>(
            "SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'usage_events' AND sql IS NOT NULL").ToListAsync();
        Assert.Contains(indexes, i => i.Contains("UNIQUE INDEX", StringComparison.Ordinal) && i.Contains("\"council_code\", \"event_id\"",
            StringComparison.Ordinal));
        Assert.DoesNotContain(indexes, i => i.Contains("event_key", StringComparison.Ordinal));
        var columns = await store.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('usage_events')").ToListAsync();
        Assert.DoesNotContain("event_key", columns);
    }

    [Fact]
    public async Task A_store_keyed_by_hash_is_keyed_again_in_order_and_still_refuses_its_repeats()
    {
        // Rows as migration EventKey left them: keyed by hash; 'a-7' without a key, as if it had shared its hash with another.
        await using var old = await OldStore.CreateAsync("_EventKey", before: false,
            "(1, '1001', 'W06000003'), (2, 'a-7', 'W06000003'), (3, NULL, 'W06000003'), (4, 'é-2', 'W06000004'), (5, 'x', 'W06000003')",
            "UPDATE usage_events SET event_key = benefits_event_key(council_code, event_id) WHERE id IN (1, 4, 5)");
        await using var store = await BenefitsStore.OpenAsync(old.Target);
        Assert.Equal([EventKey.Of("W06000003", "1001"), EventKey.Of("W06000003", "a-7"), null, EventKey.Of("W06000004", "é-2"),
            EventKey.Of("W06000003", "x")], await Keys(store));
        Assert.NotEqual(EventKey.Hashed("W06000003", "1001"), EventKey.Of("W06000003", "1001"));

        var r = await old.IngestAsync(store, Row("1001") + Row("a-7") + Row("é-2", "W06000004") + Row("x") + Row("a-8"));
        Assert.Equal((5L, 1L, 4L), (r.Read, r.Accepted, r.Duplicates));

        // Down to the hash: every row with an id keyed by it again, 'a-7' and the new 'a-8' included.
        await store.GetService<IMigrator>().MigrateAsync(old.Migration);
        Assert.Equal([EventKey.Hashed("W06000003", "1001"), EventKey.Hashed("W06000003", "a-7"), null,
            EventKey.Hashed("W06000004", "é-2"), EventKey.Hashed("W06000003", "x"), EventKey.Hashed("W06000003", "a-8")], await Keys(store));
    }

    [Fact]
    public async Task Keying_again_leaves_the_first_of_ids_that_share_a_new_key_with_it_and_the_others_without()
    {
        await using var old = await OldStore.CreateAsync("_EventKey", before: false,
            "(1, 'b', 'W06000003'), (2, 'a', 'W06000003'), (3, NULL, 'W06000003'), (4, 'c', 'W06000004')",
            "UPDATE usage_events SET event_key = benefits_event_key(council_code, event_id)");
        await using var db = new BenefitsDbContext(BenefitsStore.Options(old.Target));
        await db.Database.OpenConnectionAsync();
        // The new key, made to give every id the same key: each row after the first goes the way a real collision does.
        ((SqliteConnection)db.Database.GetDbConnection()).CreateFunction<string?, string?, long?>(EventKey.SqlFunction,
            (_, id) => id is null ? null : 42, isDeterministic: true);
        await db.GetService<IMigrator>().MigrateAsync();

        Assert.Equal([42, null, null, null], await Keys(db));
        var unkeyed = await db.Database.SqlQueryRaw<string>(
            "SELECT event_id AS Value FROM usage_events INDEXED BY IX_usage_events_unkeyed WHERE event_key IS NULL AND event_id IS NOT NULL " +
            "AND council_code = 'W06000003' AND event_id = 'a'").ToListAsync();
        Assert.Equal(["a"], unkeyed);

        // The loader, with the same colliding key, finds each stored id again: 'b' through its key, 'a' and 'c' by their text.
        await using var tx = await db.Database.BeginTransactionAsync();
        using var loader = new SqliteBulkLoader((SqliteConnection)db.Database.GetDbConnection(), static (_, _) => 42);
        Assert.Equal([false, false, false, true], new[] { Add(loader, "W06000003", "b"), Add(loader, "W06000003", "a"),
            Add(loader, "W06000004", "c"), Add(loader, "W06000003", "d") });
    }

    private static Task<List<long?>> Keys(DbContext db) =>
        db.Database.SqlQueryRaw<long?>("SELECT event_key AS Value FROM usage_events ORDER BY id").ToListAsync();

    /// <summary>A SQLite store in a folder of its own, migrated to just before (or up to) a migration, with some events.</summary>
    private sealed class OldStore(string folder, DatabaseTarget target) : IAsyncDisposable
    {
        public DatabaseTarget Target => target;

        /// <summary>The migration the store was left at.</summary>
        public string Migration { get; private set; } = "";

        /// <param name="events">(id, event_id, council_code) tuples as SQL values.</param>
        /// <param name="then">SQL run after the rows are in.</param>
        public static async Task<OldStore> CreateAsync(string migrationSuffix, bool before, string events, string then = "")
        {
            var folder = Path.Combine(Path.GetTempPath(), "bt-key-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(folder);
            var target = DatabaseTarget.Parse("sqlite:" + Path.Combine(folder, "old.db"));
            var store = new OldStore(folder, target);
            await using var db = new BenefitsDbContext(BenefitsStore.Options(target));
            var migrations = db.Database.GetMigrations().ToList();
            var at = migrations.IndexOf(migrations.Single(m => m.EndsWith(migrationSuffix, StringComparison.Ordinal)));
            store.Migration = migrations[before ? at - 1 : at];
            await db.GetService<IMigrator>().MigrateAsync(store.Migration);
            var insert = "INSERT INTO usage_events (id, event_id, council_code, service, channel, event_type, occurred_at_ms, quantity, " +
                "file_id) SELECT column1, column2, column3, 'garden-waste', 'web', 'transaction_completed', 0, 1, 0 FROM (VALUES " + events + ")";
            await db.Database.ExecuteSqlRawAsync(insert);
            if (then.Length > 0) await db.Database.ExecuteSqlRawAsync(then);
            return store;
        }

        public async Task<FileResult> IngestAsync(BenefitsDbContext store, string rows)
        {
            var file = Path.Combine(folder, $"again-{Guid.NewGuid():N}.csv");
            await File.WriteAllTextAsync(file, Header + rows);
            return (await new Ingestor(store).IngestAsync([file], InputKind.Auto, null, CancellationToken.None)).Files.Single();
        }

        public ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            return ValueTask.CompletedTask;
        }
    }

    private static bool Add(SqliteBulkLoader loader, string council, string id) => loader.AddEvent(new EventRecord
    {
        EventId = U(id),
        CouncilCode = U(council),
        Service = U("garden-waste"),
        Channel = U("web"),
        EventType = U("transaction_completed"),
        OccurredAtMs = 1_712_739_600_000,
        Quantity = 1,
        FileId = 0,
    });
}
