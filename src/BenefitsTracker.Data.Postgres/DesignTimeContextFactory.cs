using Microsoft.EntityFrameworkCore.Design;

namespace BenefitsTracker.Data.Postgres;

/// <summary>
/// Lets the dotnet-ef tool build the model for PostgreSQL (no server is contacted to add a migration):
/// <c>dotnet ef migrations add NAME --project src/BenefitsTracker.Data.Postgres</c>.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<BenefitsDbContext>
{
    public BenefitsDbContext CreateDbContext(string[] args) =>
        new(BenefitsStore.Options(DatabaseTarget.Parse("postgres:Host=127.0.0.1;Database=benefits_design;Username=postgres")));
}
