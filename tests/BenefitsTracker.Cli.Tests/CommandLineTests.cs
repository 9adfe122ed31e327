namespace BenefitsTracker.Cli.Tests;

/// <summary>The command line's contract (SPEC.md): every command present, exit codes 0, 1 and 2.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("ingest")]
    [InlineData("report")]
    [InlineData("serve")]
    [InlineData("jobs")]
    [InlineData("apikey")]
    [InlineData("generate")]
    public void Every_command_of_the_spec_has_help(string command)
    {
        var run = CliRunner.Benefits(CliRunner.TempDir(), command, "--help");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_exits_2_and_says_so()
    {
        var run = CliRunner.Benefits(CliRunner.TempDir(), "report", "--council", "W06000004", "--from", "2024-01", "--to",
            "2024-03", "--colour", "red");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--colour", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_that_is_not_YYYY_MM_exits_2_naming_the_option()
    {
        var work = CliRunner.TempDir();
        var run = CliRunner.Benefits(work, "report", "--council", "W06000004", "--from", "April 2024", "--to", "2024-06", "--db",
            "sqlite:" + Path.Combine(work, "b.db"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--from", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_council_and_consortium_exits_2()
    {
        var run = CliRunner.Benefits(CliRunner.TempDir(), "report", "--council", "W06000004", "--consortium", "north-wales", "--from",
            "2024-01", "--to", "2024-06");
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void A_council_not_in_the_store_exits_2_naming_it()
    {
        var work = CliRunner.TempDir();
        File.Copy(Path.Combine(CliRunner.WorkedExampleDir, "councils.csv"), Path.Combine(work, "councils.csv"));
        Assert.Equal(0, CliRunner.Benefits(work, "ingest", "councils.csv", "--db", "sqlite:" + Path.Combine(work, "b.db")).ExitCode);
        var run = CliRunner.Benefits(work, "report", "--council", "E07000001", "--from", "2024-01", "--to", "2024-06",
            "--assumptions", Path.Combine(CliRunner.WorkedExampleDir, "assumptions.json"), "--db", "sqlite:" + Path.Combine(work, "b.db"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("E07000001", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Jobs_run_by_hand_takes_the_inbox_and_list_and_history_show_the_run()
    {
        var work = CliRunner.TempDir();
        var inbox = Directory.CreateDirectory(Path.Combine(work, "inbox")).FullName;
        var file = Path.Combine(inbox, "councils.csv");
        File.Copy(Path.Combine(CliRunner.WorkedExampleDir, "councils.csv"), file);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-5));
        var db = "sqlite:" + Path.Combine(work, "b.db");

        var run = CliRunner.Benefits(work, "jobs", "run", "ingest-inbox", "--inbox", inbox, "--db", db);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("1 ingested", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(inbox));
        Assert.Single(Directory.GetFiles(Path.Combine(inbox, "archive"), "councils.csv", SearchOption.AllDirectories));

        var list = CliRunner.Benefits(work, "jobs", "list", "--db", db);
        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"ingest-inbox\s+0 0/5 \* \* \* \?\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d .*succeeded \(by hand, on [^)/]+/\d+\)", list.Stdout);
        Assert.Contains("never run", list.Stdout, StringComparison.Ordinal);
        var history = CliRunner.Benefits(work, "jobs", "history", "ingest-inbox", "--db", db);
        Assert.Contains("ingest-inbox", history.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 ingested", history.Stdout, StringComparison.Ordinal);
        // The run names the node that ran it: the machine and the `benefits jobs run` process.
        Assert.Contains($"(by hand, on {Environment.MachineName}/", history.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Jobs_run_exits_2_on_an_unknown_job_or_a_missing_folder_and_1_when_the_run_fails()
    {
        var work = CliRunner.TempDir();
        var unknown = CliRunner.Benefits(work, "jobs", "run", "nightly");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("ingest-inbox, refresh-rollups, monthly-reports, data-quality", unknown.Stderr, StringComparison.Ordinal);
        var noInbox = CliRunner.Benefits(work, "jobs", "run", "ingest-inbox", "--db", "sqlite:" + Path.Combine(work, "b.db"));
        Assert.Equal(2, noInbox.ExitCode);
        Assert.Contains("--inbox", noInbox.Stderr, StringComparison.Ordinal);
        // A store is made by an ingest only: the others refuse a missing one.
        var missing = CliRunner.Benefits(work, "jobs", "list", "--db", "sqlite:" + Path.Combine(work, "b.db"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such database", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Benefits(work, "ingest", Path.Combine(CliRunner.WorkedExampleDir, "councils.csv"), "--db",
            "sqlite:" + Path.Combine(work, "b.db")).ExitCode);
        // No assumptions stored: monthly-reports cannot report, and says why.
        var failed = CliRunner.Benefits(work, "jobs", "run", "monthly-reports", "--reports", Path.Combine(work, "r"), "--db",
            "sqlite:" + Path.Combine(work, "b.db"));
        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains("failed", failed.Stdout, StringComparison.Ordinal);
        Assert.Contains("no assumptions", failed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_with_the_same_seed_writes_the_same_bytes()
    {
        var work = CliRunner.TempDir();
        string[] Args(string outDir) => ["generate", "--councils", "6", "--months", "15", "--events", "3000", "--seed", "7", "--out", outDir];
        Assert.Equal(0, CliRunner.Benefits(work, Args("a")).ExitCode);
        Assert.Equal(0, CliRunner.Benefits(work, Args("b")).ExitCode);
        foreach (var f in new[] { "councils.csv", "events.csv", "cases.csv", "costs.csv", "assumptions.json" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(work, "a", f)), File.ReadAllBytes(Path.Combine(work, "b", f)));
        var rows = File.ReadLines(Path.Combine(work, "a", "events.csv")).Count() - 1;
        Assert.InRange(rows, 3000, 6000);
        Assert.Equal(7, File.ReadLines(Path.Combine(work, "a", "councils.csv")).Count());
    }

    [Fact]
    public void Bench_ingest_times_ours_and_sqlite3_on_the_same_file_and_prints_the_ratio()
    {
        var work = CliRunner.TempDir();
        var run = CliRunner.Benefits(work, "bench", "ingest", "--events", "20000", "--work", work);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("read 20,000, accepted 20,000", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"ratio:\s+\d+\.\d\d", run.Stdout);
        // The whole `benefits ingest` process, started again from the same program, against the same .import.
        Assert.Matches(@"process:\s+\d+\.\d\d s  ratio \d+\.\d\d", run.Stdout);
        Assert.Matches(@"peak memory: \d+ MB", run.Stdout);
    }

    [Fact]
    public void Bench_without_work_removes_its_temporary_folder_and_with_work_keeps_the_files()
    {
        // The temporary folder is made under TMPDIR, here a folder of the test's own, which must be empty afterwards.
        var work = CliRunner.TempDir();
        var tmp = Directory.CreateDirectory(Path.Combine(work, "tmp")).FullName;
        var run = CliRunner.Benefits(work, new Dictionary<string, string> { ["TMPDIR"] = tmp }, "bench", "ingest", "--events", "2000");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("read 2,000, accepted 2,000", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp, "benefits-bench-*"));

        var kept = Path.Combine(work, "kept");
        var again = CliRunner.Benefits(work, new Dictionary<string, string> { ["TMPDIR"] = tmp }, "bench", "ingest", "--events", "2000",
            "--work", kept);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.True(File.Exists(Path.Combine(kept, "bench-events-2000-text.csv")), string.Join(", ", Directory.EnumerateFiles(kept)));
    }

    [Fact]
    public void Bench_workbook_streams_the_detail_sheets_of_a_synthetic_council_and_reports_its_figures()
    {
        var work = CliRunner.TempDir();
        var run = CliRunner.Benefits(work, "bench", "workbook", "--services", "3", "--months", "8", "--grades", "2", "--writer",
            "streamed", "--work", work);
        Assert.True(run.ExitCode == 0, run.ToString());
        // 3 services × 8 months on Monthly and Avoidable contact (one pair a month), × 2 grades on Officer time.
        Assert.Contains("rows: Monthly 24, Officer time 48, Avoidable contact 24; 96 in all", run.Stdout, StringComparison.Ordinal);
        // By hand: baseline minutes per case (30 + 31) / 2 = 30.5; after go-live grades take 20 and 21, one case each a month,
        // so each service-month releases (30.5 − 20 + 30.5 − 21) / 60 = 1/3 hour: 3 × 8 / 3 = 8 hours.
        Assert.Contains("officer hours 8.00", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"written in \d+\.\d s; [\d,]+ MB allocated; peak working set [\d,]+ MB", run.Stdout);
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(work, "savings.xlsx"));
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)
            && new StreamReader(e.Open()).ReadToEnd().Contains("inlineStr", StringComparison.Ordinal));

        var bad = CliRunner.Benefits(work, "bench", "workbook", "--writer", "fast");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--writer", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_refuses_fewer_months_than_a_baseline_year_and_one_more()
    {
        var work = CliRunner.TempDir();
        var run = CliRunner.Benefits(work, "generate", "--months", "6", "--out", "x");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--months", run.Stderr, StringComparison.Ordinal);
    }
}
