using BenefitsTracker.Application.Keys;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Web.Auth;
using BenefitsTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BenefitsTracker.Web.Apis;

/// <summary>GET /api/v1/consortia/{id}/comparison: the consortium's manifest, small numbers suppressed as in its outputs.</summary>
public static class ConsortiaApi
{
    public static IEndpointRouteBuilder MapConsortiaApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/consortia/{id}/comparison", GetAsync)
            .WithTags("Consortia").RequireAuthorization(ServiceHost.ApiPolicy).RequireRateLimiting(ServiceHost.RatePolicy)
            .WithName("GetComparison")
            .WithSummary("A consortium's comparison of its members for a period, with suppression applied")
            .WithDescription("Exactly the consortium's manifest.json: members side by side, counts below the threshold as \"<N\", hidden cells as " +
                "\"[c]\". A consortium-read key of the same consortium.")
            .Produces(200, contentType: "application/json").AddOpenApiOperationTransformer(ManifestSchema.Describe)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        HttpContext context, string id, string? from, string? to, ScopeOutputs outputs, CancellationToken ct)
    {
        var key = context.User.Key()!;
        if (!key.CanReadConsortium(id)) return Problems.Forbidden($"reading consortium {id}'s comparison needs its consortium-read key; this key " +
            $"is {key.Scope.Key()} for {key.CouncilCode ?? key.ConsortiumId}");
        if (!ScopeOutputs.TryKey(ScopeKind.Consortium, id, from, to, null, out var scope, out var problem)) return Problems.BadRequest(problem);
        var answer = await ScopeOutputs.Guard(async () =>
            TypedResults.Bytes(await ScopeOutputs.ManifestAsync(await outputs.ReportAsync(scope, ct)), "application/json"));
        return answer.Result is FileContentHttpResult ok ? ok : (ProblemHttpResult)answer.Result;
    }
}
