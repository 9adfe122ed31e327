using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BenefitsTracker.Web.Hosting;

/// <summary>Ready when the store answers a query.</summary>
internal sealed class StoreHealthCheck(ServiceStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = store.OpenRead();
            await db.IngestedFiles.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("the store answers");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("the store does not answer: " + e.Message);
        }
    }
}
