using System.Data.Common;
using BenefitsTracker.Data.Bulk;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace BenefitsTracker.Data.Sqlite;

/// <summary>
/// What is particular to SQLite: the connection string, the pragmas every connection gets, opening a store for
/// writing or reading, and its bulk loader. <see cref="BenefitsStore"/> only chooses between this and PostgreSQL's.
/// </summary>
internal static class SqliteProvider
{
    static SqliteProvider() => SqliteLibrary.Configure();

    public static DbContextOptions<BenefitsDbContext> Options(string path, SqliteOpenMode mode, TimeSpan lockWait)
    {
        if (mode == SqliteOpenMode.ReadWriteCreate) CreateFolder(path);
        return new DbContextOptionsBuilder<BenefitsDbContext>()
            .UseSqlite(ConnectionString(path, mode, lockWait), x => x.MigrationsAssembly(BenefitsStore.SqliteMigrationsAssembly))
            .AddInterceptors(Functions.Instance)
            .Options;
    }

    /// <summary>
    /// A writer's context on a connection this opens itself, before Entity Framework does anything: an empty store gets
    /// its schema from <see cref="FreshStore"/>, and the context is created on the open connection, so that Entity
    /// Framework builds its services and model only when first used (an ingest reaches the connection through
    /// <see cref="SqliteIngestStart"/> and starts loading rows first). Any store that is not empty is migrated.
    /// </summary>
    /// <param name="notice">Told, in a line for a person, when another process is writing and this one will wait.</param>
    public static async Task<BenefitsDbContext> OpenAsync(DatabaseTarget target, TimeSpan lockWait, Action<string>? notice, CancellationToken ct)
    {
        CreateFolder(target.Location);
        var connection = new SqliteConnection(ConnectionString(target.Location, SqliteOpenMode.ReadWriteCreate, lockWait));
        BenefitsDbContext? context = null;
        try
        {
            await connection.OpenAsync(ct);
            AddFunctions(connection);
            Guard(target, () => ConfigureConnection(connection, lockWait));
            if (notice is not null && AnotherWriterHolds(connection))
                notice($"another process is writing to {target}; waiting up to {StoreErrors.Seconds(lockWait)} s for it to finish");
            // An empty store gets the migrations' end schema in one script; any other is migrated (a no-op when up to date).
            var created = Guard(target, () => FreshStore.TryCreate(connection));
            context = new BenefitsDbContext(OptionsOn(connection));
            // Migrated only when a migration is pending, and then not cancellably: Entity Framework's migration lock on SQLite
            // is a row (__EFMigrationsLock) that a cancelled MigrateAsync could leave behind, and every later open would
            // wait for it for ever (seen: a job stopped while its store was opening; InboxJobTests). Migrations are short.
            if (!created && (await context.Database.GetPendingMigrationsAsync(ct)).Any())
                await context.Database.MigrateAsync(CancellationToken.None);
            SqliteIngestStart.Register(context, connection);
            return context;
        }
        catch (SqliteException e) when (StoreErrors.Describe(e, target, lockWait) is { } message && IsNotADatabase(e))
        {
            await DisposeAsync(context, connection);
            throw new StoreUnavailableException(message, isUserError: true, e);
        }
        catch
        {
            await DisposeAsync(context, connection);
            throw;
        }
    }

    private static async Task DisposeAsync(BenefitsDbContext? context, SqliteConnection connection)
    {
        if (context is not null) await context.DisposeAsync();
        await connection.DisposeAsync();
    }

    /// <summary>Options for a context on a connection already open (the context closes it when disposed).</summary>
    internal static DbContextOptions<BenefitsDbContext> OptionsOn(SqliteConnection connection) =>
        new DbContextOptionsBuilder<BenefitsDbContext>()
            .UseSqlite(connection, contextOwnsConnection: true, x => x.MigrationsAssembly(BenefitsStore.SqliteMigrationsAssembly))
            .AddInterceptors(Functions.Instance)
            .Options;

    private static void CreateFolder(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }

