using BenefitsTracker.Data;
using Quartz;

namespace BenefitsTracker.Web.Jobs;

/// <summary>
/// Where Quartz keeps its schedule: the service's own store (SPEC.md, Scheduled jobs). The one place the job store
/// is chosen, so that PostgreSQL with clustering (several nodes sharing the schedule) slots in here.
/// </summary>
public static class JobStore
{
    /// <summary>Why the scheduler cannot keep its schedule in <paramref name="target"/>, or null when it can.</summary>
    public static string? Unsupported(DatabaseTarget target) => target.Provider switch
    {
        DatabaseProvider.Sqlite => null,
        _ => $"the scheduler's job store on {target.Provider} (Quartz clustering, so that several nodes share one schedule) is not built yet; " +
             "the service runs without a scheduler there, and `benefits jobs run NAME` runs a job by hand",
    };

    public static void Configure(IQuartzBuilder q, DatabaseTarget target)
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
            default:
                // PostgreSQL: s.UsePostgres(connection string) with s.UseClustering(...) and a generated instance id
                // (STACK-NOTES.md, Quartz), when the store itself runs on PostgreSQL.
                throw new NotSupportedException(Unsupported(target));
        }
    }
}
