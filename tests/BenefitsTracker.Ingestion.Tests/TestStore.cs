using BenefitsTracker.Data;
using BenefitsTracker.Tests.Shared;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>A fresh folder and SQLite store per test, removed afterwards.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private TestStore(string folder, DatabaseTarget target, BenefitsDbContext db)
    {
        Folder = folder;
        Target = target;
        Db = db;
    }

    public string Folder { get; }
    public DatabaseTarget Target { get; }
    public BenefitsDbContext Db { get; private set; }
    public Ingestor Ingestor => new(Db);
    public StoreQueries Queries => new(Db);

    public static async Task<TestStore> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bt-ingest-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var target = DatabaseTarget.Parse("sqlite:" + Path.Combine(folder, "store.db"));
        return new TestStore(folder, target, await BenefitsStore.OpenAsync(target));
    }

    /// <summary>
    /// A fresh store on <paramref name="provider"/> ("sqlite", or "postgres": a new database on the test process's
    /// throwaway cluster). Null when PostgreSQL is not installed and no tool is required (the test then passes with
    /// nothing checked); a failure when CI or BENEFITS_REQUIRE_TOOLS is set.
    /// </summary>
    public static async Task<TestStore?> CreateAsync(string provider)
    {
        if (provider == "sqlite") return await CreateAsync();
        if (Postgres.Server() is not { } server) return null;
        var folder = Path.Combine(Path.GetTempPath(), "bt-ingest-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var target = DatabaseTarget.Parse("postgres:" + server.ConnectionString(TestSupport.PostgresServer.NewDatabaseName()));
        return new TestStore(folder, target, await BenefitsStore.OpenAsync(target));
    }

    /// <summary>Writes a file in the test folder and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public Task<IngestSummary> IngestAsync(params string[] paths) => Ingestor.IngestAsync(paths, InputKind.Auto, null, CancellationToken.None);

    /// <summary>Closes and reopens the store, as a new process would.</summary>
    public async Task ReopenAsync()
    {
        await Db.DisposeAsync();
        Db = await BenefitsStore.OpenAsync(Target);
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await TestDatabases.DropAsync(Target);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
