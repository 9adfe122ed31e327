using BenefitsTracker.Application;
using BenefitsTracker.Application.Reporting;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports;
using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.Reports.Manifest;
using BenefitsTracker.Web.Auth;
using BenefitsTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BenefitsTracker.Web.Apis;

/// <summary>
/// What the API and the dashboard draw from one cached result: manifest.json's bytes, the report files. Both
/// hosts' routes come here, so the API, the dashboard and `benefits report` give the same figures.
/// </summary>
public sealed class ScopeOutputs(ResultCache cache, IOptions<ServiceOptions> options, ServiceStore store)
{
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ReportWriter.WorkbookFile] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [ReportWriter.WorkbookFileFor(ReportLanguage.Cy)] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [ReportWriter.HtmlFile] = "text/html; charset=utf-8",
        [ReportWriter.HtmlFileFor(ReportLanguage.Cy)] = "text/html; charset=utf-8",
        ["manifest.json"] = "application/json",
    };

    /// <summary>Parses from/to (YYYY-MM) into a key, or says what is wrong with them.</summary>
    public static bool TryKey(ScopeKind kind, string id, string? from, string? to, string? service, out ScopeKey key, out string problem)
    {
        var ok = TryKeyWithReason(kind, id, from, to, service, out key, out var why);
        problem = why?.English ?? "";
        return ok;
    }

    /// <summary>As above, with what is wrong as a <see cref="Phrase"/>, for a page in another language (the dashboard's <c>?lang=cy</c>).</summary>
    public static bool TryKeyWithReason(ScopeKind kind, string id, string? from, string? to, string? service, out ScopeKey key, out Phrase? problem)
    {
        key = null!;
        problem = null;
        if (!Month.TryParse(from ?? "", out var f))
        {
            problem = Phrase.Of("period.bad_from", $"from '{from}' is not a month in the form YYYY-MM (e.g. 2024-04)", ("from", from ?? ""));
            return false;
        }
        if (!Month.TryParse(to ?? "", out var t))
        {
            problem = Phrase.Of("period.bad_to", $"to '{to}' is not a month in the form YYYY-MM (e.g. 2025-03)", ("to", to ?? ""));
            return false;
        }
        if (f > t) { problem = Phrase.Of("period.reversed", $"from {f} is after to {t}", ("from", f.ToString()),
            ("to", t.ToString())); return false; }
        // GSS codes are upper case in the store; "w06000003" is the same council, as on the command line.
        if (kind == ScopeKind.Council) id = id.Trim().ToUpperInvariant();
        key = new ScopeKey(kind, id, f, t, string.IsNullOrWhiteSpace(service) ? null : service.Trim());
        return true;
    }

    public Task<CachedReport> ReportAsync(ScopeKey key, CancellationToken ct) => cache.GetAsync(key, ct);

    /// <summary>manifest.json of the result, byte for byte what `benefits report` writes (but for generated_at).</summary>
    public static Task<byte[]> ManifestAsync(CachedReport report) =>
        report.DerivedAsync("manifest", r => Task.FromResult(ManifestWriter.ToUtf8(r.Result, r.ComputedAt)));

    /// <summary>The folder holding every output of the result, written once by the same writer as `benefits report`.</summary>
    public Task<string> FilesFolderAsync(CachedReport report, CancellationToken ct) =>
        report.DerivedAsync("files", r => Task.Run(() =>
        {
            // English and Welsh (issue 15): report.html and report.cy.html, linked; the folder's name says so.
            var folder = Path.Combine(ReportsRoot, ".served", r.Key.Stem, r.Fingerprint + ".en-cy");
            if (!File.Exists(Path.Combine(folder, "manifest.json")))
            {
                var partial = folder + ".partial-" + Guid.NewGuid().ToString("N");
                ReportPipeline.Write(r.Result, partial, r.ComputedAt, ct, [ReportLanguage.En, ReportLanguage.Cy]);
                if (Directory.Exists(folder)) Directory.Delete(partial, recursive: true);
                else Directory.Move(partial, folder);
            }
            return folder;
        }, ct));

    private string ReportsRoot => string.IsNullOrWhiteSpace(options.Value.Reports)
        ? Path.Combine(store.WorkFolder, "reports")
        : Path.GetFullPath(options.Value.Reports);

    /// <summary>A computation's usage problem (no assumptions stored, an unknown council, a period without data) as a 400 ProblemDetails.</summary>
    public static async Task<Results<T, ProblemHttpResult>> Guard<T>(Func<Task<T>> work) where T : IResult
    {
        try { return await work(); }
        catch (Exception e) when (UsersProblem.Is(e)) { return Problems.BadRequest(e.Message.Replace("--", "", StringComparison.Ordinal)); }
    }
}
