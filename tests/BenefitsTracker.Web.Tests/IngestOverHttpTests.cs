using System.Net;
using System.Text.Json.Nodes;
using BenefitsTracker.Application;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using BenefitsTracker.Reports.Manifest;

namespace BenefitsTracker.Web.Tests;

/// <summary>POST /api/v1/events runs the file ingest's path: the same figures, the same de-duplication.</summary>
public sealed class IngestOverHttpTests
{
    private const string Period = "from=2024-04&to=2025-03";

    [Fact]
    public async Task Events_posted_over_HTTP_give_the_same_manifest_as_the_same_events_ingested_from_a_file()
    {
        // Over HTTP: the other councils' events from a file, Conwy's posted, half as a JSON array, half as NDJSON.
        var folder = Directory.CreateTempSubdirectory("bt-web-same-").FullName;
        try
        {
            var others = Rows.FilterCsv(ServiceUnderTest.Sample("events.csv"), Path.Combine(folder, "others.csv"),
                c => c[1] != ServiceUnderTest.Conwy);
            await using var service = await ServiceUnderTest.StartAsync(events: others);
            var key = await service.KeyAsync(ServiceUnderTest.Conwy);
            var conwy = Rows.FromCsv(ServiceUnderTest.Sample("events.csv"), r => r["council_code"] == ServiceUnderTest.Conwy);
            Assert.True(conwy.Count > 1000);
            var half = conwy.Count / 2;
            var first = await service.SendAsync(HttpMethod.Post, "/api/v1/events", key, Rows.JsonArray(conwy.Take(half)));
            var second = await service.SendAsync(HttpMethod.Post, "/api/v1/events", key, Rows.Ndjson(conwy.Skip(half)));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal(half, (long)(await ServiceUnderTest.JsonAsync(first))["accepted"]!);
            Assert.Equal(conwy.Count - half, (long)(await ServiceUnderTest.JsonAsync(second))["accepted"]!);
            var overHttp =
                await service.Client.SendAsync(service.Request(HttpMethod.Get, $"/api/v1/councils/{ServiceUnderTest.Conwy}/savings?{Period}", key));
            Assert.Equal(HttpStatusCode.OK, overHttp.StatusCode);

            // From a file: every event ingested from events.csv, and the manifest `benefits report` writes.
            var fileStore = DatabaseTarget.Parse("sqlite:" + Path.Combine(folder, "file.db"));
            await ServiceUnderTest.SeedAsync(fileStore, [ServiceUnderTest.Sample("events.csv")]);
            await using var db = await BenefitsStore.OpenAsync(fileStore);
            var pipeline = new ReportPipeline(new StoreQueries(db));
            var result = await pipeline.ComputeAsync(ScopeKind.Council, ServiceUnderTest.Conwy,
                new ReportRequest(Month.Parse("2024-04"), Month.Parse("2025-03")), await pipeline.AssumptionsAsync(null, default), default);
            var fromFile = System.Text.Encoding.UTF8.GetString(ManifestWriter.ToUtf8(result, DateTimeOffset.UtcNow));

            Assert.True(result.Totals.AdjustedBenefit > 0);
            Assert.Equal(Rows.Figures(fromFile), Rows.Figures(await overHttp.Content.ReadAsStringAsync()));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public async Task Posting_the_same_body_twice_adds_nothing_the_second_time()
    {
        await using var service = await ServiceUnderTest.StartAsync(events: null);
        var key = await service.KeyAsync(ServiceUnderTest.Conwy);
        var rows = Rows.FromCsv(ServiceUnderTest.Sample("events.csv"), r => r["council_code"] == ServiceUnderTest.Conwy).Take(50).ToList();

        var first = await ServiceUnderTest.JsonAsync(await service.SendAsync(HttpMethod.Post, "/api/v1/events", key, Rows.Ndjson(rows)));
        var after = await service.CountsAsync();
        var again = await ServiceUnderTest.JsonAsync(await service.SendAsync(HttpMethod.Post, "/api/v1/events", key, Rows.Ndjson(rows)));
        // The same rows in another body (a JSON array, in another order): each is a duplicate by its event_id.
        var other = await ServiceUnderTest.JsonAsync(
            await service.SendAsync(HttpMethod.Post, "/api/v1/events", key, Rows.JsonArray(Enumerable.Reverse(rows))));

        Assert.Equal(50, (long)first["accepted"]!);
        Assert.Equal(50, after.Events);
        // The repeat is answered with the first answer (a client whose answer was lost learns it), adding nothing.
        Assert.True((bool)again["already_received"]!);
        Assert.Equal(first["accepted"]!.ToJsonString(), again["accepted"]!.ToJsonString());
        Assert.Equal(0, (long)other["accepted"]!);
        Assert.Equal(50, (long)other["duplicates"]!);
        Assert.Equal(after.Events, (await service.CountsAsync()).Events);
    }

    [Fact]
    public async Task A_bad_row_comes_back_with_its_index_and_reason_and_the_good_rows_are_stored()
    {
        await using var service = await ServiceUnderTest.StartAsync(events: null);
        var key = await service.KeyAsync(ServiceUnderTest.Conwy);
        var rows = Rows.FromCsv(ServiceUnderTest.Sample("events.csv"), r => r["council_code"] == ServiceUnderTest.Conwy).Take(3).ToList();
        rows[1]["channel"] = "carrier-pigeon";

        var response = await service.SendAsync(HttpMethod.Post, "/api/v1/events", key, Rows.JsonArray(rows));
        var body = await ServiceUnderTest.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (long)body["received"]!);
        Assert.Equal(2, (long)body["accepted"]!);
        Assert.Equal(1, (long)body["rejected"]!);
        var reject = body["rejects"]![0]!;
        Assert.Equal(1, (long)reject["index"]!);
        Assert.Contains("carrier-pigeon", (string)reject["reason"]!, StringComparison.Ordinal);
        Assert.Equal(2, (await service.CountsAsync()).Events);
    }

    [Fact]
    public async Task Satisfaction_ratings_are_posted_as_events_and_a_misplaced_or_missing_rating_comes_back_with_its_reason()
    {
        await using var service = await ServiceUnderTest.StartAsync(events: null);
        var key = await service.KeyAsync(ServiceUnderTest.Conwy);
        var rows = Rows.FromCsv(ServiceUnderTest.Sample("events.csv"), r => r["council_code"] == ServiceUnderTest.Conwy).Take(4).ToList();
        for (var i = 0; i < 4; i++) rows[i]["event_id"] = $"rating-{i}";
        rows[0]["event_type"] = "satisfaction_rating";
        rows[0]["rating"] = 5;                                   // a number, as a client would send it
        rows[1]["event_type"] = "satisfaction_rating";           // no rating
        rows[2]["event_type"] = "transaction_completed";
        rows[2]["rating"] = 4;                                   // a rating on another event type
        rows[3]["event_type"] = "satisfaction_rating";
        rows[3]["rating"] = "2";

        var body = await ServiceUnderTest.JsonAsync(await service.SendAsync(HttpMethod.Post, "/api/v1/events", key, Rows.JsonArray(rows)));

        Assert.Equal(2, (long)body["accepted"]!);
        var reasons = body["rejects"]!.AsArray().ToDictionary(r => (long)r!["index"]!, r => (string)r!["reason"]!);
        Assert.Equal([1L, 2L], reasons.Keys.Order());
        Assert.StartsWith("rating is missing", reasons[1], StringComparison.Ordinal);
        Assert.Contains("only satisfaction_rating events carry a rating", reasons[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_sent_again_after_a_lost_answer_gets_its_rejected_rows_back()
    {
        await using var service = await ServiceUnderTest.StartAsync(events: null);
        var key = await service.KeyAsync(ServiceUnderTest.Conwy);
        var rows = Rows.FromCsv(ServiceUnderTest.Sample("events.csv"), r => r["council_code"] == ServiceUnderTest.Conwy).Take(4).ToList();
        rows[2]["channel"] = "carrier-pigeon";

        var first = await ServiceUnderTest.JsonAsync(await service.SendAsync(HttpMethod.Post, "/api/v1/events", key, Rows.Ndjson(rows)));
        var again = await ServiceUnderTest.JsonAsync(await service.SendAsync(HttpMethod.Post, "/api/v1/events", key, Rows.Ndjson(rows)));

        Assert.False((bool)first["already_received"]!);
        Assert.True((bool)again["already_received"]!);
        Assert.Equal(1, (long)again["rejected"]!);
        Assert.Equal(3, (long)again["accepted"]!);
        Assert.Equal(0, (long)again["duplicates"]!);
        Assert.Equal(first["rejects"]!.ToJsonString(), again["rejects"]!.ToJsonString());
        Assert.Equal(2, (long)again["rejects"]![0]!["index"]!);
        Assert.Equal(3, (await service.CountsAsync()).Events);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_bodys_rejected_rows_are_kept_in_the_work_folder_beside_the_store_or_where_configured(bool configured)
    {
        var chosen = Path.Combine(Path.GetTempPath(), "bt-work-" + Guid.NewGuid().ToString("N"));
        await using var service = await ServiceUnderTest.StartAsync(configured ? new() { ["Benefits:WorkFolder"] = chosen } : null, events: null);
        var key = await service.KeyAsync(ServiceUnderTest.Conwy);
        var rows = Rows.FromCsv(ServiceUnderTest.Sample("events.csv"), r => r["council_code"] == ServiceUnderTest.Conwy).Take(2).ToList();
        rows[1]["channel"] = "carrier-pigeon";

        var answer = await ServiceUnderTest.JsonAsync(await service.SendAsync(HttpMethod.Post, "/api/v1/events", key, Rows.Ndjson(rows)));

        Assert.Equal(1, (long)answer["rejected"]!);
        await using var db = new BenefitsDbContext(BenefitsStore.Options(service.Target));
        var rejects = db.IngestedFiles.Select(f => f.RejectsPath).Single(p => p != null)!;
        // Not a temporary folder of this process: the registry names the file, and a body sent again after a
        // restart is answered from it.
        Assert.StartsWith((configured ? chosen : service.Target.Location + ".work") + Path.DirectorySeparatorChar, rejects, StringComparison.Ordinal);
        Assert.True(File.Exists(rejects), rejects);
        if (configured) Directory.Delete(chosen, recursive: true);
    }

    [Fact]
    public async Task Events_without_an_event_id_are_stored_with_a_warning_naming_the_risk()
    {
        await using var service = await ServiceUnderTest.StartAsync(events: null);
        var key = await service.KeyAsync(ServiceUnderTest.Conwy);
        var rows = Rows.FromCsv(ServiceUnderTest.Sample("events.csv"), r => r["council_code"] == ServiceUnderTest.Conwy).Take(3).ToList();
        rows[0].Remove("event_id");
        rows[2].Remove("event_id");

        var answer = await ServiceUnderTest.JsonAsync(await service.SendAsync(HttpMethod.Post, "/api/v1/events", key, Rows.Ndjson(rows)));
        var clean = await ServiceUnderTest.JsonAsync(await service.SendAsync(HttpMethod.Post, "/api/v1/events", key,
            Rows.Ndjson(Rows.FromCsv(ServiceUnderTest.Sample("events.csv"), r => r["council_code"] == ServiceUnderTest.Conwy).Skip(3).Take(2))));

        Assert.Equal(3, (long)answer["accepted"]!);
        var warning = (string)answer["warnings"]![0]!;
        Assert.Contains("2 rows have no event_id", warning, StringComparison.Ordinal);
        Assert.Contains("counted again", warning, StringComparison.Ordinal);
        Assert.Empty(clean["warnings"]!.AsArray());
    }

    [Fact]
    public async Task The_same_rows_sent_again_in_the_other_format_are_known_as_received_and_rows_without_an_id_are_not_counted_twice()
    {
        await using var service = await ServiceUnderTest.StartAsync(events: null);
        var key = await service.KeyAsync(ServiceUnderTest.Conwy);
        var rows = Rows.FromCsv(ServiceUnderTest.Sample("events.csv"), r => r["council_code"] == ServiceUnderTest.Conwy).Take(4).ToList();
        foreach (var r in rows) r.Remove("event_id");
        // NDJSON with spaces after the separators, then the same rows as an indented JSON array.
        var spaced = string.Concat(rows.Select(r => r.ToJsonString().Replace("\",\"", "\", \"", StringComparison.Ordinal)
            .Replace("\":\"", "\": \"", StringComparison.Ordinal) + "\n"));
        var indented = new JsonArray(rows.Select(r => (JsonNode)r.DeepClone()).ToArray())
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        var first = await ServiceUnderTest.JsonAsync(await service.SendAsync(HttpMethod.Post, "/api/v1/events", key,
            new StringContent(spaced, System.Text.Encoding.UTF8, "application/x-ndjson")));
        var after = await service.CountsAsync();
        var again = await ServiceUnderTest.JsonAsync(await service.SendAsync(HttpMethod.Post, "/api/v1/events", key,
            new StringContent(indented, System.Text.Encoding.UTF8, "application/json")));

        Assert.Equal(4, (long)first["accepted"]!);
        Assert.True((bool)again["already_received"]!, again.ToJsonString());
        Assert.Equal(4, (long)again["accepted"]!);
        Assert.Equal(after.Events, (await service.CountsAsync()).Events);
    }

    [Fact]
    public async Task Cases_and_costs_are_posted_the_same_way()
    {
        await using var service = await ServiceUnderTest.StartAsync(events: null);
        var key = await service.KeyAsync(ServiceUnderTest.Conwy);
        var cases = Rows.FromCsv(ServiceUnderTest.Sample("cases.csv"), r => r["council_code"] == ServiceUnderTest.Conwy).Take(5).ToList();
        foreach (var c in cases) c["case_id"] = "http-" + (string)c["case_id"]!;
        var costs = Rows.FromCsv(ServiceUnderTest.Sample("costs.csv"), r => r["council_code"] == ServiceUnderTest.Conwy).Take(2).ToList();
        foreach (var c in costs) c["reference"] = "http-" + (string?)c["reference"];

        var posted = await ServiceUnderTest.JsonAsync(await service.SendAsync(HttpMethod.Post, "/api/v1/cases", key, Rows.JsonArray(cases)));
        var spent = await ServiceUnderTest.JsonAsync(await service.SendAsync(HttpMethod.Post, "/api/v1/costs", key, Rows.Ndjson(costs)));

        Assert.Equal("cases", (string)posted["kind"]!);
        Assert.Equal(5, (long)posted["accepted"]!);
        Assert.Equal("costs", (string)spent["kind"]!);
        Assert.Equal(2, (long)spent["accepted"]!);
    }
}
