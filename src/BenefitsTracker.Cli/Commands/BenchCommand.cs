using System.CommandLine;
using BenefitsTracker.Cli.Pipeline;
using BenefitsTracker.Ingestion.Benchmarks;

namespace BenefitsTracker.Cli.Commands;

/// <summary>`benefits bench`: measurements with their reference taken in the same run.</summary>
public static class BenchCommand
{
    /// <summary>
    /// How to start `benefits` as a new process: the program given (a .dll through the dotnet host), else this program again
    /// (its apphost, or the dotnet host with this assembly).
    /// </summary>
    private static string[] Self(string? given)
    {
        if (given is not null)
        {
            var full = Path.GetFullPath(given);
            return full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ["dotnet", full] : [full];
        }
        var host = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, typeof(BenchCommand).Assembly.Location] : [host];
    }

    public static Command Create()
    {
        var events = new Option<int>("--events") { Description = "How many events the generated CSV holds.", DefaultValueFactory = _ => 1_000_000 };
        var work = WorkOption();
        var ids = new Option<string>("--ids")
        {
            Description = "How the event ids run: text (ev-000000001..., increasing as text), sequential (ev-1, ev-2, ... increasing as " +
                "numbers, not text) or uuid (random).",
            DefaultValueFactory = _ => "text",
        };
        ids.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            if (value is not ("text" or "sequential" or "uuid")) r.AddError($"--ids must be text, sequential or uuid, not '{value}'.");
        });
        var process = new Option<string?>("--process")
        {
            Description = "The `benefits` to time as a whole process (e.g. a ReadyToRun build from `dotnet publish`, see " +
                "docs/deployment.md; a .dll runs through dotnet). Default: this program.",
            HelpName = "PATH",
        };
        process.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } path && !File.Exists(path)) r.AddError($"--process: no such file '{path}'.");
        });
        var ingest = new Command("ingest",
            "Time ingest of a generated events CSV against `sqlite3 .import` of the same file; print rows/s, peak memory and the ratio.")
            { events, work, ids, process };
        ingest.SetAction((parse, ct) => CommandRunner.RunAsync(token => InWorkDir(parse.GetValue(work), dir =>
        {
            var style = Enum.Parse<EventIdStyle>(parse.GetValue(ids)!, ignoreCase: true);
            return new IngestBenchmark().RunAsync(parse.GetValue(events), dir, Console.Out, token, style, Self(parse.GetValue(process)));
        }), ct));

        var sizes = new Option<long[]>("--events") { Description = "Raw event rows of each store to compare.",
            DefaultValueFactory = _ => [15_000, 1_000_000], AllowMultipleArgumentsPerToken = true };
        var repeats = new Option<int>("--repeats") { Description = "Timed runs per store (after one warm-up).", DefaultValueFactory = _ => 5 };
        var reportWork = WorkOption();
        var report = new Command("report",
            "Time a council's 36-month report (load, compute, every output) on stores of different sizes.") { sizes, repeats, reportWork };
        report.SetAction((parse, ct) => CommandRunner.RunAsync(token => InWorkDir(parse.GetValue(reportWork), dir =>
            ReportBenchmark.RunAsync(parse.GetValue(sizes)!, parse.GetValue(repeats), dir, Console.Out, token)), ct));
        var services = new Option<int>("--services") { Description = "Services of the synthetic council.", DefaultValueFactory = _ => 250 };
        var grades = new Option<int>("--grades") { Description = "Officer grades per service (Officer time rows = services × " +
            "months × grades).", DefaultValueFactory = _ => 32 };
        var months = new Option<int>("--months") { Description = "Months in the report period.", DefaultValueFactory = _ => 120 };
        var writer = new Option<string>("--writer") { Description = "auto (what `benefits report` does: streamed above the threshold), " +
            "streamed (always) or closedxml (ClosedXML alone, the reference; keep it small).", DefaultValueFactory = _ => "auto" };
        writer.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            if (value is not ("auto" or "streamed" or "closedxml")) r.AddError($"--writer must be auto, streamed or closedxml, not '{value}'.");
        });
        var workbookWork = WorkOption();
        var workbook = new Command("workbook",
            "Write savings.xlsx for a synthetic council with big detail sheets (by default 250 services × 120 months × 32 grades: " +
            "1,020,000 rows); print time, allocation, peak memory and size.")
            { services, grades, months, writer, workbookWork };
        workbook.SetAction((parse, ct) => CommandRunner.RunAsync(token => InWorkDir(parse.GetValue(workbookWork), dir =>
        {
            WorkbookBenchmark.Run(parse.GetValue(services), parse.GetValue(grades), parse.GetValue(months), parse.GetValue(writer)!,
                dir, Console.Out, token);
            return Task.CompletedTask;
        }), ct));
        var mcCouncils = new Option<int>("--councils") { Description = "1: a council (issue 12's budget 1 s); 40: a consortium of 40 " +
            "(budget 20 s).", DefaultValueFactory = _ => 1 };
        var mcServices = new Option<int>("--services") { Description = "Services of each council.", DefaultValueFactory = _ => 3 };
        var mcMonths = new Option<int>("--months") { Description = "Months in the report period.", DefaultValueFactory = _ => 36 };
        var mcDraws = new Option<int>("--draws") { Description = "Monte Carlo draws.", DefaultValueFactory = _ => 10_000 };
        var mcRepeats = new Option<int>("--repeats") { Description = "Timed runs of each (after one warm-up).", DefaultValueFactory = _ => 5 };
        var montecarlo = new Command("montecarlo",
            "Time the Green Book appraisal with 10,000 Monte Carlo draws against the same appraisal without them, for a council or a consortium.")
            { mcCouncils, mcServices, mcMonths, mcDraws, mcRepeats };
        montecarlo.SetAction((parse, ct) => CommandRunner.RunAsync(token =>
        {
            MonteCarloBenchmark.Run(parse.GetValue(mcCouncils), parse.GetValue(mcServices), parse.GetValue(mcMonths),
                parse.GetValue(mcDraws), parse.GetValue(mcRepeats), Console.Out, token);
            return Task.FromResult(ExitCodes.Success);
        }, ct));
        return new Command("bench", "Benchmarks, with a reference measured in the same run.") { ingest, report, workbook, montecarlo };
    }

    private static Option<string?> WorkOption() => new("--work")
    {
        Description = "Scratch folder, kept (default: a new temporary folder, removed when the run ends).",
        HelpName = "DIR",
    };

    /// <summary>
    /// Runs a benchmark in the scratch folder given (kept, for looking at or rerunning), or else in a new temporary folder
    /// removed when the run ends however it ends: a million-event ingest leaves about 0.5 GB there (the CSV and three stores),
    /// and runs without --work had left 30 such folders, 13 GB, on the machine the tests run on.
    /// </summary>
    private static async Task<int> InWorkDir(string? given, Func<string, Task> run)
    {
        if (given is not null)
        {
            await run(given);
            return ExitCodes.Success;
        }
        var dir = Directory.CreateTempSubdirectory("benefits-bench-").FullName;
        try
        {
            await run(dir);
            return ExitCodes.Success;
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"benefits: could not remove the scratch folder {dir}: {e.Message}");
            }
        }
    }
}
