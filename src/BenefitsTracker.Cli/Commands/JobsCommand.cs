using System.CommandLine;
using System.Globalization;
using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Data;
using BenefitsTracker.Web.Jobs;
using Microsoft.Extensions.Configuration;

namespace BenefitsTracker.Cli.Commands;

/// <summary>
/// `benefits jobs list | run NAME | history [NAME]` (docs/jobs.md): the scheduled jobs of `benefits serve`, run by
/// hand through the same <see cref="JobRunner"/> the scheduler uses, with the same settings (appsettings.json beside
/// the program, then BENEFITS__... variables).
/// </summary>
public static class JobsCommand
{
    public static Command Create()
    {
        var listDb = StorageOptions.Db();
        var list = new Command("list", "Each job, its cron expression, its next fire time and its last run.") { listDb };
        list.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var options = Options();
            var crons = JobSchedules.Parse(options);
            var target = StorageOptions.Target(parse.GetValue(listDb));
            BenefitsStore.RequireExists(target); // only ingest (and ingest-inbox) create a store
            await using var db = await StorageOptions.OpenForWritingAsync(target, token);
            var last = await new JobHistory(db).LastRunsAsync(token);
            var now = DateTimeOffset.UtcNow;
            Console.WriteLine($"{"job",-16} {"cron",-16} {"next fire (" + options.TimeZone + ")",-28} last run");
            foreach (var job in JobNames.All)
            {
                var next = JobSchedules.Next(crons[job], now) is { } n ? TimeZoneInfo.ConvertTime(n, options.Zone())
                    .ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) : "never";
                Console.WriteLine($"{job,-16} {crons[job].CronExpressionString,-16} {next,-28} " +
                    $"{(last.TryGetValue(job, out var r) ? Describe(r) : "never run")}");
            }
            Console.WriteLine("Next fire times are those of `benefits serve` with these settings (docs/jobs.md); a job runs only while it serves.");
            return ExitCodes.Success;
        }, ct));

        var name = new Argument<string>("name") { Description = "ingest-inbox, refresh-rollups, monthly-reports or data-quality." };
        var runDb = StorageOptions.Db();
        var inbox = new Option<string?>("--inbox") { Description = "Inbox folder (ingest-inbox); default Benefits:Inbox.", HelpName = "DIR" };
        var reports = new Option<string?>("--reports") { Description = "Reports folder (monthly-reports); default Benefits:Reports.",
            HelpName = "DIR" };
        var run = new Command("run", "Run one job once, now, in the foreground; exit 0 when the run succeeded, 1 when it failed.") { name,
            runDb, inbox, reports };
        run.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var configuration = Configuration();
            var options = Options(configuration);
            var target = StorageOptions.Target(parse.GetValue(runDb));
            var runner = new JobRunner(target, options, TimeProvider.System)
            {
                Inbox = Folder(parse.GetValue(inbox) ?? configuration["Benefits:Inbox"]),
                Reports = Folder(parse.GetValue(reports) ?? configuration["Benefits:Reports"]),
                Log = Console.Error.WriteLine,
            };
            var job = runner.Check(parse.GetValue(name)!);
            if (job != JobNames.IngestInbox) BenefitsStore.RequireExists(target); // only an ingest creates a store
            await using (await StorageOptions.OpenForWritingAsync(target, token)) { } // created and migrated, naming --db when it cannot be
            var result = await runner.RunAsync(job, JobRun.ByHand, token);
            Console.WriteLine($"{job}: {Describe(result)}");
            return result.Outcome == JobRun.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
        }, ct));

        var historyName = new Argument<string?>("name") { Description = "Only this job's runs.", Arity = ArgumentArity.ZeroOrOne };
        var historyDb = StorageOptions.Db();
        var limit = new Option<int>("--last") { Description = "How many runs to show (newest first).", DefaultValueFactory = _ => 20,
            HelpName = "N" };
        var history = new Command("history", "Past runs, newest first: start, duration, outcome and what they did.") { historyName,
            historyDb, limit };
        history.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var job = parse.GetValue(historyName) is { } n ? JobNames.Check(n) : null;
            var target = StorageOptions.Target(parse.GetValue(historyDb));
            BenefitsStore.RequireExists(target);
            await using var db = await StorageOptions.OpenForWritingAsync(target, token);
            var runs = await new JobHistory(db).ListAsync(job, Math.Max(1, parse.GetValue(limit)), token);
            if (runs.Count == 0) Console.WriteLine(job is null ? "No job has run yet." : $"{job} has not run yet.");
            foreach (var r in runs) Console.WriteLine($"{r.Id,5} {r.Job,-16} {Describe(r)}");
            return ExitCodes.Success;
        }, ct));

        return new Command("jobs", "Scheduled jobs: list them, run one now, or show past runs.") { list, run, history };
    }

    /// <summary>"2026-12-02T10:00:00Z, 1.2 s, succeeded (by hand, on host/4242): 3 ingested, ..."</summary>
    private static string Describe(JobRun r) =>
        $"{r.StartedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}, " +
        $"{(r.Duration is { } d ? d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-")}, " +
        $"{r.Outcome} ({(r.Trigger == JobRun.ByHand ? "by hand" : "on schedule")}{(r.Node is { } node ? ", on " + node : "")}): {r.Summary}";

    private static string? Folder(string? path) => string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);

    /// <summary>The service's settings as `benefits serve` reads them, so that a run by hand behaves as a scheduled one.</summary>
    private static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();

    private static JobOptions Options(IConfiguration? configuration = null) =>
        (configuration ?? Configuration()).GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
}
