using System.Net;
using System.Text.Json.Nodes;

namespace BenefitsTracker.Web.Tests;

/// <summary>Health, OpenAPI, jobs, report files: the host's plain routes.</summary>
public sealed class HostTests : IAsyncLifetime
{
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync() => _service = await ServiceUnderTest.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Health_answers_without_a_key_and_ready_means_the_store_answers()
    {
        Assert.Equal(HttpStatusCode.OK, (await _service.Client.GetAsync("/health")).StatusCode);
        var ready = await _service.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_API_route_is_in_the_OpenAPI_document_with_a_summary()
    {
        var doc = JsonNode.Parse(await _service.Client.GetStringAsync("/openapi/v1.json"))!;
        var paths = doc["paths"]!.AsObject();
        string[] expected =
        [
            "/api/v1/events", "/api/v1/cases", "/api/v1/costs", "/api/v1/councils/{gss}/savings",
            "/api/v1/consortia/{id}/comparison", "/api/v1/councils/{gss}/reports/{period}/{file}", "/api/v1/jobs", "/api/v1/data-quality",
            "/api/v1/consortia/{id}/reports/{period}/{file}", "/health", "/health/ready",
        ];
        foreach (var path in expected) Assert.True(paths.ContainsKey(path), $"{path} is not in the OpenAPI document");
        foreach (var (path, item) in paths.Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
            foreach (var (method, op) in item!.AsObject())
                Assert.False(string.IsNullOrWhiteSpace((string?)op!["summary"]), $"{method} {path} has no summary");
    }

    [Fact]
    public async Task The_savings_and_comparison_answers_have_a_schema_that_names_every_key_they_hold()
    {
        var doc = JsonNode.Parse(await _service.Client.GetStringAsync("/openapi/v1.json"))!;
        var council = await _service.KeyAsync(ServiceUnderTest.Conwy, Application.Keys.KeyScope.Read);
        var consortium = await _service.KeyAsync(ServiceUnderTest.Consortium, Application.Keys.KeyScope.ConsortiumRead);
        foreach (var (path, url, key) in new[]
        {
            ("/api/v1/councils/{gss}/savings", $"/api/v1/councils/{ServiceUnderTest.Conwy}/savings?from=2024-04&to=2025-03", council),
            ("/api/v1/consortia/{id}/comparison", $"/api/v1/consortia/{ServiceUnderTest.Consortium}/comparison?from=2024-04&to=2025-03", consortium),
        })
        {
            var schema = doc["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
            var documented = schema["properties"]!.AsObject();
            var answer = JsonNode.Parse(await (await _service.SendAsync(HttpMethod.Get, url, key)).Content.ReadAsStringAsync())!.AsObject();
            foreach (var (name, _) in answer)
            {
                Assert.True(documented.ContainsKey(name), $"{path}: the answer's key {name} is not in its OpenAPI schema");
                Assert.False(string.IsNullOrWhiteSpace((string?)documented[name]!["description"]), $"{path}: {name} has no description");
            }
            foreach (var (name, _) in answer["totals"]!.AsObject())
                Assert.True(documented["totals"]!["properties"]!.AsObject().ContainsKey(name), $"{path}: totals.{name} is not in its OpenAPI schema");
        }
    }

    [Fact]
    public async Task Jobs_lists_every_job_with_its_cron_and_says_why_one_is_not_scheduled()
    {
        var key = await _service.KeyAsync(ServiceUnderTest.Conwy, Application.Keys.KeyScope.Read);
        var response = await _service.SendAsync(HttpMethod.Get, "/api/v1/jobs", key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jobs = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(["ingest-inbox", "refresh-rollups", "monthly-reports", "data-quality"], jobs.Select(j => (string)j!["name"]!));
        var inbox = jobs[0]!;
        Assert.Equal("0 0/5 * * * ?", (string)inbox["cron"]!);
        Assert.Null(inbox["next_fire_time"]); // this service was given no inbox
        Assert.Contains("no inbox folder", (string)inbox["not_scheduled"]!, StringComparison.Ordinal);
        var rollups = jobs[1]!;
        Assert.Equal("Europe/London", (string)rollups["time_zone"]!);
        Assert.True(
            DateTimeOffset.Parse((string)rollups["next_fire_time"]!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Report_files_are_the_files_benefits_report_writes_and_the_manifest_equals_the_savings_answer()
    {
        var key = await _service.KeyAsync(ServiceUnderTest.Conwy, Application.Keys.KeyScope.Read);
        var root = $"/api/v1/councils/{ServiceUnderTest.Conwy}/reports/2024-04..2025-03/";
        var xlsx = await _service.SendAsync(HttpMethod.Get, root + "savings.xlsx", key);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]); // a zip, as every .xlsx
        Assert.Equal((byte)'K', bytes[1]);
        var html = await _service.SendAsync(HttpMethod.Get, root + "report.html", key);
        Assert.Contains("<h1>Savings from digital services: Conwy</h1>", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var manifest = await (await _service.SendAsync(HttpMethod.Get, root + "manifest.json", key)).Content.ReadAsStringAsync();
        var savings = await (await _service.SendAsync(HttpMethod.Get, $"/api/v1/councils/{ServiceUnderTest.Conwy}/savings?from=2024-04&to=2025-03",
            key)).Content.ReadAsStringAsync();
        Assert.Equal(Rows.Figures(manifest), Rows.Figures(savings));
        Assert.Equal(HttpStatusCode.NotFound, (await _service.SendAsync(HttpMethod.Get, root + "secrets.txt", key)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await _service.SendAsync(HttpMethod.Get, $"/api/v1/councils/{ServiceUnderTest.Conwy}/reports/2024-04/manifest.json", key)).StatusCode);
    }
}
