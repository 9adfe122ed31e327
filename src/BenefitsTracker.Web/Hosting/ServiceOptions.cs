namespace BenefitsTracker.Web.Hosting;

/// <summary>
/// The service's settings (section <c>Benefits</c>): appsettings.json, then environment variables
/// <c>BENEFITS__...</c>, then `benefits serve` flags on top (docs/service.md, "Configure").
/// </summary>
public sealed class ServiceOptions
{
    public const string Section = "Benefits";

    /// <summary>Addresses to listen on (`--urls`).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";
    /// <summary>The store (`--db`): sqlite:PATH or postgres:...; empty means $BENEFITS_DB, else sqlite:data/benefits.db.</summary>
    public string? Db { get; set; }
    /// <summary>The folder the ingest-inbox job watches (`--inbox`; used by the jobs).</summary>
    public string? Inbox { get; set; }
    /// <summary>The folder the monthly-reports job writes to (`--reports`); also where report downloads are built.</summary>
    public string? Reports { get; set; }
    /// <summary>The file holding the secret API key hashes are keyed with; empty means beside the SQLite file.</summary>
    public string? KeySecretFile { get; set; }
    /// <summary>
    /// Where posted bodies are staged and their rejected rows kept (the registry names those files, and a body sent
    /// again is answered from them, so they must outlive a restart). Empty means beside the SQLite file
    /// (<c>benefits.db.work/</c>), or <c>data/benefits-work/</c> under the working folder with PostgreSQL; several
    /// nodes should share one folder.
    /// </summary>
    public string? WorkFolder { get; set; }
    /// <summary>When true, the dashboard is readable without a key; the API always needs one.</summary>
    public bool PublicDashboard { get; set; }
    /// <summary>The largest request body accepted (bytes); a larger one is answered 413 before it is read whole.</summary>
    public long MaxBodyBytes { get; set; } = 50L * 1024 * 1024;
    public RateLimitOptions RateLimit { get; set; } = new();
    public CacheOptions Cache { get; set; } = new();
    /// <summary>How long Ctrl-C / SIGTERM waits for in-flight requests to finish.</summary>
    public int ShutdownSeconds { get; set; } = 30;
}

/// <summary>Requests per key (per address without a key): a token bucket refilled every second.</summary>
public sealed class RateLimitOptions
{
    public int PermitsPerSecond { get; set; } = 50;
    public int Burst { get; set; } = 100;
}

public sealed class CacheOptions
{
    /// <summary>Computed results kept (scope × period × service).</summary>
    public int Capacity { get; set; } = 1000;
    /// <summary>How often the store is checked for ingests made by other processes.</summary>
    public int StoreCheckSeconds { get; set; } = 2;
}
