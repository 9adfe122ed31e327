using BenefitsTracker.Analytics.Counterfactual;
using BenefitsTracker.Application.Deflators;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using BenefitsTracker.Reports;

namespace BenefitsTracker.Application;

/// <summary>
/// Store → engine → outputs: reads a council's or consortium's rollups, computes the one result
/// with the savings engine, and writes every output from it (savings.xlsx, report.html, charts, manifest.json).
/// </summary>
public sealed class ReportPipeline(StoreQueries queries)
{
    /// <summary>Where the assumptions came from, for messages: the file given, or the stored set.</summary>
    private string _assumptionsSource = "the assumptions";
    /// <summary>The --assumptions file's name, for the reports' caveats (where each figure came from); null for the stored set.</summary>
    private string? _assumptionsFile;

    /// <summary>A GDP deflator file replacing the shipped series (<c>--deflators FILE</c>); null: the shipped one.</summary>
    public string? DeflatorsFile { get; init; }

    /// <summary>
    /// The assumptions to use: the file given, else the set stored by the last ingest of one; with the GDP
    /// deflator series (<see cref="DeflatorsFile"/>, else the file's own <c>gdp_deflators</c>, else the shipped one).
    /// </summary>
    public async Task<AssumptionSet> AssumptionsAsync(string? file, CancellationToken ct)
    {
        // --deflators FILE, else the file's own gdp_deflators, else the shipped series.
        var given = DeflatorsFile is null ? null : await GdpDeflators.LoadAsync(DeflatorsFile, ct);
        AssumptionSet WithSeries(AssumptionSet set) => given is not null ? set.WithDeflators(given)
            : set.Deflators is not null ? set : set.WithDeflators(GdpDeflators.Shipped);
        if (file is not null)
        {
            if (!File.Exists(file)) throw new UsageException($"--assumptions: no such file '{file}'");
            _assumptionsSource = $"--assumptions {file}";
            _assumptionsFile = Path.GetFileName(file);
            return WithSeries(Parse(await File.ReadAllBytesAsync(file, ct)));
        }
        var stored = await queries.LatestAssumptionsAsync(ct)
            ?? throw new UsageException("no assumptions: ingest an assumptions file (benefits ingest assumptions.json) or pass --assumptions FILE");
        _assumptionsSource = $"the stored assumptions '{stored.Version}' (last ingested)";
        return WithSeries(Parse(stored.Json));
    }

    private AssumptionSet Parse(byte[] json)
    {
        try { return AssumptionSet.Parse(json); }
        catch (AssumptionsException e) { throw new UsageException($"{_assumptionsSource}: {e.Message}"); }
    }

    public async Task<SavingsResult> ComputeAsync(ScopeKind kind, string id, ReportRequest request, AssumptionSet assumptions, CancellationToken ct)
    {
        try { return await WithDataQualityAsync(await ComputeScopeAsync(kind, id, request, assumptions, ct), ct); }
        catch (AssumptionsException e) { throw new UsageException($"{_assumptionsSource}: {e.Message}"); }
    }

    private async Task<SavingsResult> ComputeScopeAsync(ScopeKind kind, string id, ReportRequest request, AssumptionSet assumptions,
        CancellationToken ct)
    {
        if (request.From > request.To) throw new UsageException($"--from {request.From} is after --to {request.To}");
        if (kind == ScopeKind.Council)
        {
            id = id.Trim().ToUpperInvariant(); // GSS codes are stored in upper case; "w06000003" is the same council
            if (!CouncilCode.IsValid(id))
                throw new UsageException($"--council '{id}' is not a GSS code (a letter E, W, S or N and eight digits, e.g. W06000003)");
            var council = await queries.LoadCouncilAsync(id, ct)
                ?? throw new UsageException($"--council {id}: no such council in the store; it holds " +
                    $"{Listing(await queries.CouncilCodesAsync(ct), "no council (ingest councils.csv first)")}");
            var consortium = council.Consortium is { } c ? await queries.LoadConsortiumAsync(c, ct) : null;
            var (from, to) = await queries.DataRangeAsync(id, ct);
            // The council's own files, and its consortium's (shared cost lines are apportioned to it).
            var inputs = await queries.InputFilesAsync(council.Consortium is { } cid ? [id, cid] : [id], ct);
            // Estimates from the same data. The engine's figures depend on them only where the file says
            // "deadweight": "estimated" (docs/assumptions.md); then they are worked out first and handed in.
            var estimates = CounterfactualEstimator.ForCouncil(council, consortium, assumptions, request);
            var result = SavingsEngine.ComputeCouncil(council, consortium, EstimatedDeadweights.Apply(assumptions, estimates), request,
                Lineage(inputs, assumptions, from, to, _assumptionsFile));
            return result with { Counterfactual = estimates };
        }
        else
        {
            var consortium = await queries.LoadConsortiumAsync(id, ct)
                ?? throw new UsageException($"--consortium {id}: no such consortium in the store; it holds " +
                    $"{Listing(await queries.ConsortiumIdsAsync(ct), "no consortium (ingest a councils file with a consortium column)")}");
            Month? from = null, to = null;
            foreach (var member in consortium.Members)
            {
                var (f, t) = await queries.DataRangeAsync(member.Code, ct);
                if (f is { } mf && (from is null || mf < from)) from = mf;
                if (t is { } mt && (to is null || mt > to)) to = mt;
            }
            var inputs = await queries.InputFilesAsync([id, .. consortium.Members.Select(m => m.Code)], ct);
            var estimates = CounterfactualEstimator.ForConsortium(consortium, assumptions, request);
            var result = SavingsEngine.ComputeConsortium(consortium, EstimatedDeadweights.Apply(assumptions, estimates), request,
                Lineage(inputs, assumptions, from, to, _assumptionsFile));
            return result with { Counterfactual = estimates };
        }
    }

