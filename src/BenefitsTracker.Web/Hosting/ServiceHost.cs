using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using BenefitsTracker.Application.Keys;
using BenefitsTracker.Application.Reporting;
using BenefitsTracker.Data;
using BenefitsTracker.Web.Apis;
using BenefitsTracker.Web.Auth;
using BenefitsTracker.Web.Dashboard;
using BenefitsTracker.Web.Jobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BenefitsTracker.Web.Hosting;

/// <summary>
/// Builds the web host of `benefits serve`: configuration (appsettings.json, BENEFITS__ environment variables,
/// flags on top), the store, keys, rate limits, the API modules, the dashboard, health checks and the scheduler
/// (Quartz, <see cref="JobScheduling"/>).
/// </summary>
public static class ServiceHost
{
    public const string ApiPolicy = "api-key", RatePolicy = "per-key", DashboardScheme = "Dashboard";

    /// <param name="overrides">Settings from command-line flags (keys like "Benefits:Db"); they win over everything.</param>
    /// <param name="configure">Extra registrations (tests).</param>
    public static WebApplication Build(IReadOnlyDictionary<string, string?> overrides, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile("appsettings.json", optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ "; o.UseUtcTimestamp = true; });

        var section = builder.Configuration.GetSection(ServiceOptions.Section);
        builder.Services.Configure<ServiceOptions>(section);
        var settings = section.Get<ServiceOptions>() ?? new ServiceOptions();
        builder.WebHost.UseUrls(settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = settings.MaxBodyBytes);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(settings.ShutdownSeconds));

        var target = ServiceStore.Resolve(settings.Db);
        var store = new ServiceStore(target, ServiceStore.ResolveWorkFolder(target, settings.WorkFolder));
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(TimeProvider.System);
        // Only ingest and demo create a store: a mistyped --db is refused before anything (the key secret) is made beside it.
        BenefitsStore.RequireExists(target);
        builder.Services.AddSingleton(KeyHasher.FromFile(KeySecretFile.Resolve(target, settings.KeySecretFile)));
        builder.Services.AddSingleton(sp =>
            new ApiKeyVerifier(store.OpenRead, sp.GetRequiredService<KeyHasher>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(new ScopeReports(store.OpenRead));
        builder.Services.AddSingleton<StoreVersion>();
        builder.Services.AddSingleton(sp => new ResultCache(sp.GetRequiredService<ScopeReports>(), sp.GetRequiredService<StoreVersion>(),
            sp.GetRequiredService<TimeProvider>(), settings.Cache.Capacity));
        builder.Services.AddSingleton<ScopeOutputs>();
        builder.Services.AddSingleton<DashboardAccess>();
        builder.AddJobScheduler(settings, target, store);
        builder.Services.AddHostedService<StoreVersionPoller>();

        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);

        builder.Services.AddAuthentication(o => o.DefaultScheme = "key-or-cookie")
            .AddPolicyScheme("key-or-cookie", "API key or dashboard cookie", o =>
                o.ForwardDefaultSelector = c =>
                    c.Request.Headers.ContainsKey(ApiKeyAuthentication.Header) ? ApiKeyAuthentication.SchemeName : DashboardScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddCookie(DashboardScheme, o =>
            {
                o.Cookie.Name = "benefits_dashboard";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.LoginPath = "/login";
            });
        builder.Services.AddAuthorization(o =>
            o.AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser()));
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(RatePolicy, context =>
            {
                var partition = context.User.FindFirst(KeyClaims.KeyId)?.Value is { } id ? "key:" + id : "ip:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, settings.RateLimit.Burst),
                    TokensPerPeriod = Math.Max(1, settings.RateLimit.PermitsPerSecond),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.Write(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"this key may make {settings.RateLimit.PermitsPerSecond} requests a second (bursts of {settings.RateLimit.Burst}); try again " +
                        $"in {seconds} s");
            };
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseRequestLine();
        app.UseStatusCodePages(StatusPages.WriteAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi();
        // Handlers rather than MapHealthChecks, so that both are in the OpenAPI document like every other route.
        app.MapGet("/health", () => TypedResults.Text("Healthy"))
            .WithTags("Health").WithName("Health").WithSummary("Liveness: the process answers")
            .WithDescription("No key needed. 200 \"Healthy\" while the process serves.").Produces(200, contentType: "text/plain");
        app.MapGet("/health/ready", async (HealthCheckService checks, CancellationToken ct) =>
            {
                var report = await checks.CheckHealthAsync(c => c.Tags.Contains("ready"), ct);
                return TypedResults.Text(report.Status.ToString(), statusCode: report.Status == HealthStatus.Healthy ? 200 : 503);
            })
            .WithTags("Health").WithName("Ready").WithSummary("Readiness: the store answers")
            .WithDescription("No key needed. 200 \"Healthy\" when the store answers; 503 with its status otherwise.")
            .Produces(200, contentType: "text/plain").Produces(503, contentType: "text/plain");
        app.MapIngestApi();
        app.MapSavingsApi();
        app.MapConsortiaApi();
        app.MapReportFilesApi();
        app.MapJobsApi();
        app.MapDataQualityApi();
        app.MapDashboard();
        app.MapJobPages();
        return app;
    }

    /// <summary>Migrates the store, then serves until Ctrl-C / SIGTERM; in-flight requests finish (ShutdownSeconds).</summary>
    public static async Task RunAsync(WebApplication app, CancellationToken ct)
    {
        await PrepareAsync(app, ct);
        await app.RunAsync();
    }

    /// <summary>
    /// Applies the migrations once, before the first request, reads the store's version and puts the jobs'
    /// triggers in place. The store must exist (only ingest and demo create one): a mistyped --db is refused as
    /// "no such database" with its path.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The store is missing or not a database.</exception>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct)
    {
        var store = app.Services.GetRequiredService<ServiceStore>();
        await (await BenefitsStore.OpenForReadingAsync(store.Target, ct)).DisposeAsync();
        Directory.CreateDirectory(store.WorkFolder);
        await using (var db = await store.OpenWriteAsync(ct)) { }
        app.Services.GetRequiredService<StoreVersion>().Observe(await app.Services.GetRequiredService<ScopeReports>().StoreVersionAsync(ct));
        await JobScheduling.SyncAsync(app.Services, ct);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BenefitsTracker.Serve");
        var options = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;
        log.LogInformation("Store {Store}; dashboard {Access}", store.Target.Provider + ":" + store.Target.Location,
            options.PublicDashboard ? "public" : "behind a key (sign in at /login)");
    }
}
