using System.Globalization;
using System.Text;
using BenefitsTracker.Application;
using BenefitsTracker.Application.Keys;
using BenefitsTracker.Application.Reporting;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using BenefitsTracker.Reports;
using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.Web.Apis;
using BenefitsTracker.Web.Auth;
using BenefitsTracker.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using static BenefitsTracker.Web.Dashboard.PageShell;

namespace BenefitsTracker.Web.Dashboard;

/// <summary>
/// The server-rendered dashboard (no JavaScript): <c>/</c>, <c>/councils/{gss}</c>, <c>/consortia/{id}</c>, with a
/// plain period form and download links. A council's or consortium's page is report.html itself, drawn by the
/// report's one renderer (<see cref="ReportPage"/>) with the navigation and form placed on top. <c>?lang=cy</c> gives
/// every page in Welsh (issue 15), with a link to the same page in the other language.
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
        pages.MapGet("/login",
            (string? returnUrl, string? problem, string? lang) => Html(LoginPage(returnUrl, problem, ReportLanguages.FromQuery(lang))));
        pages.MapPost("/login", LoginAsync).DisableAntiforgery();
        pages.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(ServiceHost.DashboardScheme);
            return Results.Redirect("/login");
        }).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> IndexAsync(HttpContext context, string? lang, DashboardAccess access, ServiceStore store, ScopeOutputs outputs,
        CancellationToken ct)
    {
        var language = ReportLanguages.FromQuery(lang);
        var T = ReportText.For(language);
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
        body.Append(Switch(language, "/", ""));
        if (last is not { } to)
        {
            body.Append("<p>").Append(T.F("dash.index.empty", ("ingest", "<code>benefits ingest</code>"))).Append("</p>");
            return Html(Page(T["dash.index.title"], body.ToString() + SignOut(key, T), language));
        }
        var from = to.AddMonths(-11);
        var q = Query(language);
        body.Append("<p>").Append(E(T.F("dash.index.intro", ("period", Period(from, to, T))))).Append("</p>\n");
        body.Append("<h2 id=\"councils\">").Append(E(T["dash.index.councils"])).Append("</h2>\n");
        await Table(body, "councils", councils.Select(c => (ScopeKind.Council, c.Code, c.Name, $"/councils/{Uri.EscapeDataString(c.Code)}{q}")), from,
            to, outputs, T, ct);
        if (consortia.Count > 0)
        {
            body.Append("<h2 id=\"consortia\">").Append(E(T["dash.index.consortia"])).Append("</h2>\n");
            await Table(body, "consortia", consortia.Select(c => (ScopeKind.Consortium, c, c, $"/consortia/{Uri.EscapeDataString(c)}{q}")), from,
                to, outputs, T, ct);
        }
        // The data-quality and jobs pages, in the same language (JobPages).
        body.Append("<p><a href=\"/data-quality").Append(q).Append("\">").Append(E(T["dash.index.data_quality"]))
            .Append("</a> · <a href=\"/jobs").Append(q).Append("\">").Append(E(T["dash.index.jobs"])).Append("</a></p>\n");
        body.Append(SignOut(key, T));
        return Html(Page(T["dash.index.title"], body.ToString(), language));
    }

    /// <summary>"?lang=cy" for a Welsh page's links, nothing for English.</summary>
    private static string Query(ReportLanguage language) => language == ReportLanguage.Cy ? "?lang=cy" : "";

    /// <summary>The link to the same page in the other language; <paramref name="query"/> is the page's own query, without lang.</summary>
    private static string Switch(ReportLanguage current, string path, string query, bool isReport = false)
    {
        var other = current == ReportLanguage.Cy ? ReportLanguage.En : ReportLanguage.Cy;
        var otherQuery = other == ReportLanguage.Cy ? (query.Length == 0 ? "?lang=cy" : query + "&lang=cy") : (query.Length == 0 ? "" : query);
        return LanguageSwitch.Nav(current, [(other, path + otherQuery)], isReport) + "\n";
    }

    private static async Task Table(StringBuilder b, string id, IEnumerable<(ScopeKind Kind, string Id, string Name, string Href)> rows,
        Month from, Month to, ScopeOutputs outputs, ReportText T, CancellationToken ct)
    {
        // A table at 40rem and wider; narrower, each row a card (PageShell.ListCss), so a phone sees every figure with its column's
        // name and nothing scrolls. The roles are written out: a table laid out as blocks stays a table to every screen reader.
        var labels = new[] { T["col.adjusted_benefit"], T["col.costs_short"], T["col.net_benefit"] };
        b.Append("<table class=\"figures\" role=\"table\" aria-labelledby=\"").Append(id)
         .Append("\">\n<thead role=\"rowgroup\"><tr role=\"row\"><th scope=\"col\" role=\"columnheader\">")
         .Append(E(T["dash.col.name"])).Append("</th>");
        foreach (var label in labels) b.Append("<th scope=\"col\" role=\"columnheader\" class=\"num\">").Append(E(label)).Append("</th>");
        b.Append("</tr></thead>\n<tbody role=\"rowgroup\">\n");
        foreach (var row in rows)
        {
            var name = row.Name;
            string cells;
            try
            {
                var result = (await outputs.ReportAsync(new ScopeKey(row.Kind, row.Id, from, to, null), ct)).Result;
                // The name the report gives itself ("North Wales" for north-wales), so that the list and the page agree.
                name = result.Scope.Name;
                var t = result.Totals;
                cells = string.Concat(new[] { t.AdjustedBenefit, t.Costs, t.NetBenefit }.Select((value, i) =>
                    $"<td role=\"cell\" class=\"num\" data-label=\"{E(labels[i])}\">{Money(value)}</td>"));
            }
            catch (Exception e) when (UsersProblem.Is(e))
            {
                cells = $"<td role=\"cell\" colspan=\"3\">{E(e.Message.Replace("--", "", StringComparison.Ordinal))}</td>";
            }
            b.Append("<tr role=\"row\"><th scope=\"row\" role=\"rowheader\"><a href=\"").Append(E(row.Href)).Append("\">")
             .Append(E(name)).Append("</a>");
            if (name != row.Id) b.Append(" <small>(").Append(E(row.Id)).Append(")</small>");
            b.Append("</th>").Append(cells).Append("</tr>\n");
        }
        b.Append("</tbody></table>\n");
    }

    private static Task<IResult> CouncilAsync(HttpContext context, string gss, string? from, string? to, string? service, string? lang,
        DashboardAccess access, ServiceStore store, ScopeOutputs outputs, CancellationToken ct) =>
        ScopePageAsync(context, ScopeKind.Council, gss, from, to, service, ReportLanguages.FromQuery(lang), access, store, outputs, ct);

    private static Task<IResult> ConsortiumAsync(HttpContext context, string id, string? from, string? to, string? lang,
        DashboardAccess access, ServiceStore store, ScopeOutputs outputs, CancellationToken ct) =>
        ScopePageAsync(context, ScopeKind.Consortium, id, from, to, null, ReportLanguages.FromQuery(lang), access, store, outputs, ct);

    private static async Task<IResult> ScopePageAsync(HttpContext context, ScopeKind kind, string id, string? from, string? to, string? service,
        ReportLanguage language, DashboardAccess access, ServiceStore store, ScopeOutputs outputs, CancellationToken ct)
    {
        var T = ReportText.For(language);
        var q = Query(language);
        var key = await access.SignedInAsync(context);
        var allowed = kind == ScopeKind.Council ? DashboardAccess.MayReadCouncil(access.IsPublic, key, id)
            : DashboardAccess.MayReadConsortium(access.IsPublic, key, id);
        if (!allowed)
            return key is null ? SignIn(context) : Html(Page(T["dash.forbidden.title"],
                $"<p>{E(T.F("dash.forbidden.text", ("id", id)))}</p><p><a href=\"/{q}\">{E(T["dash.forbidden.link"])}</a></p>", language), 403);

        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            await using var db = store.OpenRead();
            var range = await new StoreQueries(db).DataRangeAsync(kind == ScopeKind.Council ? id : null, ct);
            if (range.To is not { } last)
                return Html(Page(T["dash.no_data.title"],
                    $"<p>{E(T.F("dash.no_data.text", ("id", id)))}</p><p><a href=\"/{q}\">{E(T["dash.all"])}</a></p>", language), 404);
            from = last.AddMonths(-11).ToString();
            to = last.ToString();
        }
        var path = kind == ScopeKind.Council ? $"/councils/{Uri.EscapeDataString(id)}" : $"/consortia/{Uri.EscapeDataString(id)}";
        // What is wrong with the period, in the page's language (the check gives it as a phrase).
        if (!ScopeOutputs.TryKeyWithReason(kind, id, from, to, service, out var scope, out var problem))
            return Html(Page(T["dash.bad_period.title"], $"<p>{E(ReportPhrases.Render(problem!, T))}.</p>" + Form(path, from, to, service, kind, T),
                language), 400);
        try
        {
            var report = await outputs.ReportAsync(scope, ct);
            // The page is cached for every viewer of this result (one per language), so who is signed in goes in per request.
            var html = await report.DerivedAsync(language == ReportLanguage.Cy ? "dashboard.cy" : "dashboard",
                r => Task.Run(() => WithControls(ReportPage.Render(r.Result, Top(path, r.Key, kind, language), language, ct)), ct));
            return Html(html.Replace(SignOutSlot, SignOut(key, T), StringComparison.Ordinal));
        }
        catch (Exception e) when (UsersProblem.Is(e))
        {
            return Html(Page(T["dash.cannot.title"], await WhyNotAsync(e, kind, scope.Id, store, T, ct) + Form(path, from, to, service, kind, T),
                language), 400);
        }
    }

    /// <summary>
    /// Why the report cannot be made, in the page's language (issue 15). The engine's reasons (<see cref="MethodException"/>:
    /// no data for the period or service, nothing in the baseline, no unit or hourly cost, a consortium's costs that cannot
    /// be shared) are phrases, worded in full. A council or consortium the store does not hold is said so. Anything else
    /// (<see cref="AssumptionsException"/>, <see cref="UsageException"/>) is a fault in the service's configuration, worded
    /// around the English keys of its files: a sentence in the page's language says the operator must correct it, and
    /// the detail follows as the service wrote it, marked as English (docs/welsh-phrases.md).
    /// </summary>
    private static async Task<string> WhyNotAsync(Exception e, ScopeKind kind, string id, ServiceStore store, ReportText T,
        CancellationToken ct)
    {
        if (e is MethodException { Reason: { } reason })
            return $"<p>{ReportPhrases.Html(reason, T)}</p>";
        if (e is UsageException)
        {
            await using var db = store.OpenRead();
            var queries = new StoreQueries(db);
            var known = kind == ScopeKind.Council ? await queries.CouncilCodesAsync(ct) : await queries.ConsortiumIdsAsync(ct);
            if (!known.Contains(id, StringComparer.Ordinal)) return $"<p>{E(T.F("dash.cannot.unknown", ("id", id)))}</p>";
        }
        var detail = E(e.Message.Replace("--", "", StringComparison.Ordinal).TrimEnd('.')) + ".";
        return e is MethodException
            ? $"<p{(T.IsWelsh ? " lang=\"en-GB\"" : "")}>{detail}</p>" // a reason made from text alone: as the engine wrote it
            : $"<p>{E(T["dash.cannot.configuration"])}</p><p{(T.IsWelsh ? " lang=\"en-GB\"" : "")}>{detail}</p>";
    }

    /// <summary>The navigation placed above the report: back to the list, the period form, the downloads.</summary>
    /// <summary>Where the per-request "signed in with key N" form goes in the cached page.</summary>
    private const string SignOutSlot = "<!--signed-in-->";

    private static string Top(string path, ScopeKey scope, ScopeKind kind, ReportLanguage language)
    {
        var T = ReportText.For(language);
        var b = new StringBuilder();
        var own = $"?from={scope.From}&to={scope.To}" + (scope.Service is { } sv ? "&service=" + Uri.EscapeDataString(sv) : "");
        b.Append(Switch(language, path, own, isReport: true));
        b.Append("<nav aria-label=\"").Append(E(T["dash.nav"])).Append("\" class=\"dashboard-nav\">\n<p><a href=\"/")
         .Append(Query(language)).Append("\">")
         .Append(E(T["dash.all"])).Append("</a></p>\n");
        b.Append(Form(path, scope.From.ToString(), scope.To.ToString(), scope.Service, kind, T));
        {
            var files = $"{path}/files/{scope.From}..{scope.To}/";
            var query = scope.Service is { } s ? "?service=" + Uri.EscapeDataString(s) : "";
            b.Append("<p>").Append(E(T["dash.download"])).Append(" <a href=\"")
             .Append(E(files + ReportWriter.WorkbookFileFor(language) + query)).Append("\">")
             .Append(E(T.F("dash.download.workbook", ("file", ReportWriter.WorkbookFileFor(language))))).Append("</a>, ")
             .Append("<a href=\"").Append(E(files + ReportWriter.HtmlFileFor(language) + query)).Append("\">")
             .Append(E(T.F("dash.download.page", ("file", ReportWriter.HtmlFileFor(language))))).Append("</a>, ")
             .Append("<a href=\"").Append(E(files + "manifest.json" + query)).Append("\">").Append(E(T["dash.download.manifest"]))
             .Append("</a>.</p>\n");
        }
        b.Append(SignOutSlot).Append("</nav>");
        return b.ToString();
    }

    /// <summary>The period form, in the dashboard's style (PageShell.ControlsCss): each label above its input.</summary>
    private static string Form(string path, string? from, string? to, string? service, ScopeKind kind, ReportText T)
    {
        var b = new StringBuilder();
        b.Append("<form method=\"get\" action=\"").Append(E(path)).Append("\" class=\"dashboard-form period-form\">\n<fieldset>\n<legend>")
         .Append(E(T[kind == ScopeKind.Council ? "dash.form.legend.council" : "dash.form.legend.consortium"])).Append("</legend>\n");
        if (T.IsWelsh) b.Append("<input type=\"hidden\" name=\"lang\" value=\"cy\">\n");
        b.Append("<div class=\"fields\">\n");
        Field(b, "from", T["dash.form.from"], from, "month");
        Field(b, "to", T["dash.form.to"], to, "month");
        b.Append("</div>\n");
        if (kind == ScopeKind.Council) Field(b, "service", T["dash.form.service"], service, "wide");
        b.Append("<button type=\"submit\">").Append(E(T["dash.form.submit"])).Append("</button>\n</fieldset>\n</form>\n");
        return b.ToString();
    }

    private static void Field(StringBuilder b, string name, string label, string? value, string width) =>
        b.Append("<div class=\"field\"><label for=\"").Append(name).Append("\">").Append(E(label)).Append("</label>\n<input id=\"")
         .Append(name).Append("\" name=\"").Append(name).Append("\" class=\"").Append(width).Append("\" value=\"").Append(E(value))
         .Append("\" autocomplete=\"off\" spellcheck=\"false\"></div>\n");

    private static string SignOut(KeyPrincipal? key, ReportText T) => key is null ? "" :
        $"<form method=\"post\" action=\"/logout\" class=\"dashboard-form\"><p>" +
        $"{E(T.F("dash.signed_in", ("id", key.Id.ToString(CultureInfo.InvariantCulture)), ("name", key.Name is { } n ? " (" + n + ")" : "")))} " +
        $"<button type=\"submit\" class=\"secondary\">{E(T["dash.sign_out"])}</button></p></form>\n";

    private static IResult SignIn(HttpContext context) =>
        Results.Redirect("/login?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString) +
            (ReportLanguages.FromQuery(context.Request.Query["lang"]) == ReportLanguage.Cy ? "&lang=cy" : ""));

    private static string LoginPage(string? returnUrl, string? problem, ReportLanguage language)
    {
        var T = ReportText.For(language);
        var b = new StringBuilder();
        b.Append(Switch(language, "/login", returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        if (problem is not null)
            b.Append("<p role=\"alert\"><strong>").Append(E(T["dash.login.refused"])).Append("</strong>: ")
                .Append(E(T["dash.login.refused.why"])).Append("</p>\n");
        b.Append("<p>").Append(T.F("dash.login.text", ("command", "<code>benefits apikey create</code>"))).Append("</p>\n");
        b.Append("<form method=\"post\" action=\"/login\" class=\"dashboard-form\">\n<input type=\"hidden\" name=\"returnUrl\" value=\"")
            .Append(E(LocalOnly(returnUrl))).Append("\">\n");
        b.Append("<div class=\"field\"><label for=\"key\">").Append(E(T["dash.login.key"]))
         .Append("</label>\n<input id=\"key\" name=\"key\" type=\"password\" class=\"wide\" autocomplete=\"off\" required></div>\n");
        b.Append("<button type=\"submit\">").Append(E(T["dash.login.submit"])).Append("</button>\n</form>\n");
        return Page(T["dash.login.title"], b.ToString(), language);
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
        url is { Length: > 0 } u && u[0] == '/' && !u.StartsWith("//", StringComparison.Ordinal)
            && !u.StartsWith("/\\", StringComparison.Ordinal) ? u : "/";

    /// <summary>"April 2024 to March 2025", as the report pages write a period (not "2024-04 to 2025-03").</summary>
    private static string Period(Month from, Month to, ReportText T) => T.Period(from, to);

    private static string Money(decimal value) => (value < 0 ? "−£" : "£") + Math.Abs(value).ToString("#,##0", CultureInfo.InvariantCulture);

    private static IResult Html(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
