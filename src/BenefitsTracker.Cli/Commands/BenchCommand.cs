using System.CommandLine;
using BenefitsTracker.Cli.Pipeline;
using BenefitsTracker.Ingestion.Benchmarks;

namespace BenefitsTracker.Cli.Commands;

/// <summary>`benefits bench`: measurements with their reference taken in the same run.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var events = new Option<int>("--events") { Description = "How many events the generated CSV holds.", DefaultValueFactory = _ => 1_000_000 };
        var work = new Option<string?>("--work") { Description = "Scratch folder (default: a new temporary folder).", HelpName = "DIR" };
        var ingest = new Command("ingest", "Time ingest of a generated events CSV against `sqlite3 .import` of the same file; print rows/s, peak memory and the ratio.") { events, work };
        ingest.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            await new IngestBenchmark().RunAsync(parse.GetValue(events), WorkDir(parse.GetValue(work)), Console.Out, token);
            return ExitCodes.Success;
        }, ct));

        var sizes = new Option<long[]>("--events") { Description = "Raw event rows of each store to compare.", DefaultValueFactory = _ => [15_000, 1_000_000], AllowMultipleArgumentsPerToken = true };
        var repeats = new Option<int>("--repeats") { Description = "Timed runs per store (after one warm-up).", DefaultValueFactory = _ => 5 };
        var reportWork = new Option<string?>("--work") { Description = "Scratch folder (default: a new temporary folder).", HelpName = "DIR" };
        var report = new Command("report", "Time a council's 36-month report (load, compute, every output) on stores of different sizes.") { sizes, repeats, reportWork };
        report.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            await ReportBenchmark.RunAsync(parse.GetValue(sizes)!, parse.GetValue(repeats), WorkDir(parse.GetValue(reportWork)), Console.Out, token);
            return ExitCodes.Success;
        }, ct));
        return new Command("bench", "Benchmarks, with a reference measured in the same run.") { ingest, report };
    }

    private static string WorkDir(string? given) => given ?? Directory.CreateTempSubdirectory("benefits-bench-").FullName;
}
