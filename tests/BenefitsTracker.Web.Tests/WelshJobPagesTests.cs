using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BenefitsTracker.Application.Jobs;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;
using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.Web.Jobs;
using Microsoft.Extensions.Configuration;

namespace BenefitsTracker.Web.Tests;

/// <summary>
/// The dashboard's job pages in Welsh (issue 15): a data-quality finding's detail and why a job is not scheduled are
/// phrases the page words in its language, so a Welsh /data-quality or /jobs page has no English left and nothing marked
/// <c>lang="en-GB"</c> but its link to the English page; the English pages and the API keep the English.
/// </summary>
public sealed class WelshJobPagesTests
{
    private static readonly DateTimeOffset Ingested = new(2024, 11, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A finding of every kind and every shape of sentence, stored as the data-quality job stores it.</summary>
    private static readonly (string Kind, string Council, string Service, int? Month, Phrase Detail)[] Findings =
    [
        (Finding.Gap, ServiceUnderTest.Conwy, "garden-waste", 202309, FindingPhrases.Gap(new Month(2023, 9), eitherSide: true)),
        (Finding.Gap, ServiceUnderTest.Conwy, "ldp-consultation", 202405, FindingPhrases.Gap(new Month(2024, 5), eitherSide: false)),
        (Finding.Spike, ServiceUnderTest.Conwy, "garden-waste", 202410,
            FindingPhrases.Outlier(new Month(2024, 10), completed: true, 1512, 240, 6, 8.1, 3.5)),
        (Finding.Drop, ServiceUnderTest.Conwy, "planning-maps", 202403,
            FindingPhrases.Outlier(new Month(2024, 3), completed: false, 5, 50, 6, -12.1, 3.5)),
        (Finding.StaleFeed, ServiceUnderTest.Conwy, "", null, FindingPhrases.StaleFeed("events", 60, Ingested, 45)),
        (Finding.StaleFeed, ServiceUnderTest.Anglesey, "", null, FindingPhrases.StaleFeed("cases", 46, Ingested, 45)),
        (Finding.RejectionRate, ServiceUnderTest.Conwy, "", null, FindingPhrases.RejectionRate("bad-events.csv", Ingested, 20, 40, 0.05, null)),
        (Finding.RejectionRate, "", "", null,
            FindingPhrases.RejectionRate("all-bad.csv", Ingested, 1234, 1234, 0.05, "/srv/inbox/archive/2024-11-02/all-bad.rejects.csv")),
        (Finding.ImplausibleMinutes, ServiceUnderTest.Conwy, "planning-maps", 202406,
            FindingPhrases.ImplausibleMinutes(new Month(2024, 6), 1, 1, 0m, 450m)),
        (Finding.ImplausibleMinutes, ServiceUnderTest.Anglesey, "planning-maps", 202407,
            FindingPhrases.ImplausibleMinutes(new Month(2024, 7), 3, 2, 2880m, 450m)),
    ];

    [Fact]
    public async Task A_Welsh_data_quality_page_words_every_kind_of_finding_in_Welsh()
    {
        await using var service = await ServiceUnderTest.StartAsync(new() { ["Benefits:PublicDashboard"] = "true" });
        await using (var db = await BenefitsStore.OpenAsync(service.Target))
        {
            db.DataQualityFindings.AddRange(Findings.Select(f => new DataQualityFindingRow { RunId = 1, Kind = f.Kind, CouncilCode = f.Council,
                Service = f.Service, Month = f.Month, Detail = f.Detail.English, DetailPhrase = StoredPhrase.Serialise(f.Detail),
                FoundAt = Ingested }));
            await db.SaveChangesAsync();
        }

        var welsh = await service.Client.GetStringAsync("/data-quality?lang=cy");

        Assert.Contains("<html lang=\"cy\">", welsh, StringComparison.Ordinal);
        // Nothing marked as English but the link to the English page, and no English of the resource set left.
        Assert.Single(Regex.Matches(welsh, "(?<!href)lang=\"en-GB\""));
        Assert.Empty(DashboardTests.EnglishLeft(welsh, "dash.dq.", "dash.index.", "dash.all", "phrase.data_quality."));
        var text = WebUtility.HtmlDecode(welsh);
        foreach (var f in Findings)
            Assert.Contains("<td>" + ReportPhrases.Render(f.Detail, ReportText.Cy) + "</td>", text, StringComparison.Ordinal);
        Assert.Contains("<td>dim digwyddiadau ym mis Medi 2023, er bod gan y gwasanaeth ddigwyddiadau yn y misoedd bob ochr iddo</td>", text,
            StringComparison.Ordinal);
        Assert.Contains("<td>3 achos a gaewyd ym mis Gorffennaf 2024 â munudau swyddog annhebygol (2 heb ddim munudau o gwbl; " +
            "yr hiraf: 2880 munud; mae'r rheol yn tynnu sylw at 0 a thros 450)</td>", text, StringComparison.Ordinal);
        Assert.Contains("<td>all-bad.csv (mewnforiwyd 2024-11-02): gwrthodwyd 1,234 o 1,234 rhes (100.0 %; mae'r rheol yn tynnu sylw at " +
            "gyfradd dros 5 %); mae'r rhesi a'r rhesymau yn /srv/inbox/archive/2024-11-02/all-bad.rejects.csv</td>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("completed transactions", text, StringComparison.Ordinal);
        Assert.DoesNotContain("the rule flags", text, StringComparison.Ordinal);

        // The English page gives each detail as the job wrote it, and the API its English detail as before.
        var english = WebUtility.HtmlDecode(await service.Client.GetStringAsync("/data-quality"));
        foreach (var f in Findings)
            Assert.Contains("<td>" + f.Detail.English + "</td>", english, StringComparison.Ordinal);
        var key = await service.KeyAsync(ServiceUnderTest.Conwy, Application.Keys.KeyScope.Read);
        var answer = JsonNode.Parse(await (await service.SendAsync(HttpMethod.Get, "/api/v1/data-quality", key)).Content.ReadAsStringAsync())!;
        var details = answer.AsArray().Select(f => (string)f!["detail"]!).ToList();
        Assert.Equal(Findings.Where(f => f.Council == ServiceUnderTest.Conwy).Select(f => f.Detail.English).Order(StringComparer.Ordinal),
            details.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(answer.AsArray(), f => f!.AsObject().ContainsKey("detail_phrase"));
    }

    [Fact]
    public async Task A_Welsh_jobs_page_says_why_a_job_is_not_scheduled_and_what_a_run_did_in_Welsh()
    {
        await using var service = await ServiceUnderTest.StartAsync(new()
        {
            ["Benefits:PublicDashboard"] = "true", ["Benefits:Jobs:Enabled"] = "false",
        });
        await using (var db = await BenefitsStore.OpenAsync(service.Target))
        {
            db.JobRuns.Add(new JobRunRow { Job = JobNames.DataQuality, Trigger = JobRun.ByHand, StartedAt = DateTimeOffset.UtcNow.AddSeconds(-3),
                FinishedAt = DateTimeOffset.UtcNow, Outcome = JobRun.Failed, Summary = "SqliteException: database is locked" });
            await db.SaveChangesAsync();
        }

        var welsh = await service.Client.GetStringAsync("/jobs?lang=cy");

        Assert.Single(Regex.Matches(welsh, "(?<!href)lang=\"en-GB\""));
        Assert.Empty(DashboardTests.EnglishLeft(welsh, "dash.jobs.", "dash.index.", "dash.all", "phrase.jobs."));
        var text = WebUtility.HtmlDecode(welsh);
        Assert.Equal(JobNames.All.Count,
            Regex.Matches(text, Regex.Escape("heb ei hamserlennu: mae'r amserlennydd wedi'i ddiffodd (mae Benefits:Jobs:Enabled yn false)")).Count);
        Assert.Contains("<td>methodd; mae manylion y rhediad yn `benefits jobs history data-quality` ar beiriant y gwasanaeth</td>", text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("database is locked", text, StringComparison.Ordinal);
        Assert.DoesNotContain("scheduler is off", text, StringComparison.Ordinal);

        // In English, and in the API, the same reason in English.
        Assert.Contains("not scheduled: the scheduler is off (Benefits:Jobs:Enabled is false)",
            WebUtility.HtmlDecode(await service.Client.GetStringAsync("/jobs")), StringComparison.Ordinal);
        var key = await service.KeyAsync(ServiceUnderTest.Conwy, Application.Keys.KeyScope.Read);
        var jobs = JsonNode.Parse(await (await service.SendAsync(HttpMethod.Get, "/api/v1/jobs", key)).Content.ReadAsStringAsync())!.AsArray();
        Assert.All(jobs, j => Assert.Equal("the scheduler is off (Benefits:Jobs:Enabled is false)", (string)j!["not_scheduled"]!));
        Assert.All(jobs, j => Assert.False(j!.AsObject().ContainsKey("not_scheduled_phrase")));
    }

    [Fact]
    public void Every_reason_a_job_is_not_scheduled_reads_in_English_exactly_as_the_API_gives_it_and_in_Welsh()
    {
        IConfiguration Config(string? enabled) => new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Benefits:Jobs:Enabled"] = enabled }).Build();
        var sqlite = DatabaseTarget.Parse("sqlite:/tmp/none.db");
        var runner = new JobRunner(sqlite, new JobOptions(), TimeProvider.System);
        var reasons = new List<Phrase>
        {
            JobScheduling.WhyNotScheduled(runner, JobNames.IngestInbox)!,
            JobScheduling.WhyNotScheduled(runner, JobNames.MonthlyReports)!,
            JobScheduling.WhySchedulerOff(Config("false"), sqlite)!,
            JobScheduling.WhySchedulerOff(Config(null), sqlite with { Provider = (DatabaseProvider)99 })!,
            JobScheduling.NoScheduler,
        };
        Assert.Null(JobScheduling.WhySchedulerOff(Config(null), sqlite));
        Assert.Null(JobScheduling.WhyNotScheduled(runner, JobNames.DataQuality));
        Assert.Equal("the scheduler has no job store on 99; `benefits jobs run NAME` runs a job by hand", reasons[3].English);
        foreach (var reason in reasons)
        {
            Assert.True(ReportText.Cy.Has("phrase." + reason.Code), reason.Code);
            Assert.Equal(reason.English, ReportPhrases.Render(reason, ReportText.En));
            var welsh = ReportPhrases.Render(reason, ReportText.Cy);
            Assert.NotEqual(reason.English, welsh);
            Assert.Empty(DashboardTests.EnglishLeft(welsh, "phrase.jobs."));
        }
        Assert.Equal("nid oes gan yr amserlennydd storfa dasgau ar 99; mae `benefits jobs run NAME` yn rhedeg tasg â llaw",
            ReportPhrases.Render(reasons[3], ReportText.Cy));
    }
}
