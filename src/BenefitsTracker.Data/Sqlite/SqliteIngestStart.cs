using System.Data.Common;
using System.Runtime.CompilerServices;
using BenefitsTracker.Data.Bulk;
using BenefitsTracker.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace BenefitsTracker.Data.Sqlite;

/// <summary>
/// What an ingest into a SQLite store does before its rows load, on the store's connection and without Entity
/// Framework: whether a file of this length is registered, the file's transaction, its registry row (for its id), the
/// bulk loader. Entity Framework, which needs its services, its model, and its query and save pipelines built on first
/// use (0.3–0.4 s of a one-row ingest, by stopwatch, ReadyToRun), meanwhile gets them built on a thread of its own
/// (<see cref="WarmUp"/>), while the rows load; the ingest then uses it as before for what comes after them.
/// Only for a context <see cref="BenefitsStore.OpenAsync(DatabaseTarget, CancellationToken)"/> opened on SQLite.
/// </summary>
public sealed class SqliteIngestStart
{
    private static readonly ConditionalWeakTable<BenefitsDbContext, SqliteIngestStart> Opened = new();

    private readonly SqliteConnection _connection;
    private static Task? _warming;

    private SqliteIngestStart(SqliteConnection connection) => _connection = connection;

    internal static void Register(BenefitsDbContext context, SqliteConnection connection) => Opened.AddOrUpdate(context, new(connection));

    /// <summary>The start for a context opened for writing on SQLite; null for any other (PostgreSQL, a reader, a test's own).</summary>
    public static SqliteIngestStart? For(BenefitsDbContext context) => Opened.TryGetValue(context, out var start) ? start : null;

    /// <summary>Whether the registry holds a file of <paramref name="bytes"/> bytes (then the file is hashed before anything else).</summary>
    public bool AnyFileOfLength(long bytes)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT EXISTS (SELECT 1 FROM ingested_files WHERE bytes = $bytes)";
        cmd.Parameters.AddWithValue("$bytes", bytes);
        return (long)cmd.ExecuteScalar()! == 1;
    }

    /// <summary>The file's transaction: BEGIN IMMEDIATE, as Entity Framework's BeginTransaction on SQLite.</summary>
    public DbTransaction Begin() => _connection.BeginTransaction();

    /// <summary>
    /// Inserts the file's registry row with every column as Entity Framework would write it, and sets its id; attach the
    /// entity to the context (<see cref="DbSet{TEntity}.Attach"/>) before changing it, as if Entity Framework had saved it.
    /// </summary>
    public void Insert(IngestedFileRow entry, DbTransaction transaction)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = (SqliteTransaction)transaction;
        cmd.CommandText = "INSERT INTO ingested_files (name, path, sha256, kind, format, bytes, rows_read, accepted, rejected, duplicates, " +
                          "rejects_path, started_at, finished_at) VALUES ($name, $path, $sha256, $kind, $format, $bytes, $rows_read, " +
                          "$accepted, $rejected, $duplicates, $rejects_path, $started_at, $finished_at) RETURNING id";
        var p = cmd.Parameters;
        p.AddWithValue("$name", entry.Name);
        p.AddWithValue("$path", entry.Path);
        p.AddWithValue("$sha256", entry.Sha256);
        p.AddWithValue("$kind", entry.Kind);
        p.AddWithValue("$format", entry.Format);
        p.AddWithValue("$bytes", entry.Bytes);
        p.AddWithValue("$rows_read", entry.RowsRead);
        p.AddWithValue("$accepted", entry.Accepted);
        p.AddWithValue("$rejected", entry.Rejected);
        p.AddWithValue("$duplicates", entry.Duplicates);
        p.AddWithValue("$rejects_path", (object?)entry.RejectsPath ?? DBNull.Value);
        p.AddWithValue("$started_at", entry.StartedAt);
        p.AddWithValue("$finished_at", entry.FinishedAt);
        entry.Id = (long)cmd.ExecuteScalar()!;
    }

    /// <summary>The bulk loader on the store's connection, inside the transaction of <see cref="Begin"/>.</summary>
    public IBulkLoader CreateBulkLoader() => new SqliteBulkLoader(_connection);

    /// <summary>
    /// Builds Entity Framework's services and model and runs its query and save pipelines once, on a thread-pool thread,
    /// against a private in-memory store with the same schema (the store being ingested is never touched): what the
    /// ingest's context does after its rows load then finds them built (they are shared by every context of the process).
    /// Nothing depends on it: if it fails, the first real use builds them as before. Once a process: later calls return the
    /// first one's task (a long-running process, such as <c>benefits serve</c>, has them built after its first ingest).
    /// </summary>
    public static Task WarmUp() => _warming ??= Task.Run(static () =>
    {
        try
        {
            using var memory = new SqliteConnection("Data Source=:memory:");
            memory.Open();
            using var context = new BenefitsDbContext(SqliteProvider.OptionsOn(memory));
            _ = context.Model;
            if (FreshStore.Load() is not { } script || raw.sqlite3_exec(memory.Handle!, script.Sql) != raw.SQLITE_OK) return;
            _ = context.IngestedFiles.Any(f => f.Bytes == -1);
            using var transaction = context.Database.BeginTransaction();
            var row = new IngestedFileRow { Name = "warm-up", Path = "warm-up", Sha256 = "warm-up", Kind = "events", Format = "csv" };
            context.IngestedFiles.Add(row);
            context.SaveChanges();
            row.Accepted = 1;
            context.IngestedFileOwners.Add(new IngestedFileOwnerRow { FileId = row.Id, Owner = "warm-up" });
            context.SaveChanges();
            transaction.Rollback();
        }
        catch (Exception e) when (e is SqliteException or DbUpdateException or InvalidOperationException)
        {
            // Only a head start: the ingest's own context builds whatever this did not.
        }
    });
}