    /// <summary>
    /// The data-quality job's latest findings about the report's council (a consortium's members) in its period, or
    /// about a whole feed or file, added to the caveats (docs/jobs.md, data-quality). None stored, nothing added.
    /// </summary>
    private async Task<SavingsResult> WithDataQualityAsync(SavingsResult result, CancellationToken ct)
    {
        IReadOnlyList<string> councils = result.Scope.Kind == ScopeKind.Council ? [result.Scope.Id] : [.. result.Members.Select(m => m.Scope.Id)];
        var findings = await queries.DataQualityFindingsAsync(councils, result.Request.From.Key, result.Request.To.Key, ct);
        if (findings.Count == 0) return result;
        // Each as a phrase too, so that a Welsh page words it in Welsh: the frame, and the detail as the job stored it (a row
        // stored before the job kept its phrase: the detail as text).
        var notes = findings.Select(f =>
        {
            var (kind, service, date) = (f.Kind.Replace('-', ' '), f.Service.Length > 0 ? " " + f.Service : "",
                $"{f.FoundAt.UtcDateTime:yyyy-MM-dd}");
            return Phrase.Of("data_quality.finding",
                $"Data quality ({kind}, {f.CouncilCode}{service}): {f.Detail}. " +
                $"Found by the data-quality job on {date}; figures for that month or feed may be incomplete.",
                ("kind", Phrase.Of("data_quality.kind." + f.Kind, kind)), ("council", f.CouncilCode), ("service", service),
                ("detail", Jobs.StoredPhrase.Read(f.DetailPhrase, f.Detail)), ("date", date));
        }).ToList();
        return result with { NotePhrases = [.. result.NotePhrases, .. notes] };
    }

    /// <summary>"W06000001, W06000002" (at most 20, then how many more), or <paramref name="none"/>.</summary>
    private static string Listing(IReadOnlyList<string> held, string none) => held.Count == 0 ? none
        : string.Join(", ", held.Take(20)) + (held.Count > 20 ? $" and {held.Count - 20} more" : "");

    /// <summary>
    /// Writes every output of one result into <paramref name="outDir"/>, the page and charts in each of
    /// <paramref name="languages"/> (default English).
    /// </summary>
    public static void Write(SavingsResult result, string outDir, DateTimeOffset generatedAt, CancellationToken ct,
        IReadOnlyList<Reports.Localisation.ReportLanguage>? languages = null)
    {
        ReportWriter.WriteSet(result, outDir, generatedAt, languages ?? [Reports.Localisation.ReportLanguage.En], ct);
    }

    /// <summary>The stored set's file is the input whose SHA-256 is the set's (its name as ingested).</summary>
    private static Lineage Lineage(IReadOnlyList<InputFile> inputs, AssumptionSet a, Month? from, Month? to, string? file) =>
        new(inputs, a.Version, a.Sha256, SoftwareVersion.Text, from, to,
            file ?? inputs.FirstOrDefault(i => string.Equals(i.Sha256, a.Sha256, StringComparison.OrdinalIgnoreCase))?.File);
}
