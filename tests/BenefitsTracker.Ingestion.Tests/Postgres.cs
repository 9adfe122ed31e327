using BenefitsTracker.Data;
using BenefitsTracker.TestSupport;
using Npgsql;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>The test process's PostgreSQL cluster, and the rule for a machine without one.</summary>
public static class Postgres
{
    /// <summary>The providers every parameterised store test runs on.</summary>
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    /// <summary>The cluster; null when PostgreSQL is missing and no tool is required, a failure when one is (<see
    /// cref="PostgresServer.ForTest()"/>).</summary>
    public static PostgresServer? Server() => PostgresServer.ForTest();

    /// <summary>Drops a test's database, so that a long run does not fill the disk.</summary>
    public static async Task DropAsync(DatabaseTarget target)
    {
        var builder = new NpgsqlConnectionStringBuilder(target.Location);
        var name = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
