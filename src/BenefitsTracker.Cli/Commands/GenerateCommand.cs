using System.CommandLine;
using BenefitsTracker.Cli.Terminal;
using BenefitsTracker.Ingestion.Synthetic;

namespace BenefitsTracker.Cli.Commands;

public static class GenerateCommand
{
    public static Command Create()
    {
        var councils = new Option<int>("--councils") { Description = "How many councils (the first four are the North Wales consortium).", DefaultValueFactory = _ => 4 };
        var months = new Option<int>("--months") { Description = "How many months, from 2022-04: a baseline year, then go-live.", DefaultValueFactory = _ => 36 };
        var events = new Option<long>("--events") { Description = "About how many event rows to write.", DefaultValueFactory = _ => 12_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same options give the same files.", DefaultValueFactory = _ => 20240401 };
        var output = new Option<string>("--out") { Description = "Folder to write councils.csv, events.csv, cases.csv, costs.csv and assumptions.json.", Required = true };
        var command = new Command("generate", "Realistic synthetic data at any scale, for trials and benchmarks.") { councils, months, events, seed, output };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var options = new GeneratorOptions(parse.GetValue(councils), parse.GetValue(months), parse.GetValue(events), parse.GetValue(seed), parse.GetValue(output)!);
            GeneratorSummary summary;
            try
            {
                summary = Progress.Run("Generating", p => SyntheticDataGenerator.Generate(options, p, ct));
            }
            catch (ArgumentException e) { throw new UsageException(e.Message); }
            Console.WriteLine($"Wrote {summary.EventRows:N0} event rows ({summary.Transactions:N0} transactions), {summary.Cases:N0} cases, " +
                $"{summary.CostLines:N0} cost lines for {summary.Councils} councils to {options.OutDir}");
            return Task.FromResult(ExitCodes.Success);
        }, ct));
        return command;
    }
}
