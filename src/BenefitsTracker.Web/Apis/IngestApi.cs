using BenefitsTracker.Application.Ingest;
using BenefitsTracker.Application.Keys;
using BenefitsTracker.Application.Reporting;
using BenefitsTracker.Ingestion;
using BenefitsTracker.Web.Auth;
using BenefitsTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BenefitsTracker.Web.Apis;

/// <summary>POST /api/v1/events, /cases, /costs: a JSON array or NDJSON body, ingested as `benefits ingest` would a file.</summary>
public static class IngestApi
{
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Ingest").RequireAuthorization(ServiceHost.ApiPolicy).RequireRateLimiting(ServiceHost.RatePolicy);
        foreach (var (route, kind) in new[] { ("events", InputKind.Events), ("cases", InputKind.Cases), ("costs", InputKind.Costs) })
        {
            api.MapPost("/" + route, (HttpContext context, ServiceStore store, StoreVersion version, IOptions<ServiceOptions> options,
                TimeProvider clock, CancellationToken ct) =>
                    PostAsync(context, kind, store, version, options.Value, clock, ct))
                .WithName("Post" + char.ToUpperInvariant(route[0]) + route[1..])
                .WithSummary($"Add {route} for the key's council (JSON array or NDJSON)")
                .WithDescription($"The same validation, de-duplication, rollups and single transaction as `benefits ingest` of a {route} file. " +
                    "The answer counts received = accepted + rejected + duplicates and lists each rejected row's index and reason. Posting the " +
                        "same body twice adds nothing.")
                .Produces<BodyIngestResult>()
                .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415).ProducesProblem(429);
        }
        return app;
    }

    private static async Task<Results<Ok<BodyIngestResult>, ProblemHttpResult>> PostAsync(
        HttpContext context, InputKind kind, ServiceStore store, StoreVersion version, ServiceOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        var key = context.User.Key()!;
        if (key.Scope != KeyScope.Write || key.CouncilCode is not { } council)
            return Problems.Forbidden($"posting {kind.Key()} needs a council's write key; this key's scope is {key.Scope.Key()}");
        if (!TryFormat(context.Request.ContentType, out var format))
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"send Content-Type application/json (a JSON array of rows) or application/x-ndjson (one JSON object a line), not " +
                    $"'{context.Request.ContentType ?? "none"}'");
        if (context.Request.ContentLength > options.MaxBodyBytes) return TooLarge(options);

        StagedBody staged;
        try
        {
            staged = await BodyIngest.StageAsync(context.Request.Body, format, kind, council, clock.GetUtcNow(), store.WorkFolder, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return TooLarge(options); }
        catch (MalformedBodyException e) { return Problems.BadRequest(e.Message); }
        catch (ForeignRowsException e) { return Problems.Forbidden(e.Message); }

        using (staged)
        {
            await store.WriteGate.WaitAsync(ct);
            try
            {
                await using var db = await store.OpenWriteAsync(ct);
                var result = await new BodyIngest(db).IngestAsync(staged, ct);
                // Cached results of this council go stale now, not at the next poll.
                version.Observe(await db.IngestedFiles.AsNoTracking().MaxAsync(f => (long?)f.Id, ct) ?? 0);
                return TypedResults.Ok(result);
            }
            catch (MalformedBodyException e) { return Problems.BadRequest(e.Message); }
            finally
            {
                store.WriteGate.Release();
            }
        }
    }

    private static ProblemHttpResult TooLarge(ServiceOptions options) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "The body is too large",
            $"a body may hold at most {options.MaxBodyBytes:N0} bytes (setting Benefits:MaxBodyBytes); send the rows in several requests");

    private static bool TryFormat(string? contentType, out BodyFormat format)
    {
        format = BodyFormat.JsonArray;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)) return false;
        switch (media.MediaType.Value?.ToLowerInvariant())
        {
            case "application/json": format = BodyFormat.JsonArray; return true;
            case "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines":
                format = BodyFormat.Ndjson; return true;
            default: return false;
        }
    }
}
