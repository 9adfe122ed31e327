using System.CommandLine;
using BenefitsTracker.Web.Hosting;

namespace BenefitsTracker.Cli.Commands;

/// <summary>`benefits serve`: the web host (API, dashboard; the scheduler when the jobs issue lands) in this process.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on (default http://127.0.0.1:5080, or " +
            "Benefits:Urls).", HelpName = "URLS" };
        var db = StorageOptions.Db();
        var inbox = new Option<string?>("--inbox") { Description = "Folder the ingest-inbox job watches.", HelpName = "DIR" };
        var reports = new Option<string?>("--reports") { Description = "Folder the monthly-reports job writes to; report downloads are " +
            "built under it.", HelpName = "DIR" };
        var command = new Command("serve", "Web dashboard, HTTP API and the scheduler in one process; stops on Ctrl-C or SIGTERM.") { urls,
            db, inbox, reports };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            // Flags win over BENEFITS__... environment variables, which win over appsettings.json.
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (parse.GetValue(urls) is { } u) overrides["Benefits:Urls"] = u;
            if (parse.GetValue(db) is { } d)
            {
                StorageOptions.Target(d); // a bad --db is a usage error naming the flag
                overrides["Benefits:Db"] = d;
            }
            if (parse.GetValue(inbox) is { } i) overrides["Benefits:Inbox"] = Path.GetFullPath(i);
            if (parse.GetValue(reports) is { } r) overrides["Benefits:Reports"] = Path.GetFullPath(r);
            await using var app = ServiceHost.Build(overrides);
            try
            {
                await ServiceHost.RunAsync(app, token);
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                Console.Error.WriteLine($"benefits: {e.Message} Stop the other server or choose another address with --urls.");
                return ExitCodes.Failed;
            }
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
