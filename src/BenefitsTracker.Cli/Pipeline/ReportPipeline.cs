using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Cli.Commands;
using BenefitsTracker.Data;
using BenefitsTracker.Reports;
using BenefitsTracker.Reports.Manifest;

namespace BenefitsTracker.Cli.Pipeline;

/// <summary>
/// Store → engine → outputs: reads a council's or consortium's rollups, computes the one result
/// with the savings engine, and writes every output from it (savings.xlsx, report.html, charts, manifest.json).
/// </summary>
public sealed class ReportPipeline(StoreQueries queries)
{
    /// <summary>The assumptions to use: the file given, else the set stored by the last ingest of one.</summary>
    public async Task<AssumptionSet> AssumptionsAsync(string? file, CancellationToken ct)
    {
        if (file is not null)
        {
            if (!File.Exists(file)) throw new UsageException($"--assumptions: no such file '{file}'");
            return AssumptionSet.Parse(await File.ReadAllBytesAsync(file, ct));
        }
        var stored = await queries.LatestAssumptionsAsync(ct)
            ?? throw new UsageException("no assumptions: ingest an assumptions file (benefits ingest assumptions.json) or pass --assumptions FILE");
        return AssumptionSet.Parse(stored.Json);
    }

    public async Task<SavingsResult> ComputeAsync(ScopeKind kind, string id, ReportRequest request, AssumptionSet assumptions, CancellationToken ct)
    {
        if (request.From > request.To) throw new UsageException($"--from {request.From} is after --to {request.To}");
        var inputs = await queries.InputFilesAsync(ct);
        if (kind == ScopeKind.Council)
        {
            if (!CouncilCode.IsValid(id)) throw new UsageException($"--council '{id}' is not a GSS code (a letter E, W, S or N and eight digits, e.g. W06000003)");
            var council = await queries.LoadCouncilAsync(id, ct) ?? throw new UsageException($"--council {id}: no such council in the store (ingest councils.csv first)");
            var consortium = council.Consortium is { } c ? await queries.LoadConsortiumAsync(c, ct) : null;
            var (from, to) = await queries.DataRangeAsync(id, ct);
            return SavingsEngine.ComputeCouncil(council, consortium, assumptions, request, Lineage(inputs, assumptions, from, to));
        }
        else
        {
            var consortium = await queries.LoadConsortiumAsync(id, ct) ?? throw new UsageException($"--consortium {id}: no such consortium in the store");
            var (from, to) = await queries.DataRangeAsync(null, ct);
            return SavingsEngine.ComputeConsortium(consortium, assumptions, request, Lineage(inputs, assumptions, from, to));
        }
    }

    /// <summary>Writes every output of one result into <paramref name="outDir"/>.</summary>
    public static void Write(SavingsResult result, string outDir, DateTimeOffset generatedAt, CancellationToken ct)
    {
        Directory.CreateDirectory(outDir);
        ReportWriter.WriteAll(result, outDir, ct);
        ManifestWriter.Write(result, Path.Combine(outDir, "manifest.json"), generatedAt);
    }

    private static Lineage Lineage(IReadOnlyList<InputFile> inputs, AssumptionSet a, Month? from, Month? to) =>
        new(inputs, a.Version, a.Sha256, SoftwareVersion.Text, from, to);
}
