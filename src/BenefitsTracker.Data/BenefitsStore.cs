using BenefitsTracker.Data.Bulk;
using BenefitsTracker.Data.Postgres;
using BenefitsTracker.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Data;

/// <summary>
/// Opens the store named by a <see cref="DatabaseTarget"/>. Writers (<see cref="OpenAsync(DatabaseTarget, CancellationToken)"/>:
/// ingest, demo) create and migrate it; readers (<see cref="OpenForReadingAsync"/>: report) never create one and,
/// when no migration is pending, open it read-only, so that a long ingest never holds a report up.
/// </summary>
public static class BenefitsStore
{
    /// <summary>The assembly that holds the SQLite migrations (one migrations assembly per provider).</summary>
    public const string SqliteMigrationsAssembly = "BenefitsTracker.Data.Sqlite";

    /// <summary>The assembly that holds the PostgreSQL migrations.</summary>
    public const string PostgresMigrationsAssembly = "BenefitsTracker.Data.Postgres";

    /// <summary>Seconds a writer waits for another writer's lock before giving up (default 60).</summary>
    public const string LockWaitVariable = "BENEFITS_LOCK_WAIT";

    /// <summary>How long a writer waits for another's lock: BENEFITS_LOCK_WAIT seconds, else 60 s.</summary>
    public static TimeSpan LockWait =>
        int.TryParse(Environment.GetEnvironmentVariable(LockWaitVariable), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var s) && s is > 0 and < 86_400
            ? TimeSpan.FromSeconds(s) : TimeSpan.FromSeconds(60);

    /// <summary>A context on an open connection with every migration applied, creating the store if needed. Dispose it when done.</summary>
    /// <exception cref="StoreUnavailableException">The file is not a database; the server cannot be reached or refuses the login.</exception>
    public static Task<BenefitsDbContext> OpenAsync(DatabaseTarget target, CancellationToken ct = default) =>
        OpenAsync(target, LockWait, null, ct);

    /// <param name="lockWait">How long to wait for another writer's lock.</param>
    /// <param name="notice">Told, in a line for a person, when another process is writing and this one will wait.</param>
    public static async Task<BenefitsDbContext> OpenAsync(DatabaseTarget target, TimeSpan lockWait, Action<string>? notice,
        CancellationToken ct = default) =>
        target.Provider == DatabaseProvider.Postgres
            ? await PostgresProvider.OpenAsync(target, ct)
            : await SqliteProvider.OpenAsync(target, lockWait, notice, ct);

    /// <summary>
    /// A context for reading an existing store: "no such database" when it is missing (nothing is created), and
    /// read-only when no migration is pending (WAL readers do not wait for writers). A store of an older version is
    /// migrated first, as a writer would.
    /// </summary>
    /// <exception cref="StoreUnavailableException">Missing, or not a database.</exception>
    public static async Task<BenefitsDbContext> OpenForReadingAsync(DatabaseTarget target, CancellationToken ct = default)
    {
        if (target.Provider == DatabaseProvider.Postgres) return await PostgresProvider.OpenForReadingAsync(target, ct);
        RequireExists(target);
        return await SqliteProvider.OpenForReadingAsync(target, LockWait, ct) ?? await OpenAsync(target, ct);
    }

    /// <summary>
    /// For everything but ingest and demo, before anything is written beside it: a SQLite store that is missing is
    /// "no such database" with its path (a PostgreSQL database is checked on opening).
    /// </summary>
    /// <exception cref="StoreUnavailableException">The SQLite file does not exist.</exception>
    public static void RequireExists(DatabaseTarget target)
    {
        if (target.Provider == DatabaseProvider.Sqlite && !File.Exists(target.Location))
            throw new StoreUnavailableException(
                $"no such database: {target.Location} (check --db or {DatabaseTarget.EnvironmentVariable}; 'benefits ingest' or 'benefits " +
                $"demo' creates one)",
                isUserError: true);
    }

    /// <summary>Options for a context on <paramref name="target"/>; the folder of a SQLite file is created.</summary>
    public static DbContextOptions<BenefitsDbContext> Options(DatabaseTarget target) => target.Provider switch
    {
        DatabaseProvider.Sqlite => SqliteProvider.Options(target.Location, SqliteOpenMode.ReadWriteCreate, LockWait),
        DatabaseProvider.Postgres => PostgresProvider.Options(target.Location),
        _ => throw new NotSupportedException($"unknown database provider {target.Provider}"),
    };

    /// <summary>
    /// The connection string another library (the Quartz job store) opens the same SQLite store with: the file,
    /// created if need be, with the same wait for another writer's lock.
    /// </summary>
    public static string SqliteConnectionString(DatabaseTarget target) => target.Provider == DatabaseProvider.Sqlite
        ? SqliteProvider.ConnectionString(target.Location, SqliteOpenMode.ReadWriteCreate, LockWait)
        : throw new ArgumentException($"{target} is not a SQLite store", nameof(target));

    /// <summary>The provider's native bulk path, on the context's own connection and transaction.</summary>
    public static IBulkLoader CreateBulkLoader(BenefitsDbContext context)
    {
        if (context.Database.IsSqlite())
            return SqliteProvider.CreateBulkLoader(context);
        if (context.Database.IsNpgsql())
            return new PostgresBulkLoader(context);
        throw new NotSupportedException($"no bulk loader for provider {context.Database.ProviderName}");
    }
}
