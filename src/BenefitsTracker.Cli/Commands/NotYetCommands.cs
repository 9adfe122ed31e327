using System.CommandLine;

namespace BenefitsTracker.Cli.Commands;

/// <summary>Commands whose work a later issue delivers: present with their options, answering "not available yet".</summary>
internal static class NotYet
{
    public static int Say(string what)
    {
        Console.Error.WriteLine($"benefits: {what} is not available yet in this version; see README.md for what is.");
        return ExitCodes.Failed;
    }
}

public static class JobsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "Each job, its cron expression and next fire time.") { StorageOptions.Db() };
        list.SetAction(_ => NotYet.Say("'benefits jobs list' (scheduled jobs)"));
        var name = new Argument<string>("name") { Description = "ingest-inbox, refresh-rollups, monthly-reports or data-quality." };
        var run = new Command("run", "Run one job once, now.")
        {
            name, StorageOptions.Db(),
            new Option<string?>("--inbox") { Description = "Inbox folder." },
            new Option<string?>("--reports") { Description = "Reports folder." },
        };
        run.SetAction(_ => NotYet.Say("'benefits jobs run' (scheduled jobs)"));
        return new Command("jobs", "Scheduled jobs: list them, or run one now.") { list, run };
    }
}
