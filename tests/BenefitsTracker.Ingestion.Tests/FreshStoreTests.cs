using BenefitsTracker.Data;
using BenefitsTracker.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>
/// An empty SQLite store gets its schema from one script (src/BenefitsTracker.Data.Sqlite/FreshStore.sql) instead of
/// the migrations applied in turn: the script must be exactly what the migrations produce, and say so when it is not.
/// </summary>
public class FreshStoreTests
{
    private const string Regenerate = "BENEFITS_WRITE_FRESH_STORE=1 dotnet test tests/BenefitsTracker.Ingestion.Tests " +
        "--filter FullyQualifiedName~The_script_is_what_the_migrations_produce_now";

    [Fact]
    public void The_script_is_what_the_migrations_produce_now()
    {
        using var folder = new Folder();
        using var migrated = Migrated(folder.File("migrated.db"));
        var expected = FreshStore.Script(migrated);

        if (Environment.GetEnvironmentVariable("BENEFITS_WRITE_FRESH_STORE") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryRoot(), "src", "BenefitsTracker.Data.Sqlite", "FreshStore.sql"), expected);
            // Written; it is embedded at the next build. Failing says so, and keeps a variable left set from passing the check.
            Assert.Fail("BENEFITS_WRITE_FRESH_STORE=1: FreshStore.sql written; rebuild and rerun the tests without it.");
        }
        var script = FreshStore.Load();
        Assert.NotNull(script);
        Assert.True(expected == script.Sql,
            "src/BenefitsTracker.Data.Sqlite/FreshStore.sql is not the schema and history the SQLite migrations produce now (a " +
            $"migration was added or changed, or Entity Framework was upgraded). Regenerate it: {Regenerate}, then rebuild " +
            $"and rerun the tests.\n--- the migrations produce:\n{expected}\n--- the script says:\n{script.Sql}");
        Assert.True(script.Lists(FreshStore.MigrationIds()), $"the script's history does not list the migrations; {Regenerate}");
        Assert.NotEmpty(script.MigrationIds);
    }

    [Fact]
    public void An_empty_store_given_the_script_has_the_schema_and_history_of_one_given_the_migrations()
    {
        using var folder = new Folder();
        using var migrated = Migrated(folder.File("migrated.db"));
        using var scripted = Open(folder.File("scripted.db"));

        Assert.True(FreshStore.TryCreate(scripted));

        var schema = Dump(scripted);
        Assert.Equal(Dump(migrated), schema);
        Assert.Contains(schema, line => line.StartsWith("table|usage_events|", StringComparison.Ordinal)); // the dump is not empty
        Assert.Contains(schema, line => line.StartsWith("history|", StringComparison.Ordinal));
        // Entity Framework sees nothing to apply on the scripted store.
        using var context = new BenefitsDbContext(BenefitsStore.Options(DatabaseTarget.Parse("sqlite:" + folder.File("scripted.db"))));
        Assert.Empty(context.Database.GetPendingMigrations());
    }

    [Fact]
    public async Task Opening_a_new_store_uses_the_script_with_16_KB_pages_and_an_existing_one_is_left_to_the_migrations()
    {
        using var folder = new Folder();
        var target = DatabaseTarget.Parse("sqlite:" + folder.File("store.db"));
        await using (var store = await BenefitsStore.OpenAsync(target))
        {
            var connection = (SqliteConnection)store.Database.GetDbConnection();
            Assert.Equal(16384L, Scalar(connection, "PRAGMA page_size"));
            Assert.Equal(FreshStore.MigrationIds().Count, Scalar(connection, "SELECT count(*) FROM \"__EFMigrationsHistory\""));
            Assert.False(FreshStore.TryCreate(connection)); // not empty any more: never scripted twice
        }
        using var migrated = Migrated(folder.File("migrated.db"));
        using var opened = Open(folder.File("store.db"));
        Assert.Equal(Dump(migrated), Dump(opened));
        // What only the script does: every table is created before any index (the migrations create each table's indexes
        // after it), so the store was made by the script, not migrated.
        Assert.True(TablesFirst(opened), "the new store was migrated, not made by the script");
        Assert.False(TablesFirst(migrated));
    }

    [Fact]
    public void A_script_that_does_not_list_every_migration_is_not_used()
    {
        var ids = FreshStore.MigrationIds();
        var current = FreshStore.Load()!;
        Assert.True(current.Lists(ids));
        var withoutLast = new FreshStore.SchemaScript(string.Join('\n',
            current.Sql.Split('\n').Where(line => !line.Contains($"'{ids[^1]}'", StringComparison.Ordinal))));
        Assert.Equal(ids.Count - 1, withoutLast.MigrationIds.Count);
        Assert.False(withoutLast.Lists(ids));
        Assert.False(current.Lists([.. ids, "29991231000000_Later"]));
        // Nor one another version of Entity Framework generated (an upgrade may change the migrations' SQL).
        Assert.True(current.MadeBy(Microsoft.EntityFrameworkCore.Infrastructure.ProductInfo.GetVersion()));
        Assert.False(current.MadeBy("9.0.0"));
    }

    /// <summary>A new store created by Entity Framework's migrations alone, as before the script.</summary>
    private static SqliteConnection Migrated(string path)
    {
        using (var context = new BenefitsDbContext(BenefitsStore.Options(DatabaseTarget.Parse("sqlite:" + path))))
            context.Database.Migrate();
        return Open(path);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        return connection;
    }

    /// <summary>Everything in sqlite_master (SQLite's own objects too), the migration history and the lock table's rows.</summary>
    private static List<string> Dump(SqliteConnection c)
    {
        var lines = new List<string>();
        void Read(string sql, string prefix)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            while (r.Read())
                lines.Add(prefix + string.Join('|',
                    Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "NULL" : r.GetValue(i).ToString())));
        }
        Read("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name", "");
        Read("SELECT \"MigrationId\", \"ProductVersion\" FROM \"__EFMigrationsHistory\" ORDER BY 1", "history|");
        Read("SELECT * FROM \"__EFMigrationsLock\"", "lock|");
        Read("SELECT * FROM sqlite_sequence ORDER BY name", "sequence|");
        return lines;
    }

    /// <summary>Whether every table of the store (SQLite's own aside) comes before every index in sqlite_master.</summary>
    private static bool TablesFirst(SqliteConnection c) =>
        Scalar(c, "SELECT max(rowid) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'") <
        Scalar(c, "SELECT min(rowid) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL");

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (dir.EnumerateFiles("*.sln").Any() || dir.EnumerateFiles("*.slnx").Any()) return dir.FullName;
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds a .sln file");
    }

    private sealed class Folder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("bt-fresh-").FullName;
        public string File(string name) => Path.Combine(_path, name);
        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_path, recursive: true); } catch (IOException) { }
        }
    }
}
