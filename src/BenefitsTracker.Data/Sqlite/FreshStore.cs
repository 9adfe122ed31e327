using System.Reflection;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SQLitePCL;

namespace BenefitsTracker.Data.Sqlite;

/// <summary>
/// Creates an empty SQLite store's schema in one step: the schema the migrations end with, and their history rows, as
/// one script (<c>FreshStore.sql</c>, embedded in the migrations assembly) run in one transaction, in place of Entity
/// Framework applying every migration in turn. The script is generated from the migrations themselves
/// (<see cref="Script"/>), and a test (FreshStoreTests) fails when it is not what they produce now, saying how to
/// regenerate it. Should the script ever be stale (a migration it does not list), the store is migrated as before.
/// Measured on 2026-12-07, a one-row ingest into a new store (ReadyToRun build, by stopwatch): the schema in 5–10 ms
/// against 150–190 ms for the eight migrations in turn (docs/benchmarks.md, third session).
/// </summary>
internal static class FreshStore
{
    /// <summary>The script's resource name in <see cref="BenefitsStore.SqliteMigrationsAssembly"/>.</summary>
    public const string ResourceName = "BenefitsTracker.Data.Sqlite.FreshStore.sql";

    private const string HistoryTable = HistoryRepository.DefaultTableName;

    /// <summary>
    /// Runs the script when the store is empty (no table, index or anything else yet) and lists exactly the migrations
    /// the migrations assembly holds; returns false, having changed nothing, otherwise (the caller then migrates).
    /// </summary>
    public static bool TryCreate(SqliteConnection connection)
    {
        if (!IsEmpty(connection)) return false; // cheap first look, without a write lock
        if (Load() is not { } script || !script.Lists(MigrationIds()) || !script.MadeBy(ProductInfo.GetVersion())) return false;
        var db = connection.Handle!;
        Check(connection, raw.sqlite3_exec(db, "BEGIN IMMEDIATE"));
        try
        {
            // Another process may have created it between the look and the lock: then it is no longer ours to create.
            if (!IsEmpty(connection))
            {
                Check(connection, raw.sqlite3_exec(db, "ROLLBACK"));
                return false;
            }
            Check(connection, raw.sqlite3_exec(db, script.Sql));
            Check(connection, raw.sqlite3_exec(db, "COMMIT"));
            return true;
        }
        catch
        {
            if (raw.sqlite3_get_autocommit(db) == 0) raw.sqlite3_exec(db, "ROLLBACK");
            throw;
        }
    }

    /// <summary>Whether the store holds nothing at all yet (a new file, or one of zero bytes).</summary>
    private static bool IsEmpty(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master";
        return (long)cmd.ExecuteScalar()! == 0;
    }

    private static void Check(SqliteConnection connection, int rc)
    {
        if (rc != raw.SQLITE_OK)
            throw new SqliteException($"SQLite: {raw.sqlite3_errmsg(connection.Handle!).utf8_to_string()}", rc,
                raw.sqlite3_extended_errcode(connection.Handle!));
    }

    /// <summary>The migrations of <see cref="BenefitsDbContext"/> in the migrations assembly, by id, as Entity Framework finds them.</summary>
    public static IReadOnlyList<string> MigrationIds() =>
        Assembly.Load(BenefitsStore.SqliteMigrationsAssembly).GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract
                && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(BenefitsDbContext))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>The embedded script, or null if the migrations assembly carries none.</summary>
    public static SchemaScript? Load()
    {
        using var stream = Assembly.Load(BenefitsStore.SqliteMigrationsAssembly).GetManifestResourceStream(ResourceName);
        if (stream is null) return null;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new SchemaScript(reader.ReadToEnd());
    }

    /// <summary>
    /// The script that recreates <paramref name="migrated"/>'s schema (a store the migrations have just created): its
    /// tables, then its indexes, views and triggers, each statement as SQLite holds it in sqlite_master, then the
    /// migration history's rows. SQLite's own objects (sqlite_sequence, the automatic indexes) come by themselves.
    /// </summary>
    public static string Script(SqliteConnection migrated)
    {
        var sb = new StringBuilder();
        sb.Append("-- The schema the SQLite migrations end with, for an empty store (FreshStore.cs). Generated: do not edit.\n");
        sb.Append("-- Regenerate: BENEFITS_WRITE_FRESH_STORE=1 dotnet test tests/BenefitsTracker.Ingestion.Tests " +
                  "--filter FullyQualifiedName~The_script_is_what_the_migrations_produce_now\n");
        using (var cmd = migrated.CreateCommand())
        {
            cmd.CommandText = "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' " +
                              "ORDER BY type <> 'table', rowid";
            using var r = cmd.ExecuteReader();
            while (r.Read()) sb.Append(r.GetString(0)).Append(";\n");
        }
        using (var cmd = migrated.CreateCommand())
        {
            cmd.CommandText = $"SELECT \"MigrationId\", \"ProductVersion\" FROM \"{HistoryTable}\" ORDER BY \"MigrationId\"";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                sb.Append($"INSERT INTO \"{HistoryTable}\" (\"MigrationId\", \"ProductVersion\") VALUES ('{r.GetString(0)}', " +
                          $"'{r.GetString(1)}');\n");
        }
        return sb.ToString();
    }

    /// <summary>The script and the migration ids its history rows list.</summary>
    public sealed class SchemaScript(string sql)
    {
        private static readonly string Insert = $"INSERT INTO \"{HistoryTable}\" (\"MigrationId\", \"ProductVersion\") VALUES ('";

        public string Sql { get; } = sql;

        public IReadOnlyList<string> MigrationIds { get; } = sql.Split('\n')
            .Where(line => line.StartsWith(Insert, StringComparison.Ordinal))
            .Select(line => line[Insert.Length..line.IndexOf('\'', Insert.Length)])
            .ToList();

        /// <summary>The Entity Framework versions its history rows name (the one that generated it).</summary>
        public IReadOnlyList<string> ProductVersions { get; } = sql.Split('\n')
            .Where(line => line.StartsWith(Insert, StringComparison.Ordinal))
            .Select(line => line[(line.LastIndexOf(", '", StringComparison.Ordinal) + 3)..line.LastIndexOf('\'')])
            .Distinct(StringComparer.Ordinal)
            .ToList();

        /// <summary>
        /// Whether Entity Framework <paramref name="version"/> generated it: after an upgrade the migrations' SQL may differ, so
        /// an older script is not used (the store is migrated) until the script is regenerated.
        /// </summary>
        public bool MadeBy(string version) => ProductVersions.Count == 1 && ProductVersions[0] == version;

        /// <summary>Whether the script lists exactly these migrations (in any order).</summary>
        public bool Lists(IReadOnlyCollection<string> ids) =>
            MigrationIds.Count == ids.Count && MigrationIds.Order(StringComparer.Ordinal).SequenceEqual(ids.Order(StringComparer.Ordinal));
    }
}
