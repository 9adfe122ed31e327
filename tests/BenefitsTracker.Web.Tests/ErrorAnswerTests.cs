using System.Net;
using System.Text;
using BenefitsTracker.Application.Keys;
using BenefitsTracker.Data;

namespace BenefitsTracker.Web.Tests;

/// <summary>
/// Every refusal of SPEC.md's HTTP API answers as stated, as ProblemDetails, and stores nothing. The host here
/// takes bodies of at most 4 KB and 3 requests per key in a burst, refilled at 1 a second.
/// </summary>
public sealed class ErrorAnswerTests : IAsyncLifetime
{
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync() => _service = await ServiceUnderTest.StartAsync(new()
    {
        ["Benefits:MaxBodyBytes"] = "4096",
        ["Benefits:RateLimit:PermitsPerSecond"] = "1",
        ["Benefits:RateLimit:Burst"] = "3",
    }, events: null);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static List<System.Text.Json.Nodes.JsonObject> Conwy(int n) =>
        Rows.FromCsv(ServiceUnderTest.Sample("events.csv"), r => r["council_code"] == ServiceUnderTest.Conwy).Take(n).ToList();

    /// <summary>Sends, asserts the status and a ProblemDetails body, and that the store is unchanged.</summary>
    private async Task<string> Refused(HttpStatusCode status, HttpMethod method, string path, string? key, HttpContent? content = null)
    {
        var before = await _service.CountsAsync();
        var response = await _service.SendAsync(method, path, key, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.Equal(before, await _service.CountsAsync());
        return (string?)problem["detail"] ?? (string)problem["title"]!;
    }

    [Fact]
    public async Task No_key_is_401()
    {
        var detail = await Refused(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/events", null, Rows.JsonArray(Conwy(2)));
        Assert.Contains("X-Api-Key", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_401()
    {
        var real = await _service.KeyAsync(ServiceUnderTest.Conwy);
        var wrong = real[..^4] + (real.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        await Refused(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/events", wrong, Rows.JsonArray(Conwy(2)));
        await Refused(HttpStatusCode.Unauthorized, HttpMethod.Get,
            $"/api/v1/councils/{ServiceUnderTest.Conwy}/savings?from=2024-04&to=2025-03", "not-a-key");
    }

    [Fact]
    public async Task A_revoked_key_is_401()
    {
        var key = await _service.KeyAsync(ServiceUnderTest.Conwy);
        ApiKeyText.TryParse(key, out var id, out _);
        await using (var db = await BenefitsStore.OpenAsync(_service.Target))
            Assert.True(await new ApiKeys(db, KeyHasher.FromFile(KeySecretFile.Resolve(_service.Target, null)))
                .RevokeAsync(id, DateTimeOffset.UtcNow));
        await Refused(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/events", key, Rows.JsonArray(Conwy(2)));
    }

    [Fact]
    public async Task Rows_for_another_council_are_403_and_none_of_the_body_is_stored()
    {
        var key = await _service.KeyAsync(ServiceUnderTest.Conwy);
        var rows = Conwy(3);
        rows[2]["council_code"] = ServiceUnderTest.Anglesey;
        var detail = await Refused(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/events", key, Rows.JsonArray(rows));
        Assert.Contains("element 2", detail, StringComparison.Ordinal);
        Assert.Contains(ServiceUnderTest.Anglesey, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_another_councils_figures_is_403()
    {
        var key = await _service.KeyAsync(ServiceUnderTest.Conwy, KeyScope.Read);
        await Refused(HttpStatusCode.Forbidden, HttpMethod.Get, $"/api/v1/councils/{ServiceUnderTest.Anglesey}/savings?from=2024-04&to=2025-03", key);
        await Refused(HttpStatusCode.Forbidden, HttpMethod.Get,
            $"/api/v1/councils/{ServiceUnderTest.Anglesey}/reports/2024-04..2025-03/manifest.json", key);
    }

    [Fact]
    public async Task A_read_key_may_not_post_and_a_consortium_key_reads_the_comparison_but_no_members_figures()
    {
        var read = await _service.KeyAsync(ServiceUnderTest.Conwy, KeyScope.Read);
        await Refused(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/events", read, Rows.JsonArray(Conwy(2)));

        var consortium = await _service.KeyAsync(ServiceUnderTest.Consortium, KeyScope.ConsortiumRead);
        await Refused(HttpStatusCode.Forbidden, HttpMethod.Get,
            $"/api/v1/councils/{ServiceUnderTest.Conwy}/savings?from=2024-04&to=2025-03", consortium);
        var comparison = await _service.SendAsync(HttpMethod.Get,
            $"/api/v1/consortia/{ServiceUnderTest.Consortium}/comparison?from=2024-04&to=2025-03", consortium);
        Assert.Equal(HttpStatusCode.OK, comparison.StatusCode);
        var body = await ServiceUnderTest.JsonAsync(comparison);
        Assert.Equal(ServiceUnderTest.Consortium, (string)body["scope"]!["consortium"]!);
        Assert.NotNull(body["members"]);
        // A council's key does not read the consortium's comparison.
        await Refused(HttpStatusCode.Forbidden, HttpMethod.Get,
            $"/api/v1/consortia/{ServiceUnderTest.Consortium}/comparison?from=2024-04&to=2025-03", read);
    }

    [Fact]
    public async Task Malformed_JSON_is_400_naming_the_element_and_malformed_NDJSON_naming_the_line()
    {
        var key = await _service.KeyAsync(ServiceUnderTest.Conwy);
        var rows = Conwy(2);
        var array = "[" + rows[0].ToJsonString() + "," + rows[1].ToJsonString()[..^5] + "]";
        var detail = await Refused(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/v1/events", key,
            new StringContent(array, Encoding.UTF8, "application/json"));
        Assert.Contains("element 1", detail, StringComparison.Ordinal);

        var ndjson = rows[0].ToJsonString() + "\n{\"council_code\": \"W06000003\", \n" + rows[1].ToJsonString() + "\n";
        detail = await Refused(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/v1/events", key,
            new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
        Assert.Contains("line 2", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_field_is_refused_as_the_file_reader_refuses_it()
    {
        var key = await _service.KeyAsync(ServiceUnderTest.Conwy);
        var rows = Conwy(2);
        rows[1]["favourite_colour"] = "blue";
        var detail = await Refused(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/v1/events", key, Rows.Ndjson(rows));
        Assert.Contains("favourite_colour", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_whether_its_length_is_declared_or_not()
    {
        var key = await _service.KeyAsync(ServiceUnderTest.Conwy);
        var big = Rows.Ndjson(Conwy(40));
        Assert.True((await big.ReadAsByteArrayAsync()).Length > 4096);
        var detail = await Refused(HttpStatusCode.RequestEntityTooLarge, HttpMethod.Post, "/api/v1/events", key, big);
        Assert.Contains("4,096", detail, StringComparison.Ordinal);

        // Chunked: no Content-Length, so the limit is met while reading.
        var chunked = new StreamContent(new MemoryStream(await Rows.Ndjson(Conwy(40)).ReadAsByteArrayAsync()));
        chunked.Headers.ContentType = new("application/x-ndjson");
        var request = _service.Request(HttpMethod.Post, "/api/v1/events", key, chunked);
        request.Headers.TransferEncodingChunked = true;
        var before = await _service.CountsAsync();
        var response = await _service.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await _service.CountsAsync());
    }

    [Fact]
    public async Task A_content_type_other_than_JSON_or_NDJSON_is_415()
    {
        var key = await _service.KeyAsync(ServiceUnderTest.Conwy);
        var detail = await Refused(HttpStatusCode.UnsupportedMediaType, HttpMethod.Post, "/api/v1/events", key,
            new StringContent("event_id,council_code\n1,W06000003\n", Encoding.UTF8, "text/csv"));
        Assert.Contains("application/x-ndjson", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_burst_a_key_gets_429_with_Retry_After_and_another_key_is_unaffected()
    {
        var key = await _service.KeyAsync(ServiceUnderTest.Conwy, KeyScope.Read);
        var other = await _service.KeyAsync(ServiceUnderTest.Conwy, KeyScope.Read);
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var r = await _service.SendAsync(HttpMethod.Get, "/api/v1/jobs", key);
            if (r.StatusCode == HttpStatusCode.TooManyRequests) limited = r;
            else Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After is missing");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await _service.SendAsync(HttpMethod.Get, "/api/v1/jobs", other)).StatusCode);
    }
}
