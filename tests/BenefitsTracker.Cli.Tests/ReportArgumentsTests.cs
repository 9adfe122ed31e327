namespace BenefitsTracker.Cli.Tests;

/// <summary>
/// `benefits report`'s arguments as a person types them: a GSS code in lower case, a council, consortium
/// or service the store does not hold (listing the ones it does), a reversed period, and a period with no
/// data at all (refused, naming the range held: no data is not zero).
/// </summary>
public sealed class ReportArgumentsTests
{
    /// <summary>The worked example ingested once into a store shared by these tests (they only read it).</summary>
    private static readonly Lazy<(string Work, string Db)> Store = new(CliRunner.IngestWorkedExample);

    private static CliRunner.Run Report(params string[] args) =>
        CliRunner.Benefits(Store.Value.Work,
            ["report", .. args, "--out", Path.Combine(Store.Value.Work, "out-" + Guid.NewGuid().ToString("N")), "--db", Store.Value.Db]);

    [Fact]
    public void A_GSS_code_in_lower_case_is_the_same_council()
    {
        var run = Report("--council", "w06000004", "--from", "2024-01", "--to", "2024-06");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("(W06000004)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_council_lists_the_councils_the_store_holds()
    {
        var run = Report("--council", "W06000009", "--from", "2024-01", "--to", "2024-06");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("W06000009", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("it holds W06000004", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_consortium_says_what_the_store_holds()
    {
        var run = Report("--consortium", "nowhere", "--from", "2024-01", "--to", "2024-06");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nowhere", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("it holds", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_service_lists_the_councils_services()
    {
        var run = Report("--council", "W06000004", "--service", "gardenwaste", "--from", "2024-01", "--to", "2024-06");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Its services: garden-waste", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reversed_period_is_reported_before_anything_about_the_store_or_assumptions()
    {
        // A fresh store with no assumptions: the reversed period is the mistake to report.
        var work = CliRunner.TempDir();
        var run = CliRunner.Benefits(work, "report", "--council", "W06000004", "--from", "2024-06", "--to", "2024-01",
            "--db", "sqlite:" + Path.Combine(work, "b.db"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--from 2024-06 is after --to 2024-01", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("assumptions", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_with_no_data_at_all_is_refused_naming_the_range_held()
    {
        var run = Report("--council", "W06000004", "--from", "2030-01", "--to", "2030-12");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no data at all for 2030-01 to 2030-12", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("the store holds events 20", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("saved", run.Stdout, StringComparison.Ordinal);
    }
}
