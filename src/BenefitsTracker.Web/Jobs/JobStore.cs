using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Data;
using Quartz;

namespace BenefitsTracker.Web.Jobs;

/// <summary>
/// Where Quartz keeps its schedule: the service's own store (SPEC.md, Scheduled jobs). On SQLite, one node and the
/// QRTZ_* tables created at start. On PostgreSQL, Quartz's clustered ADO.NET store: every `benefits serve` node on the
/// same database shares one schedule, each fire is taken by one node (database row locks), a node that stops checking
/// in is declared dead after Benefits:Jobs:ClusterFailoverSeconds and its running jobs (which request recovery) are
/// run again by another node. The qrtz_* tables come from a migration (QuartzJobStore), not from the scheduler.
/// </summary>
public static class JobStore
{
    /// <summary>Why the scheduler cannot keep its schedule in <paramref name="target"/>, or null when it can.</summary>
    public static string? Unsupported(DatabaseTarget target) => target.Provider switch
    {
        DatabaseProvider.Sqlite or DatabaseProvider.Postgres => null,
        _ => $"the scheduler has no job store on {target.Provider}; `benefits jobs run NAME` runs a job by hand",
    };

    public static void Configure(IQuartzBuilder q, DatabaseTarget target, JobOptions options)
    {
        switch (target.Provider)
        {
            case DatabaseProvider.Sqlite:
                q.UsePersistentStore(s =>
                {
                    // The QRTZ_* tables in the same file as the data, created at start when missing (safe to repeat).
                    s.UseSqlite(BenefitsStore.SqliteConnectionString(target));
                    s.ProvisionSchema();
                });
                break;
            case DatabaseProvider.Postgres:
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(target.Location);
                    s.ConfigureStore(o => o.TablePrefix = "qrtz_");
                    // Each node gets an instance id of its own (host name and clock); the schema is checked, not created.
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(options.ClusterCheckinSeconds);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.ClusterFailoverSeconds);
                    });
                });
                break;
            default:
                throw new NotSupportedException(Unsupported(target));
        }
    }
}
