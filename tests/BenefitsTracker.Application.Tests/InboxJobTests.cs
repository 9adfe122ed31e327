using System.Globalization;
using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Application.Tests;

/// <summary>ingest-inbox against a real SQLite store and real folders (docs/jobs.md, "The inbox").</summary>
public sealed class InboxJobTests : IDisposable
{
    private const string Header = "event_id,council_code,service,channel,event_type,occurred_at,quantity\n";
    private readonly JobFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static string Events(string prefix, int count, string channel = "web") => Header + string.Concat(Enumerable.Range(1, count)
        .Select(i => $"{prefix}-{i},W06000003,garden-waste,{channel},transaction_completed,2024-0{i % 9 + 1}-15T10:00:00Z,1\n"));

    private string Day => TimeZoneInfo.ConvertTime(_f.Clock.Now, _f.Options.Zone()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string[] Names(params string[] folder) =>
        Directory.Exists(Path.Combine([_f.Inbox, .. folder]))
            ? Directory.EnumerateFiles(Path.Combine([_f.Inbox, .. folder])).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray()
            : [];

    [Fact]
    public async Task Good_rejected_row_unusable_duplicate_and_half_written_files_each_end_in_their_place_with_exact_counts()
    {
        // A file ingested before (by hand); its copy dropped in the inbox is a duplicate.
        var earlier = Path.Combine(_f.Folder, "earlier.csv");
        File.WriteAllText(earlier, Events("old", 3));
        await _f.IngestAsync(earlier);
        _f.Drop("copy-of-earlier.csv", Events("old", 3));
        _f.Drop("good.csv", Events("good", 4));
        _f.Drop("some-rejected.csv",
            Events("mixed", 2) + "bad-1,W06000003,garden-waste,carrier-pigeon,transaction_completed,2024-03-15T10:00:00Z,1\n");
        _f.Drop("unusable.csv", "foo,bar\n1,2\n");
        _f.Drop("notes.txt", "not data");
        _f.Drop("arriving.csv.part", Events("late", 5));         // still being written under the .part convention
        _f.Drop("just-copied.csv", Events("new", 2), TimeSpan.FromSeconds(5)); // changed 5 s ago: not settled (30 s)

        var run = await _f.Runner.RunAsync(JobNames.IngestInbox, JobRun.ByHand, CancellationToken.None);

        Assert.Equal(JobRun.Succeeded, run.Outcome);
        Assert.Equal(["arriving.csv.part", "just-copied.csv"], Names());
        Assert.Equal(["copy-of-earlier.csv", "good.csv", "some-rejected.csv", "some-rejected.rejects.csv"], Names("archive", Day));
        Assert.Equal(["notes.txt", "notes.txt.error.txt", "unusable.csv", "unusable.csv.error.txt"], Names("failed"));
        Assert.Contains("cannot tell the kind of file from its columns (foo, bar)",
            File.ReadAllText(Path.Combine(_f.Inbox, "failed", "unusable.csv.error.txt")), StringComparison.Ordinal);
        Assert.Contains("not an input file", File.ReadAllText(Path.Combine(_f.Inbox, "failed", "notes.txt.error.txt")), StringComparison.Ordinal);
        var rejects = File.ReadAllText(Path.Combine(_f.Inbox, "archive", Day, "some-rejected.rejects.csv"));
        Assert.Contains("carrier-pigeon", rejects, StringComparison.Ordinal);

        // The store: 3 earlier + 4 good + 2 accepted of the mixed file; three files registered, none twice.
        Assert.Equal(9, await _f.EventsAsync());
        Assert.Equal(3, await _f.CountAsync(db => db.IngestedFiles.LongCountAsync()));
        Assert.Equal(2, run.Counts["files_ingested"]);
        Assert.Equal(1, run.Counts["files_duplicate"]);
        Assert.Equal(2, run.Counts["files_failed"]);
        Assert.Equal(2, run.Counts["files_waiting"]);
        Assert.Equal(6, run.Counts["rows_accepted"]);
        Assert.Equal(1, run.Counts["rows_rejected"]);

        // The registry follows the file into the archive, rejects file too.
        await using (var db = new BenefitsDbContext(BenefitsStore.Options(_f.Target)))
        {
            var mixed = await db.IngestedFiles.SingleAsync(f => f.Name == "some-rejected.csv");
            Assert.Equal(Path.Combine(_f.Inbox, "archive", Day, "some-rejected.csv"), mixed.Path);
            Assert.Equal(Path.Combine(_f.Inbox, "archive", Day, "some-rejected.rejects.csv"), mixed.RejectsPath);
            var recorded = await db.JobRuns.SingleAsync();
            Assert.Equal((JobNames.IngestInbox, JobRun.Succeeded, JobRun.ByHand), (recorded.Job, recorded.Outcome, recorded.Trigger));
        }

        // Once written and renamed, the late file is taken by the next run; the settled one too.
        File.Move(Path.Combine(_f.Inbox, "arriving.csv.part"), Path.Combine(_f.Inbox, "arriving.csv"));
        _f.Clock.Now += TimeSpan.FromMinutes(1);
        var second = await _f.Runner.RunAsync(JobNames.IngestInbox, JobRun.BySchedule, CancellationToken.None);
        Assert.Equal(2, second.Counts["files_ingested"]);
        Assert.Empty(Names());
        Assert.Equal(9 + 5 + 2, await _f.EventsAsync());
    }

    [Fact]
    public async Task A_file_committed_but_not_moved_before_a_stop_is_archived_as_a_duplicate_next_time_adding_nothing()
    {
        // As if the service stopped after the file's transaction committed and before the move.
        var path = _f.Drop("events.csv", Events("e", 6));
        await _f.IngestAsync(path);
        Assert.Equal(6, await _f.EventsAsync());

        var run = await _f.Runner.RunAsync(JobNames.IngestInbox, JobRun.BySchedule, CancellationToken.None);

        Assert.Equal((0L, 1L), (run.Counts["files_ingested"], run.Counts["files_duplicate"]));
        Assert.Equal(6, await _f.EventsAsync());
        Assert.Equal(["events.csv"], Names("archive", Day));
        Assert.Contains("archived as a duplicate", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_stopped_before_it_starts_a_file_leaves_the_file_in_the_inbox_and_records_the_run_as_cancelled()
    {
        _f.Drop("events.csv", Events("e", 3));
        using var stop = new CancellationTokenSource();
        var runner = new JobRunner(_f.Target, _f.Options, _f.Clock) { Inbox = _f.Inbox,
            Log = line => { if (line.Contains("started", StringComparison.Ordinal)) stop.Cancel(); } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(JobNames.IngestInbox, JobRun.BySchedule, stop.Token));

        Assert.Equal(["events.csv"], Names());
        Assert.Equal(0, await _f.EventsAsync());
        await using var db = new BenefitsDbContext(BenefitsStore.Options(_f.Target));
        Assert.Equal(JobRun.Cancelled, (await db.JobRuns.SingleAsync()).Outcome);
    }

    [Fact]
    public async Task A_run_stopped_in_the_middle_of_a_file_leaves_the_store_as_before_and_the_file_in_the_inbox()
    {
        // 300,000 events take well over a second to ingest; the stop comes 300 ms after the run starts, inside the
        // file (were it earlier, before the file, the outcome asserted is the same: nothing of it stored, still there).
        var big = Path.Combine(_f.Inbox, "big.csv");
        BenefitsTracker.Ingestion.Benchmarks.BenchmarkEventsFile.Write(big, 300_000, seed: 9);
        File.SetLastWriteTimeUtc(big, DateTime.UtcNow.AddHours(-1)); // settled: not still being written
        var size = new FileInfo(big).Length;
        using var stop = new CancellationTokenSource();
        var runner = new JobRunner(_f.Target, _f.Options, _f.Clock)
        {
            Inbox = _f.Inbox, Log = line =>
                { if (line.Contains("started", StringComparison.Ordinal)) stop.CancelAfter(TimeSpan.FromMilliseconds(300)); },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(JobNames.IngestInbox, JobRun.BySchedule, stop.Token));

        Assert.Equal(["big.csv"], Names());
        Assert.Equal(size, new FileInfo(big).Length);
        Assert.Equal(0, await _f.EventsAsync());
        await using var db = new BenefitsDbContext(BenefitsStore.Options(_f.Target));
        Assert.Equal(0, await db.UsageRollups.CountAsync());
        Assert.Equal(0, await db.IngestedFiles.CountAsync());
        Assert.Equal(JobRun.Cancelled, (await db.JobRuns.SingleAsync()).Outcome);

        // Taken again by the next run, whole.
        var again = await _f.Runner.RunAsync(JobNames.IngestInbox, JobRun.BySchedule, CancellationToken.None);
        Assert.Equal(JobRun.Succeeded, again.Outcome);
        Assert.Equal(300_000, await _f.EventsAsync());
    }

    [Fact]
    public async Task A_failing_store_fails_the_run_with_the_reason_and_leaves_the_files_in_the_inbox()
    {
        _f.Drop("events.csv", Events("e", 3));
        var runner = new JobRunner(_f.Target, _f.Options, _f.Clock) { Inbox = _f.Inbox };
        await runner.RunAsync(JobNames.RefreshRollups, JobRun.ByHand, CancellationToken.None); // creates the store
        await using (var db = await BenefitsStore.OpenAsync(_f.Target))
            await db.Database.ExecuteSqlRawAsync("DROP TABLE usage_events");

        var run = await runner.RunAsync(JobNames.IngestInbox, JobRun.ByHand, CancellationToken.None);

        Assert.Equal(JobRun.Failed, run.Outcome);
        Assert.Contains("usage_events", run.Summary, StringComparison.Ordinal);
        Assert.Equal(["events.csv"], Names());
        Assert.Empty(Names("failed"));
    }

    [Fact]
    public void An_unknown_job_or_a_missing_folder_is_a_usage_error_before_anything_runs()
    {
        var runner = new JobRunner(_f.Target, _f.Options, _f.Clock);
        Assert.Contains("ingest-inbox, refresh-rollups, monthly-reports, data-quality",
            Assert.Throws<UsageException>(() => runner.Check("nightly")).Message, StringComparison.Ordinal);
        Assert.Contains("--inbox", Assert.Throws<UsageException>(() => runner.Check(JobNames.IngestInbox)).Message, StringComparison.Ordinal);
        Assert.Contains("--reports", Assert.Throws<UsageException>(() => runner.Check(JobNames.MonthlyReports)).Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_f.Target.Location));
    }
}
