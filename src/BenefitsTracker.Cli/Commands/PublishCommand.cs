using System.CommandLine;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using BenefitsTracker.Reports.OpenData;

namespace BenefitsTracker.Cli.Commands;

/// <summary>`benefits publish`: the KPIs as open data (tidy CSV with CSVW metadata), through the same engine as `report`.</summary>
public static class PublishCommand
{
    public static Command Create()
    {
        var council = new Option<string?>("--council") { Description = "GSS code of the council to publish.", HelpName = "GSS" };
        var consortium = new Option<string?>("--consortium") { Description = "Id of the consortium to publish (small numbers suppressed).",
            HelpName = "ID" };
        var from = StorageOptions.Month("--from", "First month to publish.");
        var to = StorageOptions.Month("--to", "Last month to publish (inclusive).");
        var assumptions = new Option<string?>("--assumptions") { Description = "Assumptions file (unit costs, targets); default: the set " +
            "stored by the last ingest of one.", HelpName = "FILE" };
        var output = new Option<string>("--out") { Description = "Folder for kpis.csv and kpis.csv-metadata.json.", HelpName = "DIR",
            Required = true };
        var db = StorageOptions.Db();
        var command = new Command("publish", "Write the four service KPIs as open data: tidy CSV with CSV-on-the-web (CSVW) metadata.")
        {
            council, consortium, from, to, assumptions, output, db,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(council) is null) == (r.GetValue(consortium) is null))
                r.AddError("give exactly one of --council GSS or --consortium ID");
        });
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var request = new ReportRequest(ReportCommand.ParseMonth("--from", parse.GetValue(from)!),
                ReportCommand.ParseMonth("--to", parse.GetValue(to)!));
            if (request.From > request.To) throw new UsageException($"--from {request.From} is after --to {request.To}");
            var (kind, id) = parse.GetValue(council) is { } c ? (ScopeKind.Council, c.Trim().ToUpperInvariant())
                : (ScopeKind.Consortium, parse.GetValue(consortium)!);
            var outDir = parse.GetValue(output)!;
            if (string.IsNullOrWhiteSpace(outDir)) throw new UsageException("--out is empty: give the folder to write the open data into");
            if (File.Exists(outDir)) throw new UsageException($"--out {outDir} is a file; give a folder");
            await using var store = await StorageOptions.OpenForReadingAsync(StorageOptions.Target(parse.GetValue(db)), token);
            var pipeline = new ReportPipeline(new StoreQueries(store));
            var set = await pipeline.AssumptionsAsync(parse.GetValue(assumptions), token);
            var result = await pipeline.ComputeAsync(kind, id, request, set, token);
            var rows = OpenDataWriter.Write(result, outDir, DateTimeOffset.UtcNow);
            Console.WriteLine($"{result.Scope.Name} ({result.Scope.Id}), {request.From} to {request.To}: {rows:N0} rows of KPIs for " +
                $"{result.Kpis.Count} services");
            Console.WriteLine($"  written to {Path.Combine(outDir, OpenDataWriter.CsvName)} and {OpenDataWriter.MetadataName}");
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
