using BenefitsTracker.Application.Reporting;
using Microsoft.Extensions.Options;

namespace BenefitsTracker.Web.Hosting;

/// <summary>Notices ingests made by other processes (`benefits ingest`, another node), so cached results go stale.</summary>
internal sealed class StoreVersionPoller(ScopeReports reports, StoreVersion version, IOptions<ServiceOptions> options,
    ILogger<StoreVersionPoller> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.Cache.StoreCheckSeconds)));
        try
        {
            do
            {
                try { version.Observe(await reports.StoreVersionAsync(stoppingToken)); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Could not read the store's version; cached results are kept until it answers");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) { /* the host is stopping */ }
    }
}
