using System.Net;

namespace BenefitsTracker.Web.Tests;

/// <summary>Computed results are cached by scope, period, assumptions and data version; an ingest stales only its council.</summary>
public sealed class CacheTests
{
    [Fact]
    public async Task An_ingest_for_one_council_recomputes_that_council_only()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var conwy = await service.KeyAsync(ServiceUnderTest.Conwy);
        var anglesey = await service.KeyAsync(ServiceUnderTest.Anglesey);
        var path = $"/api/v1/councils/{ServiceUnderTest.Conwy}/savings?from=2024-04&to=2025-03";
        async Task<string> Savings()
        {
            var r = await service.SendAsync(HttpMethod.Get, path, conwy);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return Rows.Figures(await r.Content.ReadAsStringAsync());
        }

        var first = await Savings();
        var computed = service.Cache.Computations;
        Assert.Equal(first, await Savings());
        Assert.Equal(computed, service.Cache.Computations);

        // New events for Anglesey: Conwy's entry is checked, found unchanged, and served without recomputing.
        var event1 = Rows.FromCsv(ServiceUnderTest.Sample("events.csv"), r => r["council_code"] == ServiceUnderTest.Anglesey).First();
        event1["event_id"] = "cache-test-anglesey";
        Assert.Equal(HttpStatusCode.OK, (await service.SendAsync(HttpMethod.Post, "/api/v1/events", anglesey, Rows.Ndjson([event1]))).StatusCode);
        Assert.Equal(first, await Savings());
        Assert.Equal(computed, service.Cache.Computations);

        // A new Conwy transaction in the period: recomputed, and the count moves by one.
        var event2 = Rows.FromCsv(ServiceUnderTest.Sample("events.csv"), r => r["council_code"] == ServiceUnderTest.Conwy
            && r["event_type"] == "transaction_completed").First();
        event2["event_id"] = "cache-test-conwy";
        event2["occurred_at"] = "2024-06-15T10:00:00Z";
        event2.Remove("quantity");
        Assert.Equal(HttpStatusCode.OK, (await service.SendAsync(HttpMethod.Post, "/api/v1/events", conwy, Rows.Ndjson([event2]))).StatusCode);
        var after = await Savings();
        Assert.Equal(computed + 1, service.Cache.Computations);
        var before = (long)System.Text.Json.Nodes.JsonNode.Parse(first)!["totals"]!["transactions"]!;
        Assert.Equal(before + 1, (long)System.Text.Json.Nodes.JsonNode.Parse(after)!["totals"]!["transactions"]!);
    }
}
