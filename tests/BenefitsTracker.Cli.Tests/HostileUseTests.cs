using Microsoft.Data.Sqlite;

namespace BenefitsTracker.Cli.Tests;

/// <summary>
/// The command line as a careless or hostile user meets it (issues 16 and 13): one clear line and exit 1 or 2,
/// never a stack trace, for every mistake of theirs; nothing created that they did not ask for.
/// </summary>
public sealed class HostileUseTests
{
    private static readonly string Assumptions = Path.Combine(CliRunner.WorkedExampleDir, "assumptions.json");

    private static void OneCleanLine(CliRunner.Run run, int exitCode, string expected)
    {
        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A store holding the worked example, in a fresh folder.</summary>
    private static (string Work, string Db) WorkedStore()
    {
        var work = CliRunner.TempDir();
        var db = "sqlite:" + Path.Combine(work, "benefits.db");
        var inputs = new[] { "councils.csv", "events.csv", "cases.csv", "costs.csv", "assumptions.json" };
        foreach (var f in inputs) File.Copy(Path.Combine(CliRunner.WorkedExampleDir, f), Path.Combine(work, f));
        var ingest = CliRunner.Benefits(work, ["ingest", .. inputs, "--db", db]);
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        return (work, db);
    }

    [Fact]
    public void A_mistyped_db_on_report_is_no_such_database_with_the_path_and_creates_nothing()
    {
        var work = CliRunner.TempDir();
        var typo = Path.Combine(work, "data", "benefts.db");

        var run = CliRunner.Benefits(work, "report", "--council", "W06000004", "--from", "2024-01", "--to", "2024-06", "--db", "sqlite:" + typo);

        OneCleanLine(run, 2, "no such database: " + typo);
        Assert.False(File.Exists(typo));
        Assert.False(Directory.Exists(Path.Combine(work, "data")));
    }

    /// <summary>Only ingest and demo create a store: the key commands and the server refuse a mistyped --db as report does.</summary>
    [Theory]
    [InlineData("apikey list")]
    [InlineData("apikey create --council W06000004")]
    [InlineData("apikey revoke 1")]
    [InlineData("serve --urls http://127.0.0.1:0")]
    public void A_mistyped_db_on_apikey_or_serve_is_no_such_database_with_the_path_and_creates_nothing(string command)
    {
        var work = CliRunner.TempDir();
        var typo = Path.Combine(work, "data", "benefts.db");

        var run = CliRunner.Benefits(work, [.. command.Split(' '), "--db", "sqlite:" + typo]);

        OneCleanLine(run, 2, "no such database: " + typo);
        Assert.False(File.Exists(typo));
        Assert.False(File.Exists(typo + ".keys"), "no key secret beside a store that does not exist");
        Assert.False(Directory.Exists(Path.Combine(work, "data")));
    }

    [Fact]
    public void An_unknown_kind_lists_the_kinds_instead_of_an_internal_type_name()
    {
        var work = CliRunner.TempDir();
        var run = CliRunner.Benefits(work, "ingest", "x.csv", "--kind", "fax", "--db", "sqlite:" + Path.Combine(work, "b.db"));

        OneCleanLine(run, 2, "--kind 'fax' is not a kind of input; use one of auto, events, cases, costs, councils, assumptions");
        Assert.DoesNotContain("BenefitsTracker.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_that_is_a_file_or_empty_is_one_clear_line()
    {
        var (work, db) = WorkedStore();
        File.WriteAllText(Path.Combine(work, "notes.txt"), "mine");
        string[] period = ["--council", "W06000004", "--from", "2024-01", "--to", "2025-06", "--db", db];

        OneCleanLine(CliRunner.Benefits(work, ["report", .. period, "--out", "notes.txt"]), 2, "--out notes.txt is a file");
        OneCleanLine(CliRunner.Benefits(work, ["report", .. period, "--out", ""]), 2, "--out is empty");
        // A folder that holds other things is not overwritten wholesale.
        OneCleanLine(CliRunner.Benefits(work, ["report", .. period, "--out", "."]), 2, "which a report did not write");
        Assert.Equal("mine", File.ReadAllText(Path.Combine(work, "notes.txt")));
    }

    [Fact]
    public void A_db_that_is_not_a_database_is_said_to_be_so_by_ingest_and_report()
    {
        var work = CliRunner.TempDir();
        var notes = Path.Combine(work, "notes.db");
        File.WriteAllText(notes, "not a database at all\n" + new string('x', 5000));
        File.Copy(Path.Combine(CliRunner.WorkedExampleDir, "councils.csv"), Path.Combine(work, "councils.csv"));

        OneCleanLine(CliRunner.Benefits(work, "ingest", "councils.csv", "--db", "sqlite:" + notes), 2, "is not a SQLite database");
        OneCleanLine(CliRunner.Benefits(work, "report", "--council", "W06000004", "--from", "2024-01", "--to", "2024-06", "--db", "sqlite:" + notes),
            2, "is not a SQLite database");
    }

    [Fact]
    public void A_folder_ingest_that_stops_at_an_unusable_file_first_prints_the_files_it_stored()
    {
        var work = CliRunner.TempDir();
        var folder = Path.Combine(work, "in");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(CliRunner.WorkedExampleDir, "councils.csv"), Path.Combine(folder, "a-councils.csv"));
        File.Copy(Path.Combine(CliRunner.WorkedExampleDir, "events.csv"), Path.Combine(folder, "b-events.csv"));
        File.WriteAllText(Path.Combine(folder, "c-bad.csv"), "colour,shape\nred,round\n");

        var run = CliRunner.Benefits(work, "ingest", "in", "--db", "sqlite:" + Path.Combine(work, "b.db"));

        OneCleanLine(run, 2, "c-bad.csv");
        Assert.Contains("a-councils.csv (councils): read", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("b-events.csv (events): read", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 files were stored before the one that stopped the ingest", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void While_another_process_holds_the_store_a_report_still_runs_and_an_ingest_says_it_waits_then_that_the_store_is_locked()
    {
        var (work, db) = WorkedStore();
        using var holder = new SqliteConnection($"Data Source={Path.Combine(work, "benefits.db")};Pooling=false");
        holder.Open();
        using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO services (slug) VALUES ('held-by-the-test');";
            begin.ExecuteNonQuery();
        }
        var env = new Dictionary<string, string> { ["BENEFITS_LOCK_WAIT"] = "2" };

        var report = CliRunner.Benefits(work, env, "report", "--council", "W06000004", "--service", "garden-waste",
            "--from", "2024-01", "--to", "2025-06", "--out", "out", "--db", db);
        File.WriteAllText(Path.Combine(work, "more.csv"), "council_code,name\nW06000099,Elsewhere\n");
        var ingest = CliRunner.Benefits(work, env, "ingest", "more.csv", "--db", db);

        Assert.True(report.ExitCode == 0, report.ToString());
        OneCleanLine(ingest, 1, "is locked by another process (waited 2 s)");
        Assert.Contains("another process is writing to", ingest.Stderr, StringComparison.Ordinal);
        Assert.Contains("waiting up to 2 s", ingest.Stderr, StringComparison.Ordinal);
    }
}
