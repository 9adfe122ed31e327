using Microsoft.EntityFrameworkCore.Design;

namespace BenefitsTracker.Data.Sqlite;

/// <summary>
/// Lets the dotnet-ef tool build the model for SQLite:
/// <c>dotnet ef migrations add NAME --project src/BenefitsTracker.Data.Sqlite</c>.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<BenefitsDbContext>
{
    public BenefitsDbContext CreateDbContext(string[] args) =>
        new(BenefitsStore.Options(DatabaseTarget.Parse("sqlite:" + Path.Combine(Path.GetTempPath(), "benefits-design.db"))));
}
