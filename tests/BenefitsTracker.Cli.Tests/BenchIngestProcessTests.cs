namespace BenefitsTracker.Cli.Tests;

/// <summary>`bench ingest --process`: the whole-process leg timed on a given `benefits` (e.g. a ReadyToRun publish).</summary>
public sealed class BenchIngestProcessTests
{
    [Fact]
    public void Bench_ingest_times_the_given_benefits_as_the_whole_process_and_says_how_sqlite_was_set_up()
    {
        var work = CliRunner.TempDir();
        var dll = Path.Combine(AppContext.BaseDirectory, "benefits.dll");
        var run = CliRunner.Benefits(work, "bench", "ingest", "--events", "5000", "--ids", "uuid", "--work", work, "--process", dll);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"process: dotnet {dll} ingest bench-events-5000-uuid.csv", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"process:\s+\d+\.\d\d s  ratio \d+\.\d\d", run.Stdout);
        // The benchmark's process opens its store before any other SQLite connection, so the set-up reaches SQLite.
        Assert.Contains("sqlite library: multi-thread mode, no memory statistics", run.Stdout, StringComparison.Ordinal);
        // The whole-process leg loaded the same rows into its own store.
        Assert.True(File.Exists(Path.Combine(work, "bench-process.db")));
    }

    [Fact]
    public void Bench_ingest_refuses_a_process_that_does_not_exist()
    {
        var work = CliRunner.TempDir();
        var run = CliRunner.Benefits(work, "bench", "ingest", "--events", "10", "--work", work, "--process", Path.Combine(work, "no-such-benefits"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--process: no such file", run.Stderr, StringComparison.Ordinal);
    }
}
