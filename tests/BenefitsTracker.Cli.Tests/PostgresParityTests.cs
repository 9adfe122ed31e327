using System.Text;
using System.Text.RegularExpressions;
using BenefitsTracker.TestSupport;
using Npgsql;

namespace BenefitsTracker.Cli.Tests;

/// <summary>
/// The same inputs through `benefits ingest` and `benefits report` on SQLite and on PostgreSQL (a throwaway
/// cluster) give byte-identical manifest.json, but for the time it was generated; and the operator's commands
/// (`db migrate`, BENEFITS_DB, a server out of reach) behave as on SQLite.
/// </summary>
public sealed class PostgresParityTests
{
    private static readonly Regex GeneratedAt = new("\"generated_at\": \"[^\"]*\"", RegexOptions.Compiled);

    private static string SampleData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "sample-data", "councils.csv"))) return Path.Combine(dir.FullName, "sample-data");
        throw new DirectoryNotFoundException("sample-data/ not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void The_worked_example_gives_the_same_manifest_on_SQLite_and_PostgreSQL()
    {
        if (PostgresServer.ForTest() is not { } server) return;
        var work = CliRunner.TempDir();
        string[] inputs = ["councils.csv", "events.csv", "cases.csv", "costs.csv", "assumptions.json"];
        foreach (var file in inputs) File.Copy(Path.Combine(CliRunner.WorkedExampleDir, file), Path.Combine(work, file));
        var manifests = new List<string>();
        using var database = new Database(server);
        foreach (var db in new[] { "sqlite:" + Path.Combine(work, "benefits.db"), database.Spec })
        {
            var ingest = CliRunner.Benefits(work, ["ingest", .. inputs, "--db", db]);
            Assert.True(ingest.ExitCode == 0, ingest.ToString());
            var outDir = "out-" + manifests.Count;
            var report = CliRunner.Benefits(work, "report", "--council", "W06000004", "--service", "garden-waste",
                "--from", "2024-01", "--to", "2025-06", "--out", outDir, "--db", db);
            Assert.True(report.ExitCode == 0, report.ToString());
            manifests.Add(WithoutGenerationTime(Path.Combine(work, outDir, "manifest.json")));
        }
        Assert.Contains("\"W06000004\"", manifests[0]);
        Assert.Equal(manifests[0], manifests[1]);
    }

    [Fact]
    public void The_sample_data_gives_the_same_manifests_for_a_council_and_the_consortium_on_both()
    {
        if (PostgresServer.ForTest() is not { } server) return;
        var work = CliRunner.TempDir();
        using var database = new Database(server);
        var manifests = new List<string>();
        foreach (var db in new[] { "sqlite:" + Path.Combine(work, "benefits.db"), database.Spec })
        {
            var ingest = CliRunner.Benefits(work, "ingest", SampleData(), "--db", db);
            Assert.True(ingest.ExitCode == 0, ingest.ToString());
            var text = new StringBuilder();
            foreach (var scope in new[] { new[] { "--consortium", "north-wales" }, ["--council", "W06000003"] })
            {
                var outDir = $"out-{manifests.Count}-{scope[1]}";
                var report = CliRunner.Benefits(work, ["report", .. scope, "--from", "2023-04", "--to", "2025-03", "--out", outDir, "--db", db]);
                Assert.True(report.ExitCode == 0, report.ToString());
                text.Append(WithoutGenerationTime(Path.Combine(work, outDir, "manifest.json")));
            }
            manifests.Add(text.ToString());
        }
        Assert.Contains("north-wales", manifests[0]);
        Assert.Equal(manifests[0], manifests[1]);
    }

    [Fact]
    public void Db_migrate_creates_and_migrates_the_database_named_by_BENEFITS_DB_then_says_it_is_up_to_date()
    {
        if (PostgresServer.ForTest() is not { } server) return;
        var work = CliRunner.TempDir();
        using var database = new Database(server);
        var environment = new Dictionary<string, string> { ["BENEFITS_DB"] = database.Spec };

        var first = CliRunner.Benefits(work, environment, "db", "migrate");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("applied ", first.Stdout);
        Assert.Contains("_Initial", first.Stdout);
        var second = CliRunner.Benefits(work, environment, "db", "migrate");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("is up to date", second.Stdout);
        Assert.DoesNotContain("applied ", second.Stdout);
        Assert.False(File.Exists(Path.Combine(work, "data", "benefits.db")), "BENEFITS_DB, not the default SQLite file, was migrated");

        // A store that exists but holds nothing: the report names the empty range rather than reporting zeros.
        var report = CliRunner.Benefits(work, environment, "report", "--council", "W06000004", "--from", "2024-01", "--to", "2024-12");
        Assert.Equal(2, report.ExitCode);
    }

    [Fact]
    public void A_server_out_of_reach_is_one_plain_line_naming_it()
    {
        var work = CliRunner.TempDir();
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var run = CliRunner.Benefits(work, "db", "migrate", "--db",
            $"postgres:Host=127.0.0.1;Port={port};Username=u;Password=secret;Database=d;Timeout=3");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot reach the PostgreSQL server", run.Stderr);
        Assert.Contains($"Port={port}", run.Stderr);
        Assert.DoesNotContain("secret", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);

        var bad = CliRunner.Benefits(work, "db", "migrate", "--db", "postgres:Hots=127.0.0.1");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("connection string is not valid", bad.Stderr);
    }

    [Fact]
    public void Demo_loads_an_empty_PostgreSQL_database_named_by_db_and_refuses_one_that_holds_files()
    {
        if (PostgresServer.ForTest() is not { } server) return;
        var work = CliRunner.TempDir();
        using var database = new Database(server);
        var sqlite = CliRunner.Benefits(work, "demo", "--sample-data", SampleData(), "--out", "lite");
        Assert.True(sqlite.ExitCode == 0, sqlite.ToString());

        var demo = CliRunner.Benefits(work, "demo", "--sample-data", SampleData(), "--out", "pg", "--db", database.Spec);

        Assert.True(demo.ExitCode == 0, demo.ToString());
        Assert.DoesNotContain("demo.db", demo.Stdout);
        Assert.False(File.Exists(Path.Combine(work, "pg", "demo.db")));
        // The same reports as the embedded demo's, figure for figure.
        var manifests = Directory.GetFiles(Path.Combine(work, "lite"), "manifest.json", SearchOption.AllDirectories);
        Assert.NotEmpty(manifests);
        foreach (var manifest in manifests)
            Assert.Equal(WithoutGenerationTime(manifest),
                WithoutGenerationTime(manifest.Replace(Path.Combine(work, "lite"), Path.Combine(work, "pg"))));
        var again = CliRunner.Benefits(work, "demo", "--sample-data", SampleData(), "--out", "pg2", "--db", database.Spec);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("the demo needs an empty database", again.Stderr);
    }

    private static string WithoutGenerationTime(string manifest) => GeneratedAt.Replace(File.ReadAllText(manifest), "\"generated_at\": \"-\"");

    /// <summary>A database of its own on the test cluster, dropped afterwards.</summary>
    private sealed class Database(PostgresServer server) : IDisposable
    {
        private readonly string _name = PostgresServer.NewDatabaseName("cli");

        public string Spec => "postgres:" + server.ConnectionString(_name);

        public void Dispose()
        {
            using var connection = new NpgsqlConnection(server.ConnectionString("postgres") + ";Pooling=false");
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}
