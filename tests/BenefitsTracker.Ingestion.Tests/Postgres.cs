using BenefitsTracker.Data;
using BenefitsTracker.TestSupport;
using Npgsql;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>The test process's PostgreSQL cluster, and the rule for a machine without one.</summary>
internal static class Postgres
{
    /// <summary>The providers every parameterised store test runs on.</summary>
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    /// <summary>
    /// The cluster; null (the test passes having checked nothing) when PostgreSQL is missing and neither CI nor
    /// BENEFITS_REQUIRE_TOOLS is set; a failure when one is (scripts/test.sh sets it, and installs postgresql).
    /// </summary>
    public static PostgresServer? Server()
    {
        if (PostgresServer.Shared is { } server) return server;
        if (Required() is { } variable) Assert.Fail($"{PostgresServer.Missing} {variable} is set, so a missing tool is a failure.");
        return null;
    }

    /// <summary>CI or BENEFITS_REQUIRE_TOOLS, whichever is set; null when neither.</summary>
    public static string? Required() =>
        new[] { "CI", "BENEFITS_REQUIRE_TOOLS" }.FirstOrDefault(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v)));

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