    /// <summary>A reader's context, read-only when no migration is pending; null when one is (the caller opens as a writer).</summary>
    public static async Task<BenefitsDbContext?> OpenForReadingAsync(DatabaseTarget target, TimeSpan lockWait, CancellationToken ct)
    {
        var context = new BenefitsDbContext(Options(target.Location, SqliteOpenMode.ReadWrite, lockWait));
        try
        {
            await context.Database.OpenConnectionAsync(ct);
            var connection = (SqliteConnection)context.Database.GetDbConnection();
            Guard(target, () => ConfigureReader(connection));
            if (!Guard(target, () => context.Database.GetPendingMigrations().Any()))
            {
                MakeQueryOnly(connection);
                return context;
            }
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
        await context.DisposeAsync();
        return null;
    }

    /// <summary>The bulk loader on the context's own connection, inside the transaction its caller opened.</summary>
    public static IBulkLoader CreateBulkLoader(BenefitsDbContext context) =>
        new SqliteBulkLoader((SqliteConnection)context.Database.GetDbConnection());

    // No pooling: a pooled handle would outlive a deleted or replaced database file. ReadWrite (not
    // ReadWriteCreate) for readers: a mistyped path must not become an empty store.
    public static string ConnectionString(string path, SqliteOpenMode mode, TimeSpan lockWait) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = path, Pooling = false, Mode = mode, DefaultTimeout = (int)Math.Ceiling(lockWait.TotalSeconds),
        }.ToString();

    /// <summary>
    /// 16 KB pages (set before the first table exists; measured 15% faster bulk loads than 4 KB).
    /// WAL with synchronous=NORMAL: a committed file survives a killed process, an uncommitted one leaves no trace,
    /// and readers never block the ingest.
    /// </summary>
    private static void ConfigureConnection(SqliteConnection connection, TimeSpan lockWait)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " +
                          $"PRAGMA busy_timeout={(long)lockWait.TotalMilliseconds}; PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;";
        cmd.ExecuteNonQuery();
    }

    /// <summary>A reader's pragmas: no journal-mode change (that would need a lock), reads its own snapshot of the WAL.</summary>
    private static void ConfigureReader(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY; SELECT count(*) FROM sqlite_master;";
        cmd.ExecuteScalar();
    }

    /// <summary>From here on, the connection refuses any write.</summary>
    private static void MakeQueryOnly(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA query_only=1;";
        cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// Whether another connection holds the write lock now: tries to take it without waiting, and lets it go.
    /// (A moment later it may be free or taken; this only decides whether to tell the user we may wait.)
    /// </summary>
    private static bool AnotherWriterHolds(SqliteConnection connection)
    {
        var db = connection.Handle!;
        raw.sqlite3_busy_timeout(db, 0);
        try
        {
            var rc = raw.sqlite3_exec(db, "BEGIN IMMEDIATE");
            if (rc == raw.SQLITE_OK) raw.sqlite3_exec(db, "ROLLBACK");
            return (rc & 0xFF) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED;
        }
        finally
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"PRAGMA busy_timeout={connection.DefaultTimeout * 1000L};";
            cmd.ExecuteNonQuery();
        }
    }

    private static T Guard<T>(DatabaseTarget target, Func<T> work)
    {
        try { return work(); }
        catch (SqliteException e) when (IsNotADatabase(e))
        {
            throw new StoreUnavailableException(StoreErrors.NotADatabase(target), isUserError: true, e);
        }
    }

    private static void Guard(DatabaseTarget target, Action work) => Guard(target, () => { work(); return 0; });

    private static bool IsNotADatabase(SqliteException e) => (e.SqliteErrorCode & 0xFF) is 26 or 11;

    /// <summary>
    /// Gives every connection of a context the SQL functions the migrations call: <see cref="EventKey.HashedSqlFunction"/>, with
    /// which the migration that adds <c>usage_events.event_key</c> fills it in for the rows already stored, and
    /// <see cref="EventKey.SqlFunction"/>, with which EventKeyOrdered keys them again.
    /// </summary>
    private sealed class Functions : DbConnectionInterceptor
    {
        public static readonly Functions Instance = new();

        public override DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
        {
            AddFunctions((SqliteConnection)result);
            return result;
        }
    }

    /// <summary>The SQL functions of <see cref="Functions"/>, on a connection Entity Framework did not create.</summary>
    private static void AddFunctions(SqliteConnection connection)
    {
        connection.CreateFunction<string?, string?, long?>(EventKey.SqlFunction,
            (council, id) => council is null || id is null ? null : EventKey.Of(council, id), isDeterministic: true);
        connection.CreateFunction<string?, string?, long?>(EventKey.HashedSqlFunction,
            (council, id) => council is null || id is null ? null : EventKey.Hashed(council, id), isDeterministic: true);
    }
}
