using BenefitsTracker.Application.Keys;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Web.Auth;
using BenefitsTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BenefitsTracker.Web.Apis;

/// <summary>GET /api/v1/councils/{gss}/reports/{from}..{to}/{file} (and consortia/{id}/...): the files `benefits report` writes.</summary>
public static class ReportFilesApi
{
    public static IEndpointRouteBuilder MapReportFilesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/councils/{gss}/reports/{period}/{file}",
                (HttpContext context, string gss, string period, string file, string? service, ScopeOutputs outputs, CancellationToken ct) =>
                    ServeAsync(context.User.Key(), ScopeKind.Council, gss, period, file, service, outputs, ct))
            .AsReportFileRoute()
            .WithName("GetReportFile")
            .WithSummary("One file of a council's report: savings.xlsx, report.html or manifest.json")
            .WithDescription("period is FROM..TO in months, e.g. 2024-04..2025-03; service (a slug) narrows to one service. The same files " +
                "`benefits report` writes.");
        app.MapGet("/api/v1/consortia/{id}/reports/{period}/{file}",
                (HttpContext context, string id, string period, string file, ScopeOutputs outputs, CancellationToken ct) =>
                    ServeAsync(context.User.Key(), ScopeKind.Consortium, id, period, file, null, outputs, ct))
            .AsReportFileRoute()
            .WithName("GetConsortiumReportFile")
            .WithSummary("One file of a consortium's report: savings.xlsx, report.html or manifest.json")
            .WithDescription("period is FROM..TO in months, e.g. 2024-04..2025-03. The consortium's consortium-read key. Small numbers are " +
                "suppressed as in `benefits report --consortium`.");
        return app;
    }

    /// <summary>What every report-file route shares: its tag, key, rate limit and answers.</summary>
    private static RouteHandlerBuilder AsReportFileRoute(this RouteHandlerBuilder route) =>
        route.WithTags("Reports").RequireAuthorization(ServiceHost.ApiPolicy).RequireRateLimiting(ServiceHost.RatePolicy)
            .Produces(200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(429);

    /// <summary>Shared with the dashboard's download links (which authenticate by its cookie, or not at all when public).</summary>
    internal static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> ServeAsync(
        KeyPrincipal? key, ScopeKind kind, string id, string period, string file, string? service, ScopeOutputs outputs, CancellationToken ct)
    {
        if (key is not null && !(kind == ScopeKind.Council ? key.CanReadCouncil(id) : key.CanReadConsortium(id)))
            return Problems.Forbidden($"this key reads {key.CouncilCode ?? key.ConsortiumId} ({key.Scope.Key()}), not " +
                $"{(kind == ScopeKind.Council ? "council" : "consortium")} {id}");
        if (!ScopeOutputs.Files.TryGetValue(file, out var contentType))
            return Problems.Of(404, "No such file", $"a report holds {string.Join(", ", ScopeOutputs.Files.Keys)}, not '{file}'");
        var parts = period.Split("..");
        if (parts.Length != 2) return Problems.BadRequest($"the period '{period}' is not FROM..TO, e.g. 2024-04..2025-03");
        if (!ScopeOutputs.TryKey(kind, id, parts[0], parts[1], service, out var scope, out var problem)) return Problems.BadRequest(problem);
        var answer = await ScopeOutputs.Guard(async () =>
        {
            var folder = await outputs.FilesFolderAsync(await outputs.ReportAsync(scope, ct), ct);
            return TypedResults.PhysicalFile(Path.Combine(folder, file), contentType,
                fileDownloadName: file.EndsWith(".html", StringComparison.Ordinal) ? null : $"{scope.Stem}-{file}");
        });
        return answer.Result is PhysicalFileHttpResult ok ? ok : (ProblemHttpResult)answer.Result;
    }
}
