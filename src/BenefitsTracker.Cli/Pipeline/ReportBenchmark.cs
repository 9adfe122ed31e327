using System.Diagnostics;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using BenefitsTracker.Ingestion;
using BenefitsTracker.Ingestion.Synthetic;

namespace BenefitsTracker.Cli.Pipeline;

/// <summary>
/// Times a council's 36-month report (load, compute, every output) on two stores that differ only in
/// how many raw event rows they hold: reports read rollups, so the times should match.
/// </summary>
public static class ReportBenchmark
{
    public static async Task RunAsync(long[] eventCounts, int repeats, string workDir, TextWriter output, CancellationToken ct)
    {
        output.WriteLine($"Report benchmark: Conwy (W06000003), 2022-04..2025-03 (36 months, three services), every output; median of " +
            $"{repeats} runs after one warm-up.");
        output.WriteLine($"{"raw event rows",16} {"load+compute ms",16} {"outputs ms",11} {"total ms",9}");
        foreach (var events in eventCounts)
        {
            var dir = Path.Combine(workDir, $"events-{events}");
            SyntheticDataGenerator.Generate(new GeneratorOptions(4, 36, events, 20240401, Path.Combine(dir, "in")), null, ct);
            var dbPath = Path.Combine(dir, "bench.db");
            File.Delete(dbPath);
            await using var store = await BenefitsStore.OpenAsync(DatabaseTarget.Parse("sqlite:" + dbPath), ct);
            var ingest = await new Ingestor(store).IngestAsync([Path.Combine(dir, "in")], InputKind.Auto, null, ct);
            var rows = ingest.Files.Where(f => f.Kind == InputKind.Events).Sum(f => f.Accepted);

            var pipeline = new ReportPipeline(new StoreQueries(store));
            var assumptions = await pipeline.AssumptionsAsync(null, ct);
            var request = new ReportRequest(new Month(2022, 4), new Month(2025, 3));
            var compute = new List<double>();
            var write = new List<double>();
            for (var i = 0; i <= repeats; i++)
            {
                var sw = Stopwatch.StartNew();
                var result = await pipeline.ComputeAsync(ScopeKind.Council, "W06000003", request, assumptions, ct);
                var computed = sw.Elapsed.TotalMilliseconds;
                ReportPipeline.Write(result, Path.Combine(dir, "out"), DateTimeOffset.UtcNow, ct);
                var written = sw.Elapsed.TotalMilliseconds - computed;
                if (i == 0) continue; // warm-up: JIT, fonts, first queries
                compute.Add(computed);
                write.Add(written);
            }
            var (c, w) = (Median(compute), Median(write));
            output.WriteLine($"{rows,16:N0} {c,16:N0} {w,11:N0} {c + w,9:N0}");
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
