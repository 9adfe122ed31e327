using System.CommandLine;
using BenefitsTracker.Cli.Terminal;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Ingestion.Synthetic;

namespace BenefitsTracker.Cli.Commands;

public static class GenerateCommand
{
    public static Command Create()
    {
        var councils = new Option<int>("--councils") { Description = "How many councils (the first four are the North Wales consortium).",
            DefaultValueFactory = _ => 4 };
        var months = new Option<int>("--months") { Description = "How many months, from 2022-04: a baseline year, then go-live.",
            DefaultValueFactory = _ => 36 };
        var events = new Option<long>("--events") { Description = "About how many event rows to write.", DefaultValueFactory = _ => 12_000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same options give the same files.", DefaultValueFactory = _ => 20240401 };
        var output = new Option<string>("--out") { Description = "Folder to write councils.csv, events.csv, cases.csv, costs.csv and " +
            "assumptions.json.", Required = true };
        // A known effect to estimate (issue 17; docs/method.md, "Would it have happened anyway?"): any of these switches to a scenario.
        var effect = new Option<double?>("--effect") { Description = "Scenario: share of offline volume that moves online at each " +
            "council's go-live (0.3 = 30%); the true effect goes to truth.csv." };
        var trend = new Option<double?>("--trend") { Description = "Scenario: growth of demand per year (0.05 = 5%)." };
        var seasonality = new Option<double?>("--seasonality") { Description = "Scenario: amplitude of the month-of-year swing in " +
            "demand (0.3 = ±30%)." };
        var noise = new Option<double?>("--noise") { Description = "Scenario: month-to-month noise on each volume, log scale (default 0.05)." };
        var goLive = new Option<string?>("--go-live") { Description = "Scenario: the first council's go-live (YYYY-MM; default 12 months " +
            "after the start); the others follow --stagger months apart, the last never." };
        var stagger = new Option<int?>("--stagger") { Description = "Scenario: months between one council's go-live and the next's (default 6)." };
        var command = new Command("generate",
            "Realistic synthetic data at any scale, for trials and benchmarks; or, with --effect, --trend, --seasonality, --noise or " +
            "--go-live, a scenario with a known effect for the counterfactual estimates.")
            { councils, months, events, seed, output, effect, trend, seasonality, noise, goLive, stagger };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            if (parse.GetValue(effect) is not null || parse.GetValue(trend) is not null || parse.GetValue(seasonality) is not null
                || parse.GetValue(noise) is not null || parse.GetValue(goLive) is not null || parse.GetValue(stagger) is not null)
                return Task.FromResult(Scenario(parse, councils, months, seed, output, effect, trend, seasonality, noise, goLive, stagger));
            var options = new GeneratorOptions(parse.GetValue(councils), parse.GetValue(months), parse.GetValue(events),
                parse.GetValue(seed), parse.GetValue(output)!);
            GeneratorSummary summary;
            try
            {
                summary = Progress.Run("Generating", p => SyntheticDataGenerator.Generate(options, p, ct));
            }
            catch (ArgumentException e) { throw new UsageException(e.Message); }
            Console.WriteLine($"Wrote {summary.EventRows:N0} event rows ({summary.Transactions:N0} transactions, " +
                $"{summary.Ratings:N0} satisfaction ratings), {summary.Cases:N0} cases, " +
                $"{summary.CostLines:N0} cost lines for {summary.Councils} councils to {options.OutDir}");
            return Task.FromResult(ExitCodes.Success);
        }, ct));
        return command;
    }

    private static int Scenario(ParseResult parse, Option<int> councils, Option<int> months, Option<ulong> seed, Option<string> output,
        Option<double?> effect, Option<double?> trend, Option<double?> seasonality, Option<double?> noise, Option<string?> goLive,
            Option<int?> stagger)
    {
        var start = new GeneratorOptions(1, 1, 1, 0, "").Start;
        var count = parse.GetValue(months);
        if (count < 2) throw new UsageException("--months must be at least 2");
        var end = start.AddMonths(count - 1);
        var first = start.AddMonths(GeneratorOptions.BaselineMonths);
        if (parse.GetValue(goLive) is { } text && !Month.TryParse(text, out first))
            throw new UsageException($"--go-live '{text}' is not a month: write YYYY-MM, e.g. {start.AddMonths(GeneratorOptions.BaselineMonths)}");
        if (first <= start || first > end)
            throw new UsageException($"--go-live {first} must fall after the first month ({start}) and by the last ({end}) of the --months " +
                $"{count} generated");
        var options = new ScenarioOptions
        {
            Effect = parse.GetValue(effect) ?? 0.3, Trend = parse.GetValue(trend) ?? 0, Seasonality = parse.GetValue(seasonality) ?? 0,
            Noise = parse.GetValue(noise) ?? 0.05, GoLive = first, StaggerMonths = parse.GetValue(stagger) ?? 6,
        };
        if (options.StaggerMonths < 0) throw new UsageException("--stagger must be 0 or more");
        ScenarioData data;
        try { data = CounterfactualScenario.Generate(options, parse.GetValue(councils), start, end, parse.GetValue(seed)); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
        var outDir = parse.GetValue(output)!;
        var (rows, transactions) = ScenarioFiles.Write(data, outDir);
        Console.WriteLine($"Wrote a scenario ({start} to {end}; effect {options.Effect}, trend {options.Trend}, seasonality " +
            $"{options.Seasonality}, noise {options.Noise}; " +
            $"go-lives from {first}, {options.StaggerMonths} months apart, the last council never): {rows:N0} event rows " +
            $"({transactions:N0} transactions) " +
            $"for {data.Councils.Count} councils to {outDir}; the true effects are in truth.csv");
        return ExitCodes.Success;
    }
}
