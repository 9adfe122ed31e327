using System.Globalization;
using System.Text;
using BenefitsTracker.Application;
using BenefitsTracker.Application.Keys;
using BenefitsTracker.Application.Reporting;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using BenefitsTracker.Reports;
using BenefitsTracker.Web.Apis;
using BenefitsTracker.Web.Auth;
using BenefitsTracker.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using static BenefitsTracker.Web.Dashboard.PageShell;

namespace BenefitsTracker.Web.Dashboard;

/// <summary>
/// The server-rendered dashboard (no JavaScript): <c>/</c>, <c>/councils/{gss}</c>, <c>/consortia/{id}</c>, with a
/// plain period form and download links. A council's or consortium's page is report.html itself, drawn by the
/// report's one renderer (<see cref="ReportPage"/>) with the navigation and form placed on top.
/// </summary>
public static class DashboardPages
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithTags("Dashboard").ExcludeFromDescription();
        pages.MapGet("/", IndexAsync);
        pages.MapGet("/councils/{gss}", CouncilAsync);
        pages.MapGet("/consortia/{id}", ConsortiumAsync);
        pages.MapGet("/councils/{gss}/files/{period}/{file}", async (HttpContext context, string gss, string period, string file, string? service,
            DashboardAccess access, ScopeOutputs outputs, CancellationToken ct) =>
        {
            var key = await access.SignedInAsync(context);
            if (!DashboardAccess.MayReadCouncil(access.IsPublic, key, gss)) return SignIn(context);
            return (IResult)await ReportFilesApi.ServeAsync(access.IsPublic ? null : key, ScopeKind.Council, gss, period, file, service, outputs, ct);
        });
        pages.MapGet("/consortia/{id}/files/{period}/{file}", async (HttpContext context, string id, string period, string file,
            DashboardAccess access, ScopeOutputs outputs, CancellationToken ct) =>
        {
            var key = await access.SignedInAsync(context);
            if (!DashboardAccess.MayReadConsortium(access.IsPublic, key, id)) return SignIn(context);
            return (IResult)await ReportFilesApi.ServeAsync(access.IsPublic ? null : key, ScopeKind.Consortium, id, period, file, null, outputs, ct);
        });
        pages.MapGet("/login", (string? returnUrl, string? problem) => Html(LoginPage(returnUrl, problem)));
        pages.MapPost("/login", LoginAsync).DisableAntiforgery();
        pages.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(ServiceHost.DashboardScheme);
            return Results.Redirect("/login");
        }).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> IndexAsync(HttpContext context, DashboardAccess access, ServiceStore store, ScopeOutputs outputs, CancellationToken ct)
    {
        var key = await access.SignedInAsync(context);
        if (!access.IsPublic && key is null) return SignIn(context);
        IReadOnlyList<(string Code, string Name)> councils;
        IReadOnlyList<string> consortia;
        Month? last;
        await using (var db = store.OpenRead())
        {
            var queries = new StoreQueries(db);
            var names = db.Councils.ToDictionary(c => c.Code, c => c.Name);
            councils = (await queries.CouncilCodesAsync(ct)).Select(c => (c, names.GetValueOrDefault(c) ?? c)).ToList();
            consortia = await queries.ConsortiumIdsAsync(ct);
            last = (await queries.DataRangeAsync(null, ct)).To;
        }
        councils = councils.Where(c => DashboardAccess.MayReadCouncil(access.IsPublic, key, c.Code)).ToList();
        consortia = consortia.Where(c => DashboardAccess.MayReadConsortium(access.IsPublic, key, c)).ToList();

        var body = new StringBuilder();
        if (last is not { } to)
        {
            body.Append("<p>The store holds no usage data yet. Ingest some with <code>benefits ingest</code> or POST /api/v1/events.</p>");
            return Html(Page("Savings from digital services", body.ToString() + SignOut(key)));
        }
        var from = to.AddMonths(-11);
        body.Append("<p>The last 12 months of data, ").Append(E(Period(from, to))).Append(". Open a council or consortium for its full report and another period.</p>\n");
        body.Append("<h2 id=\"councils\">Councils</h2>\n");
        await Table(body, "councils", councils.Select(c => (ScopeKind.Council, c.Code, c.Name, $"/councils/{Uri.EscapeDataString(c.Code)}")), from, to, outputs, ct);
        if (consortia.Count > 0)
        {
            body.Append("<h2 id=\"consortia\">Consortia</h2>\n");
            await Table(body, "consortia", consortia.Select(c => (ScopeKind.Consortium, c, c, $"/consortia/{Uri.EscapeDataString(c)}")), from, to, outputs, ct);
        }
        body.Append("<p><a href=\"/data-quality\">Data quality</a> · <a href=\"/jobs\">Scheduled jobs</a></p>\n");
        body.Append(SignOut(key));
        return Html(Page("Savings from digital services", body.ToString()));
    }

    private static async Task Table(StringBuilder b, string id, IEnumerable<(ScopeKind Kind, string Id, string Name, string Href)> rows,
        Month from, Month to, ScopeOutputs outputs, CancellationToken ct)
    {
        b.Append("<div class=\"table-scroll\"><table aria-labelledby=\"").Append(id).Append("\">\n<thead><tr><th scope=\"col\">Name</th>")
         .Append("<th scope=\"col\" class=\"num\">Adjusted benefit</th><th scope=\"col\" class=\"num\">Costs</th><th scope=\"col\" class=\"num\">Net benefit</th></tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            b.Append("<tr><th scope=\"row\"><a href=\"").Append(E(row.Href)).Append("\">").Append(E(row.Name)).Append("</a>");
            if (row.Name != row.Id) b.Append(" <small>(").Append(E(row.Id)).Append(")</small>");
            b.Append("</th>");
            try
            {
                var t = (await outputs.ReportAsync(new ScopeKey(row.Kind, row.Id, from, to, null), ct)).Result.Totals;
                b.Append("<td class=\"num\">").Append(Money(t.AdjustedBenefit)).Append("</td><td class=\"num\">").Append(Money(t.Costs))
                 .Append("</td><td class=\"num\">").Append(Money(t.NetBenefit)).Append("</td>");
            }
            catch (Exception e) when (UsersProblem.Is(e))
            {
                b.Append("<td colspan=\"3\">").Append(E(e.Message.Replace("--", "", StringComparison.Ordinal))).Append("</td>");
            }
            b.Append("</tr>\n");
        }
        b.Append("</tbody></table></div>\n");
    }

    private static Task<IResult> CouncilAsync(HttpContext context, string gss, string? from, string? to, string? service,
        DashboardAccess access, ServiceStore store, ScopeOutputs outputs, CancellationToken ct) =>
        ScopePageAsync(context, ScopeKind.Council, gss, from, to, service, access, store, outputs, ct);

    private static Task<IResult> ConsortiumAsync(HttpContext context, string id, string? from, string? to,
        DashboardAccess access, ServiceStore store, ScopeOutputs outputs, CancellationToken ct) =>
        ScopePageAsync(context, ScopeKind.Consortium, id, from, to, null, access, store, outputs, ct);

    private static async Task<IResult> ScopePageAsync(HttpContext context, ScopeKind kind, string id, string? from, string? to, string? service,
        DashboardAccess access, ServiceStore store, ScopeOutputs outputs, CancellationToken ct)
    {
        var key = await access.SignedInAsync(context);
        var allowed = kind == ScopeKind.Council ? DashboardAccess.MayReadCouncil(access.IsPublic, key, id) : DashboardAccess.MayReadConsortium(access.IsPublic, key, id);
        if (!allowed) return key is null ? SignIn(context) : Html(Page("Not available to this key", $"<p>The key you signed in with does not read {E(id)}.</p><p><a href=\"/\">All you can read</a></p>"), 403);

        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            await using var db = store.OpenRead();
            var range = await new StoreQueries(db).DataRangeAsync(kind == ScopeKind.Council ? id : null, ct);
            if (range.To is not { } last) return Html(Page("No data yet", $"<p>The store holds no usage data for {E(id)}.</p><p><a href=\"/\">All councils and consortia</a></p>"), 404);
            from = last.AddMonths(-11).ToString();
            to = last.ToString();
        }
        var path = kind == ScopeKind.Council ? $"/councils/{Uri.EscapeDataString(id)}" : $"/consortia/{Uri.EscapeDataString(id)}";
        if (!ScopeOutputs.TryKey(kind, id, from, to, service, out var scope, out var problem))
            return Html(Page("The period cannot be used", $"<p>{E(problem)}.</p>" + Form(path, from, to, service, kind)), 400);
        try
        {
            var report = await outputs.ReportAsync(scope, ct);
            // The page is cached for every viewer of this result, so who is signed in goes in per request.
            var html = await report.DerivedAsync("dashboard", r => Task.Run(() => ReportPage.Render(r.Result, Top(path, r.Key, kind), ct), ct));
            return Html(html.Replace(SignOutSlot, SignOut(key), StringComparison.Ordinal));
        }
        catch (Exception e) when (UsersProblem.Is(e))
        {
            return Html(Page("The report cannot be made", $"<p>{E(e.Message.Replace("--", "", StringComparison.Ordinal))}.</p>" + Form(path, from, to, service, kind)), 400);
        }
    }

    /// <summary>The navigation placed above the report: back to the list, the period form, the downloads.</summary>
    /// <summary>Where the per-request "signed in with key N" form goes in the cached page.</summary>
    private const string SignOutSlot = "<!--signed-in-->";

    private static string Top(string path, ScopeKey scope, ScopeKind kind)
    {
        var b = new StringBuilder();
        b.Append("<nav aria-label=\"Dashboard\" class=\"dashboard-nav\">\n<p><a href=\"/\">All councils and consortia</a></p>\n");
        b.Append(Form(path, scope.From.ToString(), scope.To.ToString(), scope.Service, kind));
        {
            var files = $"{path}/files/{scope.From}..{scope.To}/";
            var query = scope.Service is { } s ? "?service=" + Uri.EscapeDataString(s) : "";
            b.Append("<p>Download: <a href=\"").Append(E(files + "savings.xlsx" + query)).Append("\">the workbook (savings.xlsx)</a>, ")
             .Append("<a href=\"").Append(E(files + "report.html" + query)).Append("\">this report as a file (report.html)</a>, ")
             .Append("<a href=\"").Append(E(files + "manifest.json" + query)).Append("\">the figures as data (manifest.json)</a>.</p>\n");
        }
        b.Append(SignOutSlot).Append("</nav>");
        return b.ToString();
    }

    private static string Form(string path, string? from, string? to, string? service, ScopeKind kind)
    {
        var b = new StringBuilder();
        b.Append("<form method=\"get\" action=\"").Append(E(path)).Append("\">\n<fieldset>\n<legend>Period").Append(kind == ScopeKind.Council ? " and service" : "").Append("</legend>\n");
        b.Append("<p><label for=\"from\">From (month, YYYY-MM)</label> <input id=\"from\" name=\"from\" value=\"").Append(E(from)).Append("\" size=\"8\" autocomplete=\"off\"></p>\n");
        b.Append("<p><label for=\"to\">To (month, YYYY-MM)</label> <input id=\"to\" name=\"to\" value=\"").Append(E(to)).Append("\" size=\"8\" autocomplete=\"off\"></p>\n");
        if (kind == ScopeKind.Council)
            b.Append("<p><label for=\"service\">Service (its short name; leave empty for all)</label> <input id=\"service\" name=\"service\" value=\"").Append(E(service)).Append("\" size=\"20\" autocomplete=\"off\"></p>\n");
        b.Append("<p><button type=\"submit\">Show this period</button></p>\n</fieldset>\n</form>\n");
        return b.ToString();
    }

    private static string SignOut(KeyPrincipal? key) => key is null ? "" :
        $"<form method=\"post\" action=\"/logout\"><p>Signed in with key {key.Id.ToString(CultureInfo.InvariantCulture)}{(key.Name is { } n ? " (" + E(n) + ")" : "")}. <button type=\"submit\">Sign out</button></p></form>\n";

    private static IResult SignIn(HttpContext context) =>
        Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));

    private static string LoginPage(string? returnUrl, string? problem)
    {
        var b = new StringBuilder();
        if (problem is not null) b.Append("<p role=\"alert\"><strong>That key was not accepted</strong>: it is unknown, mistyped or revoked.</p>\n");
        b.Append("<p>This dashboard shows a council's figures to the holders of its key. Paste the key you were given (<code>benefits apikey create</code> makes one).</p>\n");
        b.Append("<form method=\"post\" action=\"/login\">\n<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(E(LocalOnly(returnUrl))).Append("\">\n");
        b.Append("<p><label for=\"key\">API key</label> <input id=\"key\" name=\"key\" type=\"password\" size=\"40\" autocomplete=\"off\" required></p>\n");
        b.Append("<p><button type=\"submit\">Sign in</button></p>\n</form>\n");
        return Page("Sign in to the savings dashboard", b.ToString());
    }

    private static async Task<IResult> LoginAsync(HttpContext context, ApiKeyVerifier verifier)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = LocalOnly(form["returnUrl"]);
        var key = await verifier.VerifyAsync(form["key"].ToString().Trim(), context.RequestAborted);
        if (key is null) return Results.Redirect("/login?problem=1&returnUrl=" + Uri.EscapeDataString(returnUrl));
        await context.SignInAsync(ServiceHost.DashboardScheme, KeyClaims.ToPrincipal(key, ServiceHost.DashboardScheme));
        return Results.Redirect(returnUrl);
    }

    /// <summary>Only a path on this site: a sign-in never sends anyone elsewhere.</summary>
    private static string LocalOnly(string? url) =>
        url is { Length: > 0 } u && u[0] == '/' && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/\\", StringComparison.Ordinal) ? u : "/";

    private static string Period(Month from, Month to) => $"{from} to {to}";

    private static string Money(decimal value) => (value < 0 ? "−£" : "£") + Math.Abs(value).ToString("#,##0", CultureInfo.InvariantCulture);

    private static IResult Html(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
