using BenefitsTracker.Application.Keys;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Web.Auth;
using BenefitsTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BenefitsTracker.Web.Apis;

/// <summary>GET /api/v1/councils/{gss}/savings: the manifest's shape, equal to the report's manifest.json to the penny.</summary>
public static class SavingsApi
{
    public static IEndpointRouteBuilder MapSavingsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/councils/{gss}/savings", GetAsync)
            .WithTags("Savings").RequireAuthorization(ServiceHost.ApiPolicy).RequireRateLimiting(ServiceHost.RatePolicy)
            .WithName("GetSavings")
            .WithSummary("A council's savings for a period (manifest.json's shape)")
            .WithDescription("from and to are months (YYYY-MM); service (a slug) narrows to one service. A read or write key of the same council.")
            .Produces(200, contentType: "application/json").AddOpenApiOperationTransformer(ManifestSchema.Describe)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        HttpContext context, string gss, string? from, string? to, string? service, ScopeOutputs outputs, CancellationToken ct)
    {
        var key = context.User.Key()!;
        if (!key.CanReadCouncil(gss))
            return Problems.Forbidden($"this key reads council {key.CouncilCode ?? key.ConsortiumId ?? "?"} ({key.Scope.Key()}), not {gss}");
        if (!ScopeOutputs.TryKey(ScopeKind.Council, gss, from, to, service, out var scope, out var problem)) return Problems.BadRequest(problem);
        var answer = await ScopeOutputs.Guard(async () =>
            TypedResults.Bytes(await ScopeOutputs.ManifestAsync(await outputs.ReportAsync(scope, ct)), "application/json"));
        return answer.Result is FileContentHttpResult ok ? ok : (ProblemHttpResult)answer.Result;
    }
}
