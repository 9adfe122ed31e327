using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BenefitsTracker.Web.Tests;

/// <summary>The server-rendered dashboard: accessible (axe, WCAG 2.2 AA), 320 px wide, printable, no JavaScript, behind a key unless public.</summary>
public sealed class DashboardTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_dashboard_page_passes_axe_at_320_px_and_in_print_with_no_script()
    {
        await using var service = await ServiceUnderTest.StartAsync(new() { ["Benefits:PublicDashboard"] = "true" });
        if (await Chromium.LaunchAsync(output) is not var (playwright, browser)) return;
        using (playwright)
        await using (browser)
        {
            var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 320, Height = 800 } });
            var page = await context.NewPageAsync();
            foreach (var path in new[] { "/", $"/councils/{ServiceUnderTest.Conwy}", $"/consortia/{ServiceUnderTest.Consortium}",
                         $"/councils/{ServiceUnderTest.Conwy}?from=2023-04&to=2024-03&service=ldp-consultation",
                         // In Welsh too (issue 15): axe finds nothing in the Welsh pages either.
                         "/?lang=cy", $"/councils/{ServiceUnderTest.Conwy}?lang=cy", $"/consortia/{ServiceUnderTest.Consortium}?lang=cy" })
            {
                var response = await page.GotoAsync(service.Url + path);
                Assert.Equal(200, response!.Status);
                Assert.Equal(0, await page.Locator("script").CountAsync());

                // axe needs script in the page; a second context runs it on the same HTML.
                var axeContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 800 } });
                var axePage = await axeContext.NewPageAsync();
                await axePage.GotoAsync(service.Url + path);
                var result = await axePage.RunAxe(new AxeRunOptions
                {
                    RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
                });
                foreach (var v in result.Violations) output.WriteLine($"{path}: {v.Id}: {v.Help} e.g. {v.Nodes.FirstOrDefault()?.Html}");
                Assert.Empty(result.Violations);

                // 320 px: nothing but the data tables (which scroll in their own box) is wider than the screen.
                var wide = await axePage.EvaluateAsync<bool>(
                    "() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
                Assert.False(wide, $"{path} scrolls sideways at 320 px");
                await axePage.EmulateMediaAsync(new() { Media = Media.Print });
                var pdf = await axePage.PdfAsync(new() { Format = "A4" });
                Assert.True(pdf.Length > 2_000);
                await axeContext.CloseAsync();
            }

            // The council page links its three files, which download.
            await page.GotoAsync(service.Url + $"/councils/{ServiceUnderTest.Conwy}");
            var links = await page.Locator("nav a[href*='/files/']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
            Assert.Equal(3, links.Length);
            foreach (var link in links)
                Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync(link)).StatusCode);
        }
    }

    [Fact]
    public async Task Lang_cy_gives_every_page_in_Welsh_with_a_link_to_the_English_one()
    {
        await using var service = await ServiceUnderTest.StartAsync(new() { ["Benefits:PublicDashboard"] = "true" });
        var index = await service.Client.GetStringAsync("/?lang=cy");
        Assert.Contains("<html lang=\"cy\">", index, StringComparison.Ordinal);
        Assert.Contains("<h1>Arbedion o wasanaethau digidol</h1>", index, StringComparison.Ordinal);
        Assert.Contains($"href=\"/councils/{ServiceUnderTest.Conwy}?lang=cy\"", index, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\" hreflang=\"en-GB\" lang=\"en-GB\">Read this report in English</a>", index, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"cy\" lang=\"cy\">Darllenwch yr adroddiad hwn yn Gymraeg</a>", await service.Client.GetStringAsync("/"),
            StringComparison.Ordinal);

        var council = await service.Client.GetStringAsync($"/councils/{ServiceUnderTest.Conwy}?lang=cy");
        Assert.Contains("<html lang=\"cy\">", council, StringComparison.Ordinal);
        Assert.Contains("Y prif ffigurau", council, StringComparison.Ordinal);
        Assert.Contains("Dangos y cyfnod hwn", council, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"lang\" value=\"cy\">", council, StringComparison.Ordinal);
        Assert.DoesNotContain("The headline", council, StringComparison.Ordinal);
        // The English page of the same period, and the Welsh page as a file, which downloads.
        Assert.Matches($"href=\"/councils/{ServiceUnderTest.Conwy}\\?from=\\d{{4}}-\\d\\d&amp;to=\\d{{4}}-\\d\\d\" hreflang=\"en-GB\"", council);
        var file = System.Text.RegularExpressions.Regex.Match(council, "href=\"([^\"]+/files/[^\"]+/report\\.cy\\.html)\"");
        Assert.True(file.Success, "no link to report.cy.html");
        var download = await service.Client.GetAsync(WebUtility.HtmlDecode(file.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("<html lang=\"cy\">", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // And the Welsh workbook, savings.cy.xlsx, downloads from the Welsh page.
        var workbook = System.Text.RegularExpressions.Regex.Match(council, "href=\"([^\"]+/files/[^\"]+/savings\\.cy\\.xlsx)\"");
        Assert.True(workbook.Success, "no link to savings.cy.xlsx");
        var xlsx = await service.Client.GetAsync(WebUtility.HtmlDecode(workbook.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        // The English page is unchanged by the Welsh one being asked for first (each language is cached apart).
        var english = await service.Client.GetStringAsync($"/councils/{ServiceUnderTest.Conwy}");
        Assert.Contains("<html lang=\"en-GB\">", english, StringComparison.Ordinal);
        Assert.Contains("The headline", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_public_setting_the_dashboard_asks_for_a_key_and_shows_only_its_council()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var key = await service.KeyAsync(ServiceUnderTest.Conwy, Application.Keys.KeyScope.Read);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = service.Client.BaseAddress };

        var anonymous = await client.GetAsync($"/councils/{ServiceUnderTest.Conwy}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var files = await client.GetAsync($"/councils/{ServiceUnderTest.Conwy}/files/2024-04..2025-03/manifest.json");
        Assert.Equal(HttpStatusCode.Redirect, files.StatusCode);

        var wrong = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key + "x", ["returnUrl"] = "/" }));
        Assert.Contains("problem=1", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var signIn = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key, ["returnUrl"] = "https://elsewhere.example/" }));
        Assert.Equal("/", signIn.Headers.Location!.OriginalString); // never sent elsewhere
        var index = await client.GetStringAsync("/");
        Assert.Contains("Conwy", index, StringComparison.Ordinal);
        Assert.DoesNotContain("Gwynedd", index, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/councils/{ServiceUnderTest.Anglesey}")).StatusCode);
    }
}
