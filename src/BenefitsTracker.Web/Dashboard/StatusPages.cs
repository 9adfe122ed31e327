using BenefitsTracker.Reports.Localisation;
using Microsoft.AspNetCore.Diagnostics;

namespace BenefitsTracker.Web.Dashboard;

/// <summary>
/// What a browser gets for an address the service does not have: a page in the language asked for (<c>?lang=cy</c>,
/// issue 15) with a way back to the dashboard, where it would otherwise get the API's problem-details JSON, which a person
/// cannot use. The API, the health checks and the OpenAPI document, and any client that does not ask for HTML, keep the
/// problem details (RFC 9457) for every status, as before.
/// </summary>
public static class StatusPages
{
    /// <summary>The status-code pages' handler (<c>UseStatusCodePages</c>): for a response that has no body yet.</summary>
    public static async Task WriteAsync(StatusCodeContext status)
    {
        var http = status.HttpContext;
        if (http.Response.StatusCode == StatusCodes.Status404NotFound && WantsPage(http.Request))
        {
            var language = ReportLanguages.FromQuery(http.Request.Query["lang"].ToString());
            var T = ReportText.For(language);
            var home = language == ReportLanguage.Cy ? "/?lang=cy" : "/";
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(PageShell.Page(T["dash.not_found.title"],
                $"<p>{PageShell.E(T["dash.not_found.text"])}</p>\n<p><a href=\"{home}\">{PageShell.E(T["dash.all"])}</a></p>\n", language));
            return;
        }
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } }))
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync($"Status code {http.Response.StatusCode}");
        }
    }

    /// <summary>A dashboard address asked for by a browser (it accepts HTML), not the API's, the health checks' or OpenAPI's.</summary>
    internal static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/health")
        && !request.Path.StartsWithSegments("/openapi")
        && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}
