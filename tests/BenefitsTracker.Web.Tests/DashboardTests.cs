using System.Net;
using System.Text.RegularExpressions;
using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;
using BenefitsTracker.Tests.Shared;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BenefitsTracker.Web.Tests;

/// <summary>The server-rendered dashboard: accessible (axe, WCAG 2.2 AA), 320 px wide, printable, no JavaScript, behind a key unless
/// public.</summary>
public sealed class DashboardTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_dashboard_page_passes_axe_at_320_px_and_in_print_with_no_script()
    {
        await using var service = await ServiceUnderTest.StartAsync(new() { ["Benefits:PublicDashboard"] = "true" });
        await SeedRunAndFindingAsync(service);
        if (await Chromium.LaunchAsync(output) is not var (playwright, browser)) return;
        using (playwright)
        await using (browser)
        {
            var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 320, Height = 800 } });
            var page = await context.NewPageAsync();
            foreach (var path in new[] { "/", $"/councils/{ServiceUnderTest.Conwy}", $"/consortia/{ServiceUnderTest.Consortium}",
                         $"/councils/{ServiceUnderTest.Conwy}?from=2023-04&to=2024-03&service=ldp-consultation",
                         // In Welsh too (issue 15): axe finds nothing in the Welsh pages either.
                         "/?lang=cy", $"/councils/{ServiceUnderTest.Conwy}?lang=cy", $"/consortia/{ServiceUnderTest.Consortium}?lang=cy",
                         // The jobs and data-quality pages, in both languages (with a run and a finding to show).
                         "/jobs", "/data-quality", "/jobs?lang=cy", "/data-quality?lang=cy" })
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
        // The index is a page, not a report: its link says so in each language.
        Assert.Contains("<a href=\"/\" hreflang=\"en-GB\" lang=\"en-GB\">Read this page in English</a>", index, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"cy\" lang=\"cy\">Darllenwch y dudalen hon yn Gymraeg</a>", await service.Client.GetStringAsync("/"),
            StringComparison.Ordinal);

        var council = await service.Client.GetStringAsync($"/councils/{ServiceUnderTest.Conwy}?lang=cy");
        Assert.Contains("<html lang=\"cy\">", council, StringComparison.Ordinal);
        Assert.Contains("Y prif ffigurau", council, StringComparison.Ordinal);
        Assert.Contains("Dangos y cyfnod hwn", council, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"en-GB\" lang=\"en-GB\">Read this report in English</a>", council, StringComparison.Ordinal);
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

    /// <summary>
    /// A finished run of the rollup job and a data-quality finding as a row written before the migration DataQualityDetailPhrase
    /// (no phrase), for the jobs and data-quality pages to show.
    /// </summary>
    private static async Task SeedRunAndFindingAsync(ServiceUnderTest service)
    {
        await using var db = await BenefitsStore.OpenAsync(service.Target);
        db.JobRuns.Add(new JobRunRow { Job = JobNames.RefreshRollups, Trigger = JobRun.BySchedule, StartedAt = DateTimeOffset.UtcNow.AddSeconds(-3),
            FinishedAt = DateTimeOffset.UtcNow, Outcome = JobRun.Succeeded, Summary = "the rollups agree with the raw rows; nothing corrected" });
        db.DataQualityFindings.Add(new DataQualityFindingRow { RunId = 1, Kind = Finding.Spike, CouncilCode = ServiceUnderTest.Conwy,
            Service = "planning-maps", Month = 202410, Detail = "1,512 completed transactions in 2024-10 against a median of 240",
            FoundAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// English of the resource set (keys under <paramref name="prefixes"/> that differ in Welsh, cut at their placeholders) left in the
    /// text of <paramref name="html"/> outside its <c>lang="en-GB"</c> parts (the stored English the page marks as such).
    /// </summary>
    internal static List<string> EnglishLeft(string html, params string[] prefixes) =>
        WelshCheck.EnglishLeft(WelshCheck.WelshPageText(html), minLength: 4, minWords: 1, prefixes);

    [Fact]
    public async Task Lang_cy_gives_the_jobs_and_data_quality_pages_in_Welsh_and_the_index_links_them_in_Welsh()
    {
        await using var service = await ServiceUnderTest.StartAsync(new() { ["Benefits:PublicDashboard"] = "true" });
        await SeedRunAndFindingAsync(service);
        var index = await service.Client.GetStringAsync("/?lang=cy");
        Assert.Contains("<a href=\"/data-quality?lang=cy\">Ansawdd data</a> · <a href=\"/jobs?lang=cy\">Tasgau wedi&#39;u hamserlennu</a>", index,
            StringComparison.Ordinal);
        Assert.DoesNotContain("yn Saesneg", WebUtility.HtmlDecode(index), StringComparison.Ordinal);

        var jobs = await service.Client.GetStringAsync("/jobs?lang=cy");
        Assert.Contains("<html lang=\"cy\">", jobs, StringComparison.Ordinal);
        var text = WebUtility.HtmlDecode(jobs);
        Assert.Contains("<h1>Tasgau wedi'u hamserlennu</h1>", text, StringComparison.Ordinal);
        Assert.Contains("<caption>Y tasgau wedi'u hamserlennu (amseroedd yn UTC)</caption>", text, StringComparison.Ordinal);
        Assert.Contains("<td>yn ôl yr amserlen</td>", text, StringComparison.Ordinal);
        Assert.Contains("<td>llwyddodd</td>", text, StringComparison.Ordinal);
        // The run's line as the API gives it, worded in Welsh; the line the job stored is still not shown (it can name other councils' files).
        Assert.Contains("llwyddodd; mae manylion y rhediad yn `benefits jobs history refresh-rollups` ar beiriant y gwasanaeth", text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("the rollups agree", text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/jobs\" hreflang=\"en-GB\" lang=\"en-GB\">", jobs, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/?lang=cy\">", jobs, StringComparison.Ordinal);
        // Why ingest-inbox is not scheduled (this service has no inbox), in Welsh: nothing on the page is marked as English
        // but the link to the English page.
        Assert.Contains("heb ei hamserlennu: dim ffolder mewnflwch (--inbox neu Benefits:Inbox)", text, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(jobs, "(?<!href)lang=\"en-GB\""));
        Assert.Empty(EnglishLeft(jobs, "dash.jobs.", "dash.dq.", "dash.index.", "dash.all", "phrase.jobs."));

        var quality = await service.Client.GetStringAsync("/data-quality?lang=cy");
        Assert.Contains("<html lang=\"cy\">", quality, StringComparison.Ordinal);
        text = WebUtility.HtmlDecode(quality);
        Assert.Contains("<h1>Ansawdd data</h1>", text, StringComparison.Ordinal);
        Assert.Contains("<td>cynnydd sydyn</td>", text, StringComparison.Ordinal);
        // A finding stored before its phrase was kept (no detail_phrase) is shown as its stored English, marked as English for a
        // screen reader (WCAG 3.1.2); WelshJobPagesTests has the findings the job stores now, worded in Welsh.
        Assert.Contains("<span lang=\"en-GB\">1,512 completed transactions in 2024-10 against a median of 240</span>", text,
            StringComparison.Ordinal);
        Assert.Empty(EnglishLeft(quality, "dash.jobs.", "dash.dq.", "dash.index.", "dash.all", "phrase.data_quality."));

        // English is as before.
        var english = WebUtility.HtmlDecode(await service.Client.GetStringAsync("/data-quality"));
        Assert.Contains("<html lang=\"en-GB\">", english, StringComparison.Ordinal);
        Assert.Contains("<td>spike</td><td>1,512 completed transactions in 2024-10 against a median of 240</td>", english, StringComparison.Ordinal);
        Assert.Contains("<td>on schedule</td>", WebUtility.HtmlDecode(await service.Client.GetStringAsync("/jobs")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lang_cy_says_what_is_wrong_with_a_period_in_Welsh()
    {
        await using var service = await ServiceUnderTest.StartAsync(new() { ["Benefits:PublicDashboard"] = "true" });
        var bad = await service.Client.GetAsync($"/councils/{ServiceUnderTest.Conwy}?from=2024-13&to=2025-03&lang=cy");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("<p>nid yw '2024-13' yn y maes \"O\" yn fis ar y ffurf BBBB-MM (e.e. 2024-04).</p>", html, StringComparison.Ordinal);
        var back = await service.Client.GetAsync($"/consortia/{ServiceUnderTest.Consortium}?from=2025-03&to=2024-04&lang=cy");
        Assert.Contains("mae'r mis yn y maes \"O\" (2025-03) ar ôl y mis yn y maes \"I\" (2024-04)",
            WebUtility.HtmlDecode(await back.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        Assert.DoesNotContain("lang=\"en-GB\">", html.Replace("hreflang=\"en-GB\" lang=\"en-GB\"", "", StringComparison.Ordinal),
            StringComparison.Ordinal);
        // In English, the same words as the API's.
        var english = await service.Client.GetAsync($"/councils/{ServiceUnderTest.Conwy}?from=2024-13&to=2025-03");
        Assert.Contains("from &#39;2024-13&#39; is not a month in the form YYYY-MM (e.g. 2024-04).", await english.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
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

        var wrong = await client.PostAsync("/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key + "x", ["returnUrl"] = "/" }));
        Assert.Contains("problem=1", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var signIn = await client.PostAsync("/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key, ["returnUrl"] = "https://elsewhere.example/" }));
        Assert.Equal("/", signIn.Headers.Location!.OriginalString); // never sent elsewhere
        var index = await client.GetStringAsync("/");
        Assert.Contains("Conwy", index, StringComparison.Ordinal);
        Assert.DoesNotContain("Gwynedd", index, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/councils/{ServiceUnderTest.Anglesey}")).StatusCode);
    }
}
