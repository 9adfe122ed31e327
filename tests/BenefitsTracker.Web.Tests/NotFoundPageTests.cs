using System.Net;

namespace BenefitsTracker.Web.Tests;

/// <summary>
/// An address the service does not have: a browser gets a page in its language with a way back to the dashboard; the API
/// and a client that does not ask for HTML get problem details, as before.
/// </summary>
public sealed class NotFoundPageTests
{
    private static async Task<HttpResponseMessage> GetAsync(ServiceUnderTest service, string path, bool browser)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (browser) request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return await service.Client.SendAsync(request);
    }

    [Fact]
    public async Task A_browser_gets_a_page_in_its_language_and_the_API_gets_problem_details()
    {
        await using var service = await ServiceUnderTest.StartAsync(new() { ["Benefits:PublicDashboard"] = "true" });

        var welsh = await GetAsync(service, "/no-such-page?lang=cy", browser: true);
        Assert.Equal(HttpStatusCode.NotFound, welsh.StatusCode);
        Assert.Equal("text/html", welsh.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await welsh.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"cy\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Heb ddod o hyd i'r dudalen</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/?lang=cy\">Pob cyngor a chonsortiwm</a>", html, StringComparison.Ordinal);

        var english = WebUtility.HtmlDecode(await (await GetAsync(service, "/councils/W06000003/nothing", browser: true)).Content
            .ReadAsStringAsync());
        Assert.Contains("<h1>Page not found</h1>", english, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">All councils and consortia</a>", english, StringComparison.Ordinal);

        foreach (var (path, browser) in new[] { ("/api/v1/no-such-thing", true), ("/no-such-page", false) })
        {
            var problem = await GetAsync(service, path, browser);
            Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
            Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"status\":404", await problem.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
