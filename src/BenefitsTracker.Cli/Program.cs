using System.CommandLine;
using BenefitsTracker.Cli.Commands;

namespace BenefitsTracker.Cli;

/// <summary>The `benefits` command: parses arguments, calls the same services the web host uses, prints.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("BenefitsTracker: measure, capture and share the benefits and savings of digital public services.")
        {
            DemoCommand.Create(),
            IngestCommand.Create(),
            ReportCommand.Create(),
            PublishCommand.Create(),
            ServeCommand.Create(),
            JobsCommand.Create(),
            ApiKeyCommand.Create(),
            DbCommand.Create(),
            GenerateCommand.Create(),
            BenchCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"benefits: {error.Message}");
            Console.Error.WriteLine("Run 'benefits --help' to see the commands and their options.");
            return ExitCodes.BadInput;
        }
        // `serve` stops on Ctrl-C / SIGTERM through the web host itself, which lets in-flight requests finish
        // (Benefits:ShutdownSeconds); the other commands are cancelled through their token.
        var serving = parse.CommandResult.Command.Name == "serve";
        return await parse.InvokeAsync(serving ? new InvocationConfiguration { ProcessTerminationTimeout = null } : null);
    }
}
