using BenefitsTracker.Data;

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
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
