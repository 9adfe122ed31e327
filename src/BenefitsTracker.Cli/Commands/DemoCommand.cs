using System.CommandLine;
using BenefitsTracker.Cli.Pipeline;
using BenefitsTracker.Cli.Terminal;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using BenefitsTracker.Ingestion;
using BenefitsTracker.Reports.Localisation;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Cli.Commands;

/// <summary>`benefits demo`: sample-data/ into a fresh embedded database, then every council's and consortium's report.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder for the reports.",
            DefaultValueFactory = _ => Path.Combine("reports", "demo"), HelpName = "DIR" };
        var samples = new Option<string?>("--sample-data") { Description = "Folder of sample inputs (default: sample-data/ here or beside " +
            "the program's repository).", HelpName = "DIR" };
        var db = new Option<string?>("--db")
        {
            Description = "An empty database to load instead (e.g. postgres:CONNECTION-STRING); default: a fresh SQLite file in --out. " +
                "BENEFITS_DB is not read.",
            HelpName = "target",
        };
        var language = StorageOptions.Language();
        var command = new Command("demo",
            "Load sample-data/ into a fresh embedded database and write every council's and the consortium's reports.")
        {
            output, samples, db, language,
        };
        command.SetAction((parse, ct) =>
            CommandRunner.RunAsync(token => RunAsync(parse.GetValue(output)!, parse.GetValue(samples), token, parse.GetValue(db),
                StorageOptions.Languages(parse.GetValue(language))), ct));
        return command;
    }

    /// <param name="db">
    /// A database to load instead of a fresh SQLite file (only when given: BENEFITS_DB, which names a real store, is not
    /// read). It must hold no files yet, so that the demo's figures are the sample's alone.
    /// </param>
    /// <param name="languages">The languages of the reports and of index.html (index.cy.html in Welsh); default English.</param>
    public static async Task<int> RunAsync(string outDir, string? sampleDir, CancellationToken ct, string? db = null,
        IReadOnlyList<ReportLanguage>? languages = null)
    {
        languages ??= [ReportLanguage.En];
        var samples = sampleDir ?? SampleData.Locate() ?? throw new UsageException("cannot find sample-data/: run from the repository " +
            "folder or pass --sample-data DIR");
        Directory.CreateDirectory(outDir);
        DatabaseTarget target;
        if (string.IsNullOrWhiteSpace(db))
        {
            var dbPath = Path.Combine(outDir, "demo.db");
            foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" }) File.Delete(f);
            Console.WriteLine($"Loading {samples} into a fresh embedded database ({dbPath})");
            target = DatabaseTarget.Parse("sqlite:" + dbPath);
        }
        else
        {
            target = DatabaseTarget.TryParse(db, out var named, out var problem) ? named : throw new UsageException($"--db: {problem}");
            Console.WriteLine($"Loading {samples} into {target}");
        }

        await using var store = await StorageOptions.OpenForWritingAsync(target, ct);
        if (!string.IsNullOrWhiteSpace(db) && await store.IngestedFiles.CountAsync(ct) is var held and > 0)
            throw new UsageException($"the demo needs an empty database, and {target} already holds {held} ingested files; give it a new one");
        var summary = await IngestCommand.IngestAndPrintAsync(store, [samples], InputKind.Auto, ct);
        if (summary.Files.Count == 0) throw new UsageException($"no input files in {samples}");

        var queries = new StoreQueries(store);
        var pipeline = new ReportPipeline(queries);
        var assumptions = await pipeline.AssumptionsAsync(null, ct);
        var (_, dataTo) = await queries.DataRangeAsync(null, ct);
        var request = DemoPeriod(assumptions, await queries.CouncilCodesAsync(ct), dataTo);
        var generatedAt = DateTimeOffset.UtcNow;
        var written = new List<(SavingsResult Result, string Folder)>();

        var scopes = (await queries.CouncilCodesAsync(ct)).Select(code => (ScopeKind.Council, code, Path.Combine("councils", code)))
            .Concat((await queries.ConsortiumIdsAsync(ct)).Select(id => (ScopeKind.Consortium, id, Path.Combine("consortia", id))));
        foreach (var (kind, id, folder) in scopes)
        {
            var result = await pipeline.ComputeAsync(kind, id, request, assumptions, ct);
            ReportPipeline.Write(result, Path.Combine(outDir, folder), generatedAt, ct, languages);
            foreach (var l in languages) Summary.Print(result, Path.Combine(outDir, folder), l);
            written.Add((result, folder));
        }
        foreach (var l in languages) DemoIndex.Write(Path.Combine(outDir, l.FileName("index.html")), request, written, l, languages);
        Console.WriteLine($"Open {Path.Combine(outDir, languages[0].FileName("index.html"))} for every report.");
        return ExitCodes.Success;
    }

    /// <summary>From the earliest go-live of the sample's services to the last month with data.</summary>
    private static ReportRequest DemoPeriod(Core.Assumptions.AssumptionSet assumptions, IReadOnlyList<string> councils, Month? dataTo)
    {
        using var json = System.Text.Json.JsonDocument.Parse(assumptions.Json);
        var slugs = json.RootElement.TryGetProperty("services", out var services) ? services.EnumerateObject().Select(p => p.Name).ToList() : [];
        var goLives = slugs.Select(s => assumptions.ForService(councils[0], s).GoLive).OfType<string>().Select(Month.Parse).ToList();
        var from = goLives.Count > 0 ? goLives.Min() : throw new UsageException("the sample assumptions name no services");
        var to = dataTo ?? throw new UsageException("the sample data holds no events");
        return new ReportRequest(from, to);
    }
}
