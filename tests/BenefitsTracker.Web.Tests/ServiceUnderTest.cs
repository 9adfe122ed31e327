using System.Text.Json.Nodes;
using BenefitsTracker.Application.Keys;
using BenefitsTracker.Application.Reporting;
using BenefitsTracker.Data;
using BenefitsTracker.Ingestion;
using BenefitsTracker.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BenefitsTracker.Web.Tests;

/// <summary>
/// The real host (`benefits serve`'s <see cref="ServiceHost"/>) on Kestrel at 127.0.0.1 on a free port, over a
/// real SQLite file in its own temporary folder, loaded with the sample data through the file ingest.
/// </summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    public const string Conwy = "W06000003", Anglesey = "W06000001", Consortium = "north-wales";

    private readonly WebApplication _app;

    private ServiceUnderTest(string folder, WebApplication app, HttpClient client, DatabaseTarget target)
    {
        Folder = folder;
        _app = app;
        Client = client;
        Target = target;
    }

    public string Folder { get; }
    public HttpClient Client { get; }
    public DatabaseTarget Target { get; }
    public string Url => Client.BaseAddress!.ToString().TrimEnd('/');
    public ResultCache Cache => _app.Services.GetRequiredService<ResultCache>();
    public IServiceProvider Services => _app.Services;

    /// <summary>Sample data files, copied beside the test binaries.</summary>
    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "sample-data", name);

    /// <param name="events">Which events file to load (all the sample's events by default; null for none).</param>
    public static async Task<ServiceUnderTest> StartAsync(Dictionary<string, string?>? settings = null, string? events = "events.csv")
    {
        var folder = Directory.CreateTempSubdirectory("bt-web-test-").FullName;
        var target = DatabaseTarget.Parse("sqlite:" + Path.Combine(folder, "store.db"));
        await SeedAsync(target, events is null ? [] : [events == "events.csv" ? Sample(events) : events]);
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Benefits:Urls"] = "http://127.0.0.1:0",
            ["Benefits:Db"] = "sqlite:" + target.Location,
            ["Benefits:Reports"] = Path.Combine(folder, "reports"),
            ["Benefits:RateLimit:PermitsPerSecond"] = "10000",
            ["Benefits:RateLimit:Burst"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in settings ?? []) overrides[k] = v;
        var app = ServiceHost.Build(overrides);
        await ServiceHost.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(3) };
        return new ServiceUnderTest(folder, app, client, target);
    }

    /// <summary>Councils, assumptions, costs and cases of the sample, then the given events files: as `benefits ingest`.</summary>
    public static async Task SeedAsync(DatabaseTarget target, IReadOnlyList<string> eventFiles)
    {
        await using var db = await BenefitsStore.OpenAsync(target);
        await new Ingestor(db)
            .IngestAsync([Sample("councils.csv"), Sample("assumptions.json"), Sample("costs.csv"), Sample("cases.csv"), .. eventFiles]);
    }

    public async Task<string> KeyAsync(string owner, KeyScope scope = KeyScope.Write, string? name = null)
    {
        await using var db = await BenefitsStore.OpenAsync(Target);
        var hasher = KeyHasher.FromFile(KeySecretFile.Resolve(Target, null));
        return (await new ApiKeys(db, hasher).CreateAsync(owner, scope, name, DateTimeOffset.UtcNow)).Key;
    }

    /// <summary>What the store holds: usage events, registered files, rollup rows. A refused request changes none.</summary>
    public async Task<(long Events, long Files, long Rollups)> CountsAsync()
    {
        await using var db = new BenefitsDbContext(BenefitsStore.Options(Target));
        return (await db.UsageEvents.LongCountAsync(), await db.IngestedFiles.LongCountAsync(), await db.UsageRollups.LongCountAsync());
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, HttpContent? content = null) =>
        await Client.SendAsync(Request(method, path, key, content));

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
