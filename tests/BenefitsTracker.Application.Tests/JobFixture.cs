using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Data;
using BenefitsTracker.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Application.Tests;

/// <summary>A clock that says what the test tells it: no test waits for real time.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A fresh folder with a real SQLite store, an inbox and a reports folder; removed afterwards.</summary>
public sealed class JobFixture : IDisposable
{
    public JobFixture()
    {
        Folder = Directory.CreateTempSubdirectory("bt-jobs-").FullName;
        Target = DatabaseTarget.Parse("sqlite:" + Path.Combine(Folder, "store.db"));
        Inbox = Path.Combine(Folder, "inbox");
        Reports = Path.Combine(Folder, "reports");
        Directory.CreateDirectory(Inbox);
    }

    public string Folder { get; }
    public DatabaseTarget Target { get; }
    public string Inbox { get; }
    public string Reports { get; }
    public FixedClock Clock { get; } = new(DateTimeOffset.UtcNow);
    public JobOptions Options { get; } = new();

    public JobRunner Runner => new(Target, Options, Clock) { Inbox = Inbox, Reports = Reports };

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "sample-data", name);

    /// <summary>Ingests files as `benefits ingest` does.</summary>
    public async Task IngestAsync(params string[] paths)
    {
        await using var db = await BenefitsStore.OpenAsync(Target);
        await new Ingestor(db).IngestAsync(paths);
    }

    public Task SeedSampleAsync() =>
        IngestAsync(Sample("councils.csv"), Sample("assumptions.json"), Sample("costs.csv"), Sample("cases.csv"), Sample("events.csv"));

    /// <summary>A file in the inbox, last written <paramref name="age"/> before the clock's now (default: long enough ago to be complete).</summary>
    public string Drop(string name, string content, TimeSpan? age = null)
    {
        var path = Path.Combine(Inbox, name);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, (Clock.Now - (age ?? TimeSpan.FromMinutes(10))).UtcDateTime);
        return path;
    }

    public async Task<long> CountAsync(Func<BenefitsDbContext, Task<long>> count)
    {
        await using var db = new BenefitsDbContext(BenefitsStore.Options(Target));
        return await count(db);
    }

    public Task<long> EventsAsync() => CountAsync(db => db.UsageEvents.LongCountAsync());

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
