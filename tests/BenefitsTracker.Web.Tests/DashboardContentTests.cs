using System.Net;
using BenefitsTracker.Application.Keys;

namespace BenefitsTracker.Web.Tests;

/// <summary>What the dashboard shows: the same page as report.html, nothing of one viewer shown to another, every scope's files.</summary>
public sealed class DashboardContentTests
{
    private static async Task<HttpClient> SignedInAsync(ServiceUnderTest service, string key)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = service.Client.BaseAddress };
        var signIn = await client.PostAsync("/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key, ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("problem", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return client;
    }

    /// <summary>
    /// The list names a consortium as its report does ("North Wales", its id beside it), not by its id alone ("north-wales"), and
    /// gives the period in words, as every report page does ("April 2024 to March 2025", "Ebrill 2024 i Mawrth 2025"), not
    /// as "2024-04 to 2025-03".
    /// </summary>
    [Fact]
    public async Task The_list_names_each_consortium_and_gives_the_period_in_words_in_both_languages()
    {
        await using var service = await ServiceUnderTest.StartAsync(new() { ["Benefits:PublicDashboard"] = "true" });
        var index = WebUtility.HtmlDecode(await service.Client.GetStringAsync("/"));
        Assert.Contains($"<a href=\"/consortia/{ServiceUnderTest.Consortium}\">North Wales</a> <small>({ServiceUnderTest.Consortium})</small>",
            index, StringComparison.Ordinal);
        Assert.Matches("The last 12 months of data, (January|February|March|April|May|June|July|August|September|October|November|December) " +
            "\\d{4} to [A-Z][a-z]+ \\d{4}\\.", index);
        Assert.DoesNotMatch("\\d{4}-\\d\\d to \\d{4}-\\d\\d", index);
        var welsh = WebUtility.HtmlDecode(await service.Client.GetStringAsync("/?lang=cy"));
        Assert.Contains($"<a href=\"/consortia/{ServiceUnderTest.Consortium}?lang=cy\">North Wales</a>", welsh, StringComparison.Ordinal);
        Assert.Matches("Y 12 mis diwethaf o ddata, [A-Z][a-z]+ \\d{4} – [A-Z][a-z]+ \\d{4}\\.", welsh);
    }

    [Fact]
    public async Task The_page_is_cached_for_everyone_but_says_only_to_each_viewer_which_key_they_signed_in_with()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var first = await service.KeyAsync(ServiceUnderTest.Conwy, KeyScope.Read, "finance-team");
        var second = await service.KeyAsync(ServiceUnderTest.Conwy, KeyScope.Read, "digital-lead");
        using var a = await SignedInAsync(service, first);
        using var b = await SignedInAsync(service, second);
        const string page = $"/councils/{ServiceUnderTest.Conwy}?from=2024-04&to=2025-03";

        var seenByA = await a.GetStringAsync(page);
        var seenByB = await b.GetStringAsync(page);
        Assert.Contains("(finance-team)", seenByA, StringComparison.Ordinal);
        Assert.DoesNotContain("(digital-lead)", seenByA, StringComparison.Ordinal);
        Assert.Contains("(digital-lead)", seenByB, StringComparison.Ordinal);
        Assert.DoesNotContain("(finance-team)", seenByB, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--signed-in-->", seenByB, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_page_holds_every_chart_of_report_html_and_a_consortium_page_links_its_three_files()
    {
        await using var service = await ServiceUnderTest.StartAsync(new() { ["Benefits:PublicDashboard"] = "true" });
        const string period = "2024-04..2025-03";
        var page = await service.Client.GetStringAsync($"/councils/{ServiceUnderTest.Conwy}?from=2024-04&to=2025-03");
        var file = await service.Client.GetStringAsync($"/councils/{ServiceUnderTest.Conwy}/files/{period}/report.html");
        var figures = System.Text.RegularExpressions.Regex.Matches(file, "<figcaption id=\"(fig-[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(figures, f => f.Contains("tornado", StringComparison.Ordinal));
        foreach (var id in figures) Assert.Contains($"id=\"{id}\"", page, StringComparison.Ordinal);

        var consortium = await service.Client.GetStringAsync($"/consortia/{ServiceUnderTest.Consortium}?from=2024-04&to=2025-03");
        var links = System.Text.RegularExpressions.Regex.Matches(consortium, "href=\"(/consortia/[^\"]+/files/[^\"]+)\"")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(3, links.Count);
        foreach (var link in links) Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task A_consortium_key_downloads_its_consortiums_files_over_the_API_and_not_a_members()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var key = await service.KeyAsync(ServiceUnderTest.Consortium, KeyScope.ConsortiumRead);
        var manifest = await service.SendAsync(HttpMethod.Get,
            $"/api/v1/consortia/{ServiceUnderTest.Consortium}/reports/2024-04..2025-03/manifest.json", key);
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        var body = await ServiceUnderTest.JsonAsync(manifest);
        Assert.Equal(ServiceUnderTest.Consortium, (string)body["scope"]!["consortium"]!);
        var member = await service.SendAsync(HttpMethod.Get,
            $"/api/v1/councils/{ServiceUnderTest.Conwy}/reports/2024-04..2025-03/manifest.json", key);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
    }

    [Fact]
    public async Task A_council_code_in_lower_case_is_the_same_council_and_a_period_without_data_is_400_not_a_fault()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var key = await service.KeyAsync(ServiceUnderTest.Conwy, KeyScope.Read);
        var upper = await service.SendAsync(HttpMethod.Get, $"/api/v1/councils/{ServiceUnderTest.Conwy}/savings?from=2024-04&to=2025-03", key);
        var lower = await service.SendAsync(HttpMethod.Get,
            $"/api/v1/councils/{ServiceUnderTest.Conwy.ToLowerInvariant()}/savings?from=2024-04&to=2025-03", key);
        Assert.Equal(HttpStatusCode.OK, lower.StatusCode);
        Assert.Equal((await ServiceUnderTest.JsonAsync(upper))["totals"]!["net_benefit_gbp"]!.ToJsonString(),
            (await ServiceUnderTest.JsonAsync(lower))["totals"]!["net_benefit_gbp"]!.ToJsonString());

        foreach (var query in new[] { "from=2030-01&to=2030-12", "from=2024-04&to=2025-03&service=no-such-service" })
        {
            var answer = await service.SendAsync(HttpMethod.Get, $"/api/v1/councils/{ServiceUnderTest.Conwy}/savings?{query}", key);
            var text = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)answer.StatusCode} {text}");
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.Contains(query.Contains("service", StringComparison.Ordinal) ? "no-such-service" : "no data", text, StringComparison.Ordinal);
            var page = await service.Client.GetAsync($"/councils/{ServiceUnderTest.Conwy}?{query}");
            Assert.NotEqual(HttpStatusCode.InternalServerError, page.StatusCode);
        }
    }
}
