using BenefitsTracker.Ingestion.Benchmarks;

namespace BenefitsTracker.Ingestion.Tests;

public class ProgressTests
{
    private sealed class Recorder : IIngestProgress
    {
        public List<string> Started { get; } = [];
        public List<IngestProgress> Reports { get; } = [];
        public List<FileResult> Finished { get; } = [];
        public void FileStarted(string file, long totalBytes) => Started.Add(file);
        public void Report(IngestProgress progress) { lock (Reports) Reports.Add(progress); }
        public void FileFinished(FileResult result) => Finished.Add(result);
    }

    [Fact]
    public async Task Progress_reports_bytes_and_rows_and_ends_at_the_whole_file()
    {
        await using var store = await TestStore.CreateAsync();
        var file = Path.Combine(store.Folder, "events.csv");
        var bytes = BenchmarkEventsFile.Write(file, 50_000);
        var recorder = new Recorder();

        await store.Ingestor.IngestAsync([file], InputKind.Auto, recorder, CancellationToken.None);

        Assert.Equal([file], recorder.Started);
        Assert.Single(recorder.Finished);
        var last = recorder.Reports[^1];
        Assert.Equal((bytes, bytes, 50_000L), (last.BytesRead, last.TotalBytes, last.Rows));
        Assert.Equal(1.0, last.Fraction);
        Assert.True(recorder.Reports.Count < 50, "reports are throttled, not one per batch");
        Assert.True(recorder.Reports.Zip(recorder.Reports.Skip(1)).All(p => p.First.Rows <= p.Second.Rows));
    }

    [Fact]
    public void Console_progress_prints_plain_lines_with_rate_share_and_time_left()
    {
        var output = new StringWriter();
        var progress = new ConsoleIngestProgress(output, TimeSpan.Zero);

        progress.FileStarted("/in/events.csv", 1000);
        progress.Report(new IngestProgress("/in/events.csv", 250, 1000, 5000, TimeSpan.FromSeconds(2)));
        progress.FileFinished(new FileResult("/in/events.csv", InputKind.Events, 20000, 19990, 8, 2, false, "/in/events.rejects.csv",
            new string('a', 64), TimeSpan.FromSeconds(8)));

        var text = output.ToString();
        Assert.Contains("ingesting /in/events.csv (1,000 bytes)", text);
        Assert.Contains("events.csv: 25% of bytes, 5,000 rows, 2,500 rows/s, 6s left", text);
        Assert.Contains("read 20,000, accepted 19,990, rejected 8, duplicates 2; rejects in /in/events.rejects.csv", text);
    }

    [Fact]
    public async Task Cancelling_mid_file_rolls_the_file_back()
    {
        await using var store = await TestStore.CreateAsync();
        var file = Path.Combine(store.Folder, "events.csv");
        BenchmarkEventsFile.Write(file, 100_000);
        using var cts = new CancellationTokenSource();
        var before = await StoreSnapshot.TakeAsync(store.Db);

        var cancelling = new CancelOnFirstReport(cts);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.Ingestor.IngestAsync([file], InputKind.Auto, cancelling, cts.Token));

        Assert.Equal(before, await StoreSnapshot.TakeAsync(store.Db));
        var again = (await store.IngestAsync(file)).Files.Single();
        Assert.Equal(100_000, again.Accepted);
    }

    private sealed class CancelOnFirstReport(CancellationTokenSource cts) : IIngestProgress
    {
        public void Report(IngestProgress progress) => cts.Cancel();
    }
}
