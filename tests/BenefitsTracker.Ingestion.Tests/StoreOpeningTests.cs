using BenefitsTracker.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>
/// Opening the store: only writers (ingest, demo) create one; a reader (report) never does, and never waits for
/// a writer; a writer that must wait says so; what is not a store is said to be so in one line.
/// </summary>
public class StoreOpeningTests
{
    [Fact]
    public async Task A_reader_given_a_missing_store_is_told_no_such_database_and_nothing_is_created()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bt-missing-" + Guid.NewGuid().ToString("N")[..8]);
        var target = DatabaseTarget.Parse($"sqlite:{folder}/typo.db");

        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => BenefitsStore.OpenForReadingAsync(target));

        Assert.Contains("no such database", e.Message);
        Assert.Contains(target.Location, e.Message);
        Assert.True(e.IsUserError);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_said_to_be_so()
    {
        await using var store = await TestStore.CreateAsync();
        var notDb = store.Write("notes.db", "these are my notes, not a database\n" + new string('x', 4000));
        var target = DatabaseTarget.Parse("sqlite:" + notDb);

        var reading = await Assert.ThrowsAsync<StoreUnavailableException>(() => BenefitsStore.OpenForReadingAsync(target));
        var writing = await Assert.ThrowsAsync<StoreUnavailableException>(() => BenefitsStore.OpenAsync(target));

        Assert.Contains("is not a SQLite database", reading.Message);
        Assert.Contains("is not a SQLite database", writing.Message);
        Assert.Contains(notDb, writing.Message);
    }

    /// <summary>
    /// Entity Framework's migration lock on SQLite is a row of __EFMigrationsLock; one left behind (a store open cancelled
    /// inside MigrateAsync, a killed process) made every later open wait for it for ever. An up-to-date store is opened
    /// without taking the lock at all.
    /// </summary>
    [Fact]
    public async Task An_up_to_date_store_opens_though_a_migration_lock_was_left_behind()
    {
        await using var store = await TestStore.CreateAsync();
        await store.Db.DisposeAsync();
        await using (var left = new SqliteConnection($"Data Source={store.Target.Location};Pooling=false"))
        {
            await left.OpenAsync();
            await using var insert = left.CreateCommand();
            insert.CommandText = "INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-12-07 13:00:00')";
            await insert.ExecuteNonQueryAsync();
        }

        // Before the fix this waited for the lock for ever; 60 s is only a bound for the test, not a time limit on the open.
        await using var db = await BenefitsStore.OpenAsync(store.Target).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_reader_does_not_wait_for_a_writer_holding_the_store()
    {
        await using var store = await TestStore.CreateAsync();
        await store.IngestAsync(store.Write("councils.csv", "council_code,name\nW06000003,Conwy\n"));
        await store.Db.DisposeAsync();
        await using var writer = new SqliteConnection($"Data Source={store.Target.Location};Pooling=false");
        await writer.OpenAsync();
        await using (var begin = writer.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO services (slug) VALUES ('held');";
            await begin.ExecuteNonQueryAsync();
        }

        // The writer holds its transaction open until the end of the test: a reader that waited for it would wait out its
        // busy timeout and fail, so reading the council at all is the proof (no wall-clock limit on a shared machine).
        await using var reader = await BenefitsStore.OpenForReadingAsync(store.Target);
        var council = await new StoreQueries(reader).LoadCouncilAsync("W06000003");

        Assert.Equal("Conwy", council!.Name);
        // It writes nothing: a write through it is refused.
        var refused = await Assert.ThrowsAsync<SqliteException>(() => reader.Database.ExecuteSqlRawAsync("INSERT INTO services (slug) VALUES ('x')"));
        Assert.Equal(8, refused.SqliteErrorCode); // SQLITE_READONLY: refused because the store is open for reading, not for another reason
    }

    [Fact]
    public async Task A_writer_that_must_wait_says_so_and_for_how_long_and_then_says_the_store_is_locked()
    {
        await using var store = await TestStore.CreateAsync();
        await store.Db.DisposeAsync();
        await using var holder = new SqliteConnection($"Data Source={store.Target.Location};Pooling=false");
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO services (slug) VALUES ('held');";
            await begin.ExecuteNonQueryAsync();
        }

        var notices = new List<string>();
        var file = store.Write("councils.csv", "council_code,name\nW06000003,Conwy\n");
        Exception? e = null;
        try
        {
            await using var db = await BenefitsStore.OpenAsync(store.Target, TimeSpan.FromSeconds(1), notices.Add);
            await new Ingestor(db).IngestAsync([file]);
        }
        catch (Exception x) { e = x; }
        Assert.NotNull(e);

        Assert.Contains(notices, n => n.Contains("another process is writing", StringComparison.Ordinal)
            && n.Contains("up to 1 s", StringComparison.Ordinal));
        var message = StoreErrors.Describe(e, store.Target, TimeSpan.FromSeconds(1));
        Assert.NotNull(message);
        Assert.Contains("locked by another process", message);
        Assert.Contains("1 s", message);
    }
}
