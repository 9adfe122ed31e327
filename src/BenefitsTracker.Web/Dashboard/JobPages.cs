using System.Globalization;
using System.Text;
using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Web.Apis;
using BenefitsTracker.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using static BenefitsTracker.Web.Dashboard.PageShell;

namespace BenefitsTracker.Web.Dashboard;

/// <summary>
/// Dashboard pages for the jobs: <c>/jobs</c> (what GET /api/v1/jobs answers, for a person) and <c>/data-quality</c>
/// (the findings about the councils the signed-in key reads; every council's on a public dashboard).
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

    private static async Task<IResult> JobsAsync(HttpContext context, DashboardAccess access, IJobCatalog catalog, CancellationToken ct)
    {
        var key = await access.SignedInAsync(context);
        if (!access.IsPublic && key is null) return Results.Redirect("/login?returnUrl=%2Fjobs");
        // As GET /api/v1/jobs: a run's own line names every council's files, so the page shows what the API shows.
        var jobs = JobsApi.ForAnyKey(await catalog.ListAsync(ct));
        var b = new StringBuilder();
        b.Append("<p><a href=\"/\">All councils and consortia</a> · <a href=\"/data-quality\">Data quality</a></p>\n");
        b.Append("<div class=\"table-scroll\"><table>\n<caption>The scheduled jobs (times in UTC)</caption>\n<thead><tr><th scope=\"col\">Job</th>" +
            "<th scope=\"col\">Schedule</th>")
         .Append("<th scope=\"col\">Next run</th><th scope=\"col\">Last run</th></tr></thead>\n<tbody>\n");
        foreach (var j in jobs)
        {
            b.Append("<tr><th scope=\"row\">").Append(E(j.Name)).Append("</th><td><code>").Append(E(j.Cron)).Append("</code> (").Append(E(j.TimeZone))
             .Append(")</td><td>")
             .Append(j.NextFireTime is { } n ? When(n) : E("not scheduled: " + j.NotScheduled)).Append("</td><td>")
             .Append(j.LastRun is { } r ? E($"{When(r.StartedAt)}, {r.Outcome}") : "never").Append("</td></tr>\n");
        }
        b.Append("</tbody></table></div>\n<h2 id=\"runs\">Latest runs</h2>\n");
        var runs = jobs.SelectMany(j => j.RecentRuns).OrderByDescending(r => r.Id).Take(40).ToList();
        if (runs.Count == 0) b.Append("<p>No job has run yet.</p>\n");
        else
        {
            b.Append("<div class=\"table-scroll\"><table aria-labelledby=\"runs\">\n<thead><tr><th scope=\"col\">Started</th><th scope=\"col\">" +
                "Job</th><th scope=\"col\">How</th>")
             .Append("<th scope=\"col\" class=\"num\">Seconds</th><th scope=\"col\">Outcome</th><th scope=\"col\">What it did</th></tr></thead>" +
                 "\n<tbody>\n");
            foreach (var r in runs)
                b.Append("<tr><td>").Append(When(r.StartedAt)).Append("</td><td>").Append(E(r.Job)).Append("</td><td>")
                 .Append(r.Trigger == JobRun.ByHand ? "by hand" : "on schedule")
                 .Append("</td><td class=\"num\">").Append(r.DurationSeconds?.ToString("0.0", CultureInfo.InvariantCulture) ?? "running")
                 .Append("</td><td>").Append(E(r.Outcome))
                 .Append("</td><td>").Append(E(r.Summary)).Append("</td></tr>\n");
            b.Append("</tbody></table></div>\n");
        }
        return Results.Content(Page("Scheduled jobs", b.ToString()), "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> DataQualityAsync(HttpContext context, DashboardAccess access, ServiceStore store, CancellationToken ct)
    {
        var key = await access.SignedInAsync(context);
        if (!access.IsPublic && key is null) return Results.Redirect("/login?returnUrl=%2Fdata-quality");
        await using var db = store.OpenRead();
        IReadOnlyCollection<string>? councils = access.IsPublic ? null
            : key!.CouncilCode is { } c ? [c]
            : await db.Councils.AsNoTracking().Where(x => x.ConsortiumId == key.ConsortiumId).Select(x => x.Code).ToListAsync(ct);
        var findings = await new DataQualityFindings(db).ListAsync(councils, ct);
        var b = new StringBuilder();
        b.Append("<p><a href=\"/\">All councils and consortia</a> · <a href=\"/jobs\">Scheduled jobs</a></p>\n");
        if (findings.Count == 0)
            b.Append("<p>No findings: the data-quality job found nothing wrong, or has not run yet.</p>\n");
        else
        {
            b.Append("<div class=\"table-scroll\"><table>\n<caption>What the data-quality job found on its latest run</caption>\n<thead><tr>" +
                "<th scope=\"col\">Council</th>")
             .Append("<th scope=\"col\">Service</th><th scope=\"col\">Month</th><th scope=\"col\">Finding</th><th scope=\"col\">Detail</th></tr>" +
                 "</thead>\n<tbody>\n");
            foreach (var f in findings)
                b.Append("<tr><td>").Append(E(f.Council.Length == 0 ? "(no council: every row rejected)" : f.Council)).Append("</td><td>")
                 .Append(E(f.Service ?? "all"))
                 .Append("</td><td>").Append(E(f.Month ?? "-")).Append("</td><td>").Append(E(f.Kind.Replace('-', ' '))).Append("</td><td>")
                 .Append(E(f.Detail)).Append("</td></tr>\n");
            b.Append("</tbody></table></div>\n");
        }
        return Results.Content(Page("Data quality", b.ToString()), "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static string When(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
