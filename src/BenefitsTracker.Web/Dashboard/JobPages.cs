using System.Globalization;
using System.Text;
using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports;
using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.Web.Apis;
using BenefitsTracker.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using static BenefitsTracker.Web.Dashboard.PageShell;

namespace BenefitsTracker.Web.Dashboard;

/// <summary>
/// Dashboard pages for the jobs: <c>/jobs</c> (what GET /api/v1/jobs answers, for a person) and <c>/data-quality</c>
/// (the findings about the councils the signed-in key reads; every council's on a public dashboard). In Welsh with
/// <c>?lang=cy</c>, through the reports' resource set (dash.jobs.*, dash.dq.*). A finding's detail and why a job is not
/// scheduled are phrases (phrase.data_quality.*, phrase.jobs.not_scheduled.*) worded in the page's language; only a
/// finding stored before its phrase was kept (the migration DataQualityDetailPhrase) is shown as stored, in English,
/// marked <c>lang="en-GB"</c> on a Welsh page.
/// </summary>
public static class JobPages
{
    public static IEndpointRouteBuilder MapJobPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithTags("Dashboard").ExcludeFromDescription();
        pages.MapGet("/jobs", JobsAsync);
        pages.MapGet("/data-quality", DataQualityAsync);
        return app;
    }

    private static async Task<IResult> JobsAsync(HttpContext context, DashboardAccess access, IJobCatalog catalog, string? lang, CancellationToken ct)
    {
        var language = ReportLanguages.FromQuery(lang);
        var T = ReportText.For(language);
        var q = language == ReportLanguage.Cy ? "?lang=cy" : "";
        var key = await access.SignedInAsync(context);
        if (!access.IsPublic && key is null) return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString("/jobs" + q));
        // As GET /api/v1/jobs: a run's own line names every council's files, so the page shows what the API shows.
        var jobs = JobsApi.ForAnyKey(await catalog.ListAsync(ct));
        var b = new StringBuilder();
        b.Append(Switch(language, "/jobs"));
        b.Append($"<p><a href=\"/{q}\">{E(T["dash.all"])}</a> · <a href=\"/data-quality{q}\">{E(T["dash.index.data_quality"])}</a></p>\n");
        // A table that may scroll sideways on a narrow screen is a region reachable by keyboard (WCAG 2.1.1; axe found it on /jobs).
        b.Append($"<div class=\"table-scroll\" role=\"region\" aria-label=\"{E(T["dash.jobs.caption"])}\" tabindex=\"0\"><table>\n")
         .Append($"<caption>{E(T["dash.jobs.caption"])}</caption>\n<thead><tr>")
         .Append($"<th scope=\"col\">{E(T["dash.jobs.col.job"])}</th><th scope=\"col\">{E(T["dash.jobs.col.schedule"])}</th>")
         .Append($"<th scope=\"col\">{E(T["dash.jobs.col.next"])}</th><th scope=\"col\">{E(T["dash.jobs.col.last"])}</th></tr></thead>\n<tbody>\n");
        foreach (var j in jobs)
        {
            // Why a job is not scheduled, in the page's language (the scheduler's check, as a phrase).
            var notScheduled = T.F("dash.jobs.not_scheduled", ("why", "\u0001"));
            b.Append("<tr><th scope=\"row\">").Append(E(j.Name)).Append("</th><td><code>").Append(E(j.Cron)).Append("</code> (").Append(E(j.TimeZone))
             .Append(")</td><td>")
             .Append(j.NextFireTime is { } n ? When(n)
                 : E(notScheduled).Replace("\u0001", Said(T, j.NotScheduledPhrase, j.NotScheduled), StringComparison.Ordinal))
             .Append("</td><td>")
             .Append(j.LastRun is { } r ? E($"{When(r.StartedAt)}, {Outcome(T, r.Outcome)}") : E(T["dash.jobs.never"])).Append("</td></tr>\n");
        }
        b.Append($"</tbody></table></div>\n<h2 id=\"runs\">{E(T["dash.jobs.runs"])}</h2>\n");
        var runs = jobs.SelectMany(j => j.RecentRuns).OrderByDescending(r => r.Id).Take(40).ToList();
        if (runs.Count == 0) b.Append($"<p>{E(T["dash.jobs.no_runs"])}</p>\n");
        else
        {
            b.Append("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"runs\" tabindex=\"0\"><table aria-labelledby=\"runs\">\n")
             .Append($"<thead><tr><th scope=\"col\">{E(T["dash.jobs.col.started"])}</th>")
             .Append($"<th scope=\"col\">{E(T["dash.jobs.col.job"])}</th><th scope=\"col\">{E(T["dash.jobs.col.how"])}</th>")
             .Append($"<th scope=\"col\" class=\"num\">{E(T["dash.jobs.col.seconds"])}</th><th scope=\"col\">{E(T["dash.jobs.col.outcome"])}</th>")
             .Append($"<th scope=\"col\">{E(T["dash.jobs.col.what"])}</th></tr></thead>\n<tbody>\n");
            foreach (var r in runs)
                b.Append("<tr><td>").Append(When(r.StartedAt)).Append("</td><td>").Append(E(r.Job)).Append("</td><td>")
                 .Append(E(T[r.Trigger == JobRun.ByHand ? "dash.jobs.by_hand" : "dash.jobs.on_schedule"]))
                 .Append("</td><td class=\"num\">")
                 .Append(r.DurationSeconds?.ToString("0.0", CultureInfo.InvariantCulture) ?? E(Outcome(T, JobRun.Running)))
                 .Append("</td><td>").Append(E(Outcome(T, r.Outcome)))
                 .Append("</td><td>").Append(E(Summary(T, r))).Append("</td></tr>\n");
            b.Append("</tbody></table></div>\n");
        }
        return Results.Content(Page(T["dash.jobs.title"], b.ToString(), language), "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> DataQualityAsync(HttpContext context, DashboardAccess access, ServiceStore store, string? lang,
        CancellationToken ct)
    {
        var language = ReportLanguages.FromQuery(lang);
        var T = ReportText.For(language);
        var q = language == ReportLanguage.Cy ? "?lang=cy" : "";
        var key = await access.SignedInAsync(context);
        if (!access.IsPublic && key is null) return Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString("/data-quality" + q));
        await using var db = store.OpenRead();
        IReadOnlyCollection<string>? councils = access.IsPublic ? null
            : key!.CouncilCode is { } c ? [c]
            : await db.Councils.AsNoTracking().Where(x => x.ConsortiumId == key.ConsortiumId).Select(x => x.Code).ToListAsync(ct);
        var findings = await new DataQualityFindings(db).ListAsync(councils, ct);
        var b = new StringBuilder();
        b.Append(Switch(language, "/data-quality"));
        b.Append($"<p><a href=\"/{q}\">{E(T["dash.all"])}</a> · <a href=\"/jobs{q}\">{E(T["dash.index.jobs"])}</a></p>\n");
        if (findings.Count == 0)
            b.Append($"<p>{E(T["dash.dq.none"])}</p>\n");
        else
        {
            b.Append($"<div class=\"table-scroll\" role=\"region\" aria-label=\"{E(T["dash.dq.caption"])}\" tabindex=\"0\"><table>\n")
             .Append($"<caption>{E(T["dash.dq.caption"])}</caption>\n<thead><tr>")
             .Append($"<th scope=\"col\">{E(T["dash.dq.col.council"])}</th><th scope=\"col\">{E(T["dash.dq.col.service"])}</th>")
             .Append($"<th scope=\"col\">{E(T["dash.dq.col.month"])}</th><th scope=\"col\">{E(T["dash.dq.col.finding"])}</th>")
             .Append($"<th scope=\"col\">{E(T["dash.dq.col.detail"])}</th></tr></thead>\n<tbody>\n");
            // The kind of finding and its detail in the page's language (a finding stored without its phrase: as stored).
            foreach (var f in findings)
                b.Append("<tr><td>").Append(E(f.Council.Length == 0 ? T["dash.dq.no_council"] : f.Council)).Append("</td><td>")
                 .Append(E(f.Service ?? T["dash.dq.all"]))
                 .Append("</td><td>").Append(E(f.Month ?? "-")).Append("</td><td>")
                 .Append(E(ReportPhrases.Render(Phrase.Of("data_quality.kind." + f.Kind, f.Kind.Replace('-', ' ')), T))).Append("</td><td>")
                 .Append(Said(T, f.DetailPhrase, f.Detail)).Append("</td></tr>\n");
            b.Append("</tbody></table></div>\n");
        }
        return Results.Content(Page(T["dash.dq.title"], b.ToString(), language), "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The link to the same page in the other language.</summary>
    private static string Switch(ReportLanguage current, string path)
    {
        var other = current == ReportLanguage.Cy ? ReportLanguage.En : ReportLanguage.Cy;
        return LanguageSwitch.Nav(current, [(other, path + (other == ReportLanguage.Cy ? "?lang=cy" : ""))], isReport: false) + "\n";
    }

    /// <summary>A run's outcome (succeeded, failed, …) in the page's language; one not known here as stored.</summary>
    private static string Outcome(ReportText T, string outcome) =>
        T.Has("dash.jobs.outcome." + outcome) ? T["dash.jobs.outcome." + outcome] : outcome;

    /// <summary>
    /// A run's line as the API gives it (<see cref="JobsApi.ForAnyKey"/>: its outcome and where its details are), in the page's
    /// language. The page lists the runs as the API does, so never a run's own line (it names every council's files; only
    /// `benefits jobs history` on the service's machine shows it, to the operator, in English).
    /// </summary>
    private static string Summary(ReportText T, JobRun r) => T.F("dash.jobs.summary", ("outcome", Outcome(T, r.Outcome)), ("job", r.Job));

    /// <summary>
    /// A sentence the service keeps as a phrase, escaped, in the page's language; <paramref name="english"/> when there is no
    /// phrase, or only the text as stored (<see cref="Phrase.Text"/>) or a code this version has no words for: then marked
    /// <c>lang="en-GB"</c> on a Welsh page (WCAG 3.1.2).
    /// </summary>
    private static string Said(ReportText T, Phrase? phrase, string? english) =>
        phrase is { } p && p.Code != Phrase.TextCode && T.Has("phrase." + p.Code) ? E(ReportPhrases.Render(p, T))
        : T.IsWelsh ? $"<span lang=\"en-GB\">{E(phrase?.English ?? english)}</span>" : E(phrase?.English ?? english);

    private static string When(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
