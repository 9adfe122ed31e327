using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>The test process's PostgreSQL cluster, and the rule for a machine without one.</summary>
public static class Postgres
{
    /// <summary>The providers every parameterised store test runs on.</summary>
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    /// <summary>The cluster; null when PostgreSQL is missing and no tool is required, a failure when one is (<see
    /// cref="PostgresServer.ForTest()"/>).</summary>
    public static PostgresServer? Server() => PostgresServer.ForTest();
}
