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

public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var inbox = new Option<string?>("--inbox") { Description = "Folder the ingest-inbox job watches." };
        var reports = new Option<string?>("--reports") { Description = "Folder the monthly-reports job writes to." };
        var command = new Command("serve", "Web dashboard, HTTP API and the scheduler in one process.") { urls, StorageOptions.Db(), inbox, reports };
        command.SetAction(_ => NotYet.Say("'benefits serve' (web dashboard, HTTP API, scheduler)"));
        return command;
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

public static class ApiKeyCommand
{
    public static Command Create()
    {
        var council = new Option<string>("--council") { Description = "GSS code of the council the key is bound to.", Required = true, HelpName = "GSS" };
        var create = new Command("create", "Print a new API key bound to one council (only its hash is stored).") { council, StorageOptions.Db() };
        create.SetAction(_ => NotYet.Say("'benefits apikey create' (HTTP API keys)"));
        return new Command("apikey", "API keys for the HTTP API.") { create };
    }
}
