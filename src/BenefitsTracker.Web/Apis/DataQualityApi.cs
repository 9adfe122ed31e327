using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Web.Auth;
using BenefitsTracker.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Web.Apis;

/// <summary>GET /api/v1/data-quality: the latest data-quality findings about the key's council (a consortium key: its members).</summary>
public static class DataQualityApi
{
    public static IEndpointRouteBuilder MapDataQualityApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/data-quality", async (HttpContext context, ServiceStore store, CancellationToken ct) =>
            {
                var key = context.User.Key()!;
                await using var db = store.OpenRead();
                IReadOnlyCollection<string> owners = key.CouncilCode is { } council ? [council]
                    : await db.Councils.AsNoTracking().Where(c => c.ConsortiumId == key.ConsortiumId).Select(c => c.Code).ToListAsync(ct);
                return TypedResults.Ok(await new DataQualityFindings(db).ListAsync(owners, ct));
            })
            .WithTags("Jobs").RequireAuthorization(ServiceHost.ApiPolicy).RequireRateLimiting(ServiceHost.RatePolicy)
            .WithName("GetDataQuality")
            .WithSummary("The data-quality job's latest findings about the key's council: gaps, spikes and drops, stale feeds, rejected files, " +
                "implausible officer minutes")
            .ProducesProblem(401).ProducesProblem(429);
        return app;
    }
}
