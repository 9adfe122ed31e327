using System.Net;
using System.Text.RegularExpressions;
using BenefitsTracker.Tests.Shared;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace BenefitsTracker.Web.Tests;

/// <summary>
/// Why the dashboard cannot make a report, in the page's language (issue 15): the engine's reasons (no data for the period
/// or the service) are worded in full in Welsh with <c>?lang=cy</c>; a fault in the service's configuration is said in Welsh,
/// with its English detail for the operator marked as English; a council the store does not hold is said so.
/// </summary>
public sealed class DashboardReasonTests(ITestOutputHelper output)
{
    private const string Gwynedd = "W06000002";

    /// <summary>The sample, and events of a service the assumptions do not describe: Gwynedd's reports cannot be made.</summary>
    private static async Task<ServiceUnderTest> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("bt-web-reasons-").FullName;
        var events = Path.Combine(folder, "mystery.csv");
        await File.WriteAllTextAsync(events,
            "event_id,council_code,service,channel,event_type,occurred_at,case_id,user_ref,quantity,duration_seconds,rating\n" +
            $"ev-mystery-1,{Gwynedd},mystery-service,web,transaction_completed,2024-05-02T10:00:00Z,,,3,,\n" +
            $"ev-mystery-2,{Gwynedd},mystery-service,phone,transaction_completed,2024-06-03T10:00:00Z,,,4,,\n");
        var service = await ServiceUnderTest.StartAsync(new() { ["Benefits:PublicDashboard"] = "true" });
        await ServiceUnderTest.SeedAsync(service.Target, [events]);
        Directory.Delete(folder, recursive: true);
        return service;
    }

    private static async Task<string> PageAsync(ServiceUnderTest service, string path)
    {
        var response = await service.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task In_Welsh_a_report_the_data_cannot_give_says_why_in_Welsh_and_a_configuration_fault_is_for_the_operator()
    {
        await using var service = await StartAsync();
        var conwy = ServiceUnderTest.Conwy;

        // A service the council has no data for: the engine's reason, in Welsh, no sentence of it in English.
        var noService = await PageAsync(service, $"/councils/{conwy}?from=2024-04&to=2025-03&service=no-such-service&lang=cy");
        Assert.Contains("<html lang=\"cy\">", noService, StringComparison.Ordinal);
        var text = WebUtility.HtmlDecode(noService);
        Assert.Contains("<h1>Ni ellir llunio'r adroddiad</h1>", text, StringComparison.Ordinal);
        Assert.Matches($"<p>Nid oes gan gyngor {conwy} \\(Conwy\\) ddata ar gyfer y gwasanaeth 'no-such-service': dim trafodion, achosion " +
            "na llinellau cost\\. Ei wasanaethau: [a-z, -]+\\.</p>", text);
        Assert.Empty(EnglishLeft(noService));
        Assert.DoesNotContain("lang=\"en-GB\">", Unlinked(noService), StringComparison.Ordinal);
        // In English, the engine's own sentence, as the API and the CLI give it.
        var english = WebUtility.HtmlDecode(await PageAsync(service, $"/councils/{conwy}?from=2024-04&to=2025-03&service=no-such-service"));
        Assert.Matches($"<p>Council {conwy} \\(Conwy\\) has no data for service 'no-such-service': no transactions, cases or cost lines\\. " +
            "Its services: [a-z, -]+\\.</p>", english);

        // A period with no data at all: months in Welsh, what the store holds in Welsh.
        var noData = WebUtility.HtmlDecode(await PageAsync(service, $"/councils/{conwy}?from=2010-01&to=2010-12&lang=cy"));
        Assert.Contains($"<p>Nid oes gan gyngor {conwy} (Conwy) unrhyw ddata o gwbl ar gyfer Ionawr 2010 – Rhagfyr 2010: mae'r storfa'n dal " +
            "digwyddiadau ", noData, StringComparison.Ordinal);
        Assert.Contains("Mae mis heb ddata yn anhysbys, nid sero; dewiswch gyfnod o fewn y data sydd yn y storfa.</p>", noData,
            StringComparison.Ordinal);
        Assert.Empty(EnglishLeft(noData));
        Assert.DoesNotContain("lang=\"en-GB\">", Unlinked(noData), StringComparison.Ordinal);

        // A fault in the service's configuration (data of a service the assumptions do not describe): the operator's to correct,
        // said in Welsh; the detail follows as the service wrote it, marked as English.
        var fault = await PageAsync(service, $"/councils/{Gwynedd}?from=2024-01&to=2024-12&lang=cy");
        text = WebUtility.HtmlDecode(fault);
        Assert.Contains("<p>Mae nam yn ffurfweddiad y gwasanaeth (ei ragdybiaethau neu'r data yn ei storfa) na all neb ond ei weithredwr ei " +
            "gywiro. Y manylion, i'r gweithredwr (yn Saesneg):</p><p lang=\"en-GB\">", text, StringComparison.Ordinal);
        Assert.Matches("<p lang=\"en-GB\">[^<]*the data has service 'mystery-service' but the assumptions do not describe it[^<]*\\.</p>", text);
        Assert.Empty(EnglishLeft(Regex.Replace(fault, "<p lang=\"en-GB\">.*?</p>", " ", RegexOptions.Singleline)));
        var faultEnglish = WebUtility.HtmlDecode(await PageAsync(service, $"/councils/{Gwynedd}?from=2024-01&to=2024-12"));
        Assert.Contains("<p>The service's configuration (its assumptions or stored data) has a fault that only its operator can correct. " +
            "The detail, for the operator:</p><p>", faultEnglish, StringComparison.Ordinal);

        // A council the store does not hold.
        var unknown = WebUtility.HtmlDecode(await PageAsync(service, "/councils/W06000099?from=2024-01&to=2024-12&lang=cy"));
        Assert.Contains("<p>Nid oes cyngor na chonsortiwm W06000099 yn y storfa.</p>", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("lang=\"en-GB\">", Unlinked(unknown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Welsh_pages_saying_why_pass_axe()
    {
        await using var service = await StartAsync();
        if (await Chromium.LaunchAsync(output) is not var (playwright, browser)) return;
        using (playwright)
        await using (browser)
        {
            var page = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 800 } })).NewPageAsync();
            foreach (var path in new[] { $"/councils/{ServiceUnderTest.Conwy}?from=2024-04&to=2025-03&service=no-such-service&lang=cy",
                         $"/councils/{ServiceUnderTest.Conwy}?from=2010-01&to=2010-12&lang=cy",
                         $"/councils/{Gwynedd}?from=2024-01&to=2024-12&lang=cy", "/councils/W06000099?from=2024-01&to=2024-12&lang=cy" })
            {
                Assert.Equal(400, (await page.GotoAsync(service.Url + path))!.Status);
                var result = await page.RunAxe(new AxeRunOptions
                {
                    RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
                });
                foreach (var v in result.Violations) output.WriteLine($"{path}: {v.Id}: {v.Help} e.g. {v.Nodes.FirstOrDefault()?.Html}");
                Assert.Empty(result.Violations);
            }
        }
    }

    /// <summary>The page without its link to the same page in English (the one part of a Welsh page marked as English by design).</summary>
    private static string Unlinked(string html) => Regex.Replace(html, "<a [^>]*hreflang=\"en-GB\" lang=\"en-GB\"[^>]*>.*?</a>", " ");

    /// <summary>
    /// English of the keys that say why a report cannot be made (and the page's frame) that differs in Welsh, cut at its
    /// placeholders, found in the page's text.
    /// </summary>
    private static List<string> EnglishLeft(string html) =>
        WelshCheck.EnglishLeft(WelshCheck.PageText(Unlinked(html)), minLength: 4, minWords: 2, "phrase.", "dash.");
}
