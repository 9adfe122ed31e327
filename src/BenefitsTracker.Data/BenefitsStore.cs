using BenefitsTracker.Data.Bulk;
using BenefitsTracker.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Data;

/// <summary>Opens the store named by a <see cref="DatabaseTarget"/>, creating and migrating it on first use.</summary>
public static class BenefitsStore
{
    /// <summary>The assembly that holds the SQLite migrations (one migrations assembly per provider).</summary>
    public const string SqliteMigrationsAssembly = "BenefitsTracker.Data.Sqlite";

    /// <summary>A context on an open connection with every migration applied. Dispose it when done.</summary>
    /// <exception cref="NotSupportedException">The provider is not available yet (PostgreSQL).</exception>
    public static async Task<BenefitsDbContext> OpenAsync(DatabaseTarget target, CancellationToken ct = default)
    {
        var context = new BenefitsDbContext(Options(target));
        try
        {
            await context.Database.OpenConnectionAsync(ct);
            SqliteProvider.ConfigureConnection((SqliteConnection)context.Database.GetDbConnection());
            await context.Database.MigrateAsync(ct);
            return context;
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>Options for a context on <paramref name="target"/>; the folder of a SQLite file is created.</summary>
    public static DbContextOptions<BenefitsDbContext> Options(DatabaseTarget target)
    {
        switch (target.Provider)
        {
            case DatabaseProvider.Sqlite:
                var folder = Path.GetDirectoryName(target.Location);
                if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
                return new DbContextOptionsBuilder<BenefitsDbContext>()
                    .UseSqlite(SqliteProvider.ConnectionString(target.Location), x => x.MigrationsAssembly(SqliteMigrationsAssembly))
                    .Options;
            case DatabaseProvider.Postgres:
                throw new NotSupportedException("PostgreSQL support is not available yet; use --db sqlite:PATH");
            default:
                throw new NotSupportedException($"unknown database provider {target.Provider}");
        }
    }

    /// <summary>The provider's native bulk path, on the context's own connection and transaction.</summary>
    public static IBulkLoader CreateBulkLoader(BenefitsDbContext context)
    {
        if (context.Database.IsSqlite())
            return new SqliteBulkLoader((SqliteConnection)context.Database.GetDbConnection());
        throw new NotSupportedException($"no bulk loader for provider {context.Database.ProviderName}");
    }
}
