using System.CommandLine;
using BenefitsTracker.Cli.Terminal;
using BenefitsTracker.Data;
using BenefitsTracker.Ingestion;

namespace BenefitsTracker.Cli.Commands;

public static class IngestCommand
{
    /// <summary>The kinds --kind takes, in the order the help lists them.</summary>
    private static readonly string KindList = string.Join(", ", Enum.GetValues<InputKind>().Select(k => k.Key()));

    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders: CSV with a header row, or NDJSON (.ndjson/.jsonl); " +
            "assumptions as .json.", Arity = ArgumentArity.OneOrMore };
        var kind = new Option<InputKind>("--kind")
        {
            Description = $"What the files hold: {KindList}; auto detects it from the columns.",
            DefaultValueFactory = _ => InputKind.Auto,
            HelpName = "kind",
            // Parsed here, not by the enum binder, whose error names an internal type.
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (InputKinds.TryParse(text, out var k) && !int.TryParse(text, out _)) return k;
                r.AddError($"--kind '{text}' is not a kind of input; use one of {KindList}");
                return InputKind.Auto;
            },
        };
        var db = StorageOptions.Db();
        var command = new Command("ingest",
            "Load usage events, cases, cost lines, councils or assumptions. Bad rows go to NAME.rejects.csv; the rest loads.") { paths, kind, db };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            await using var store = await StorageOptions.OpenForWritingAsync(StorageOptions.Target(parse.GetValue(db)), token);
            var summary = await IngestAndPrintAsync(store, parse.GetValue(paths)!, parse.GetValue(kind), token);
            return summary.Files.Count == 0 ? ExitCodes.BadInput : ExitCodes.Success;
        }, ct));
        return command;
    }

    /// <summary>Ingests with progress on a terminal and prints each file's counts, those committed before a failure too.</summary>
    internal static async Task<IngestSummary> IngestAndPrintAsync(BenefitsDbContext store, IReadOnlyList<string> paths, InputKind kind,
        CancellationToken ct)
    {
        var ingestor = new Ingestor(store);
        IngestSummary summary;
        try
        {
            summary = await IngestProgressView.RunAsync(progress => ingestor.IngestAsync(paths, kind, progress, ct));
        }
        catch (UnusableInputException e)
        {
            // The files before the unusable one are committed: say so, or it looks as if nothing loaded.
            foreach (var f in e.Completed) Console.WriteLine(f);
            if (e.Completed.Count > 0)
                Console.Error.WriteLine($"benefits: {e.Completed.Count} file{(e.Completed.Count == 1 ? " was" : "s were")} stored before " +
                    $"the one that stopped the ingest; it and the files after it were not");
            throw;
        }
        foreach (var f in summary.Files) Console.WriteLine(f);
        if (summary.Files.Count == 0) Console.Error.WriteLine("benefits: no input files found in " + string.Join(", ", paths));
        return summary;
    }
}
