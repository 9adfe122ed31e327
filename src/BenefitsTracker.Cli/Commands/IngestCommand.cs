using System.CommandLine;
using BenefitsTracker.Cli.Terminal;
using BenefitsTracker.Data;
using BenefitsTracker.Ingestion;

namespace BenefitsTracker.Cli.Commands;

public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders: CSV with a header row, or NDJSON (.ndjson/.jsonl); assumptions as .json.", Arity = ArgumentArity.OneOrMore };
        var kind = new Option<InputKind>("--kind") { Description = "What the files hold; auto detects it from the columns.", DefaultValueFactory = _ => InputKind.Auto };
        var db = StorageOptions.Db();
        var command = new Command("ingest", "Load usage events, cases, cost lines, councils or assumptions. Bad rows go to NAME.rejects.csv; the rest loads.") { paths, kind, db };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            await using var store = await BenefitsStore.OpenAsync(StorageOptions.Target(parse.GetValue(db)), token);
            var summary = await IngestAndPrintAsync(store, parse.GetValue(paths)!, parse.GetValue(kind), token);
            return summary.Files.Count == 0 ? ExitCodes.BadInput : ExitCodes.Success;
        }, ct));
        return command;
    }

    /// <summary>Ingests with progress on a terminal and prints each file's counts.</summary>
    internal static async Task<IngestSummary> IngestAndPrintAsync(BenefitsDbContext store, IReadOnlyList<string> paths, InputKind kind, CancellationToken ct)
    {
        var ingestor = new Ingestor(store);
        var summary = await IngestProgressView.RunAsync(progress => ingestor.IngestAsync(paths, kind, progress, ct));
        foreach (var f in summary.Files) Console.WriteLine(f);
        if (summary.Files.Count == 0) Console.Error.WriteLine("benefits: no input files found in " + string.Join(", ", paths));
        return summary;
    }
}
