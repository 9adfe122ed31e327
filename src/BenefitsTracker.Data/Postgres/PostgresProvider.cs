using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BenefitsTracker.Data.Postgres;

/// <summary>What is particular to PostgreSQL: the context options, and opening a store for writing or reading.</summary>
internal static class PostgresProvider
{
    /// <summary>SQLSTATE of "database does not exist".</summary>
    private const string NoSuchDatabase = "3D000";

    public static DbContextOptions<BenefitsDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<BenefitsDbContext>()
            .UseNpgsql(connectionString, x => x.MigrationsAssembly(BenefitsStore.PostgresMigrationsAssembly))
            .Options;

    /// <summary>
    /// A writer's context: the database is created when missing (the role needs CREATEDB for that) and migrated,
    /// as a SQLite file is on first use. EF Core's migration lock keeps two nodes starting at once from both migrating.
    /// </summary>
    public static async Task<BenefitsDbContext> OpenAsync(DatabaseTarget target, CancellationToken ct)
    {
        var context = new BenefitsDbContext(Options(target.Location));
        try
        {
            // Migrating costs a second or more even with nothing to apply (EF Core builds and compares the migrations'
            // models), so a current database is only checked: the common case for every command after the first.
            if (!await IsCurrentAsync(context, ct)) await context.Database.MigrateAsync(ct);
            await context.Database.OpenConnectionAsync(ct);
            return context;
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>True when the database exists and has every migration applied.</summary>
    private static async Task<bool> IsCurrentAsync(BenefitsDbContext context, CancellationToken ct)
    {
        try
        {
            return !(await context.Database.GetPendingMigrationsAsync(ct)).Any();
        }
        catch (PostgresException e) when (e.SqlState == NoSuchDatabase)
        {
            return false;
        }
    }

    /// <summary>
    /// A reader's context: a missing database is "no such database" (nothing is created); a current one is opened
    /// with read-only transactions; an older one is migrated first, as a writer would.
    /// </summary>
    public static async Task<BenefitsDbContext> OpenForReadingAsync(DatabaseTarget target, CancellationToken ct)
    {
        var context = new BenefitsDbContext(Options(target.Location));
        bool pending;
        try
        {
            try
            {
                await context.Database.OpenConnectionAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == NoSuchDatabase)
            {
                throw new StoreUnavailableException(
                    $"no such database: {target} (check --db or {DatabaseTarget.EnvironmentVariable}; 'benefits ingest' or 'benefits db " +
                    $"migrate' creates one)",
                    isUserError: true, e);
            }
            pending = (await context.Database.GetPendingMigrationsAsync(ct)).Any();
            if (!pending)
            {
                // Session state is discarded when the pooled connection is returned.
                await context.Database.ExecuteSqlRawAsync("SET default_transaction_read_only = on", ct);
                return context;
            }
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
        await context.DisposeAsync();
        return await OpenAsync(target, ct);
    }
}
