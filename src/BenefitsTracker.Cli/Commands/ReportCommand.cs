using System.CommandLine;
using BenefitsTracker.Cli.Terminal;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Cli.Commands;

public static class ReportCommand
{
    public static Command Create()
    {
        var council = new Option<string?>("--council") { Description = "GSS code of the council to report on.", HelpName = "GSS" };
        var consortium = new Option<string?>("--consortium") { Description = "Id of the consortium to report on (members side by side).",
            HelpName = "ID" };
        var from = StorageOptions.Month("--from", "First month of the analysis period.");
        var to = StorageOptions.Month("--to", "Last month of the analysis period (inclusive).");
        var service = new Option<string?>("--service") { Description = "Report on one service only (its slug); default: the council's " +
            "services summed.", HelpName = "SLUG" };
        var assumptions = new Option<string?>("--assumptions") { Description = "Assumptions file for this report only; default: the set " +
            "stored by the last ingest of one.", HelpName = "FILE" };
        var deflators = new Option<string?>("--deflators") { Description = "GDP deflator series (financial years) for real terms, " +
            "replacing the shipped HM Treasury release (docs/assumptions.md, Real prices).", HelpName = "FILE" };
        var output = new Option<string?>("--out") { Description = "Folder for savings.xlsx, report.html, charts/ and manifest.json " +
            "(default: reports/ID/FROM_TO).", HelpName = "DIR" };
        var db = StorageOptions.Db();
        var language = StorageOptions.Language();
        var command = new Command("report",
            "Compute the savings of a council or consortium and write the spreadsheet, HTML report, charts and manifest.json.")
        {
            council, consortium, from, to, service, assumptions, deflators, output, db, language,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(council) is null) == (r.GetValue(consortium) is null))
                r.AddError("give exactly one of --council GSS or --consortium ID");
        });
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async token =>
        {
            var request = new ReportRequest(ParseMonth("--from", parse.GetValue(from)!), ParseMonth("--to", parse.GetValue(to)!),
                parse.GetValue(service));
            // The arguments are checked before the store is opened or the assumptions read: a reversed period is the first thing to say.
            if (request.From > request.To) throw new UsageException($"--from {request.From} is after --to {request.To}");
            var languages = StorageOptions.Languages(parse.GetValue(language));
            // GSS codes are upper case in the store; "w06000003" is the same council.
            var (kind, id) = parse.GetValue(council) is { } c ? (ScopeKind.Council, c.Trim().ToUpperInvariant())
                : (ScopeKind.Consortium, parse.GetValue(consortium)!);
            CheckOut(parse.GetValue(output));
            await using var store = await StorageOptions.OpenForReadingAsync(StorageOptions.Target(parse.GetValue(db)), token);
            var pipeline = new ReportPipeline(new StoreQueries(store)) { DeflatorsFile = parse.GetValue(deflators) };
            var set = await pipeline.AssumptionsAsync(parse.GetValue(assumptions), token);
            var result = await Said(() => pipeline.ComputeAsync(kind, id, request, set, token), languages);
            var outDir = parse.GetValue(output) ?? Path.Combine("reports", id,
                $"{request.From}_{request.To}" + (request.Service is { } s ? "_" + s : ""));
            ReportPipeline.Write(result, outDir, DateTimeOffset.UtcNow, token, languages);
            foreach (var l in languages) Summary.Print(result, outDir, l);
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    /// <summary>
    /// Why the engine cannot make the report, in the languages of --language (issue 15): with cy, the Welsh of its reason
    /// (<see cref="MethodException.Reason"/>) on a line of its own after or instead of the English, as the summary would be.
    /// </summary>
    internal static async Task<T> Said<T>(Func<Task<T>> work, IReadOnlyList<ReportLanguage> languages)
    {
        try
        {
            return await work();
        }
        catch (MethodException e) when (e.Reason is { } reason && languages.Any(l => l != ReportLanguage.En))
        {
            var lines = languages.Select(l => l == ReportLanguage.En ? e.Message : ReportPhrases.Render(reason, ReportText.For(l)));
            throw new MethodException(string.Join(Environment.NewLine + "benefits: ", lines), e.Path);
        }
    }

    /// <summary>An --out that cannot be a report folder is said so before any work is done.</summary>
    private static void CheckOut(string? output)
    {
        if (output is null) return;
        if (string.IsNullOrWhiteSpace(output)) throw new UsageException("--out is empty: give the folder to write the report into");
        if (File.Exists(output)) throw new UsageException($"--out {output} is a file; give a folder for the report's files");
    }

    internal static Month ParseMonth(string option, string text) =>
        Month.TryParse(text, out var m) ? m : throw new UsageException($"{option} '{text}' is not a month in the form YYYY-MM (e.g. 2024-04)");
}
