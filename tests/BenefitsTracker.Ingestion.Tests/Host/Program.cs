using BenefitsTracker.Data;
using BenefitsTracker.Ingestion;
using BenefitsTracker.Ingestion.Benchmarks;

// ingest DB FILE... [--pause-ms N] [--pause-at STAGE]: ingests, printing "progress ROWS" lines (pausing after each
//   when asked, so a test can kill the process mid-file) and "done" at the end; with --pause-at it prints
//   "paused STAGE" and sleeps when the ingest reaches that stage (rows loaded, rollups merged, committing, committed).
// bench EVENTS WORKDIR: runs IngestBenchmark (as `benefits bench ingest --events N` does).
// profile CSV: times the stages of an events ingest (set PROFILE_SQL to run a statement on the fresh store first).
switch (args.FirstOrDefault())
{
    case "ingest":
    {
        var pause = 0;
        string? pauseAt = null;
        var files = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            if (args[i] == "--pause-ms") pause = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            else if (args[i] == "--pause-at") pauseAt = args[++i];
            else files.Add(args[i]);
        }
        if (pauseAt is not null)
            Ingestor.Trace = stage =>
            {
                if (!stage.StartsWith(pauseAt + " ", StringComparison.Ordinal)) return;
                Console.WriteLine("paused " + pauseAt);
                Console.Out.Flush();
                Thread.Sleep(TimeSpan.FromMinutes(5));
            };
        await using var db = await BenefitsStore.OpenAsync(DatabaseTarget.Parse("sqlite:" + args[1]));
        var summary = await new Ingestor(db).IngestAsync(files, InputKind.Auto, new PausingProgress(pause), CancellationToken.None);
        foreach (var f in summary.Files) Console.WriteLine(f);
        Console.WriteLine("done");
        return 0;
    }
    case "profile":
        await Profile.RunAsync(args[1]);
        return 0;
    case "bench":
        await new IngestBenchmark().RunAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2], Console.Out);
        return 0;
    default:
        Console.Error.WriteLine("usage: ingest DB FILE... [--pause-ms N] | bench EVENTS WORKDIR");
        return 2;
}

internal sealed class PausingProgress(int pauseMs) : IIngestProgress
{
    public void Report(IngestProgress progress)
    {
        Console.WriteLine($"progress {progress.Rows}");
        Console.Out.Flush();
        if (pauseMs > 0) Thread.Sleep(pauseMs);
    }
}
