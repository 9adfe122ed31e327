using BenefitsTracker.Data;
using Npgsql;

namespace BenefitsTracker.Tests.Shared;

/// <summary>
/// Drops a test's PostgreSQL database when the test is done, so that a long run does not fill the disk (linked into
/// each test project that makes databases in the test cluster).
/// </summary>
internal static class TestDatabases
{
    /// <summary>
    /// Drops <paramref name="target"/>'s database (WITH FORCE: a connection the test left open is ended) and empties the
    /// pool of its connection string only, so that tests running beside it on other databases keep theirs.
    /// </summary>
    public static async Task DropAsync(DatabaseTarget target)
    {
        if (target.Provider != DatabaseProvider.Postgres) return;
        await using (var pooled = new NpgsqlConnection(target.Location)) NpgsqlConnection.ClearPool(pooled);
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
