using System.Text;
using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Data;

/// <summary>The store: raw accepted rows, the file registry, and the monthly rollups the engine reads.</summary>
public sealed class BenefitsDbContext(DbContextOptions<BenefitsDbContext> options) : DbContext(options)
{
    public DbSet<CouncilRow> Councils => Set<CouncilRow>();
    public DbSet<ConsortiumRow> Consortia => Set<ConsortiumRow>();
    public DbSet<ServiceRow> Services => Set<ServiceRow>();
    public DbSet<UsageEventRow> UsageEvents => Set<UsageEventRow>();
    public DbSet<CaseRow> Cases => Set<CaseRow>();
    public DbSet<CostLineRow> CostLines => Set<CostLineRow>();
    public DbSet<AssumptionSetRow> AssumptionSets => Set<AssumptionSetRow>();
    public DbSet<IngestedFileRow> IngestedFiles => Set<IngestedFileRow>();
    public DbSet<IngestedFileOwnerRow> IngestedFileOwners => Set<IngestedFileOwnerRow>();
    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();
    public DbSet<UsageRollupRow> UsageRollups => Set<UsageRollupRow>();
    public DbSet<ClosedCaseRollupRow> ClosedCaseRollups => Set<ClosedCaseRollupRow>();
    public DbSet<OpenCaseRollupRow> OpenCaseRollups => Set<OpenCaseRollupRow>();
    public DbSet<ContactEventRow> ContactEvents => Set<ContactEventRow>();
    public DbSet<JobRunRow> JobRuns => Set<JobRunRow>();
    public DbSet<DataQualityFindingRow> DataQualityFindings => Set<DataQualityFindingRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BenefitsDbContext).Assembly);

        // snake_case columns everywhere, so hand-written SQL (bulk loaders, psql) reads naturally on both providers.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                if (property.GetColumnName() == property.Name)
                    property.SetColumnName(SnakeCase(property.Name));

        if (Database.IsNpgsql()) Postgres.PostgresModel.Apply(modelBuilder);
        else if (Database.IsSqlite()) Sqlite.SqliteModel.Apply(modelBuilder);
    }

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]))) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
