using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Ingestion.Tests;

public class StoreQueryTests
{
    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task A_consortium_has_its_members_and_its_own_cost_lines_in_exact_pounds(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        var councils = store.Write("councils.csv", "council_code,name,population,consortium\nW06000003,Conwy,114800,north-wales\n" +
            "W06000004,Denbighshire,95800,north-wales\nW06000005,Flintshire,155000,\n");
        var costs = store.Write("costs.csv",
            "council_code,consortium,service,category,period_start,period_end,amount_gbp,cashable,reference,description\n"
            + ",north-wales,,licence,2024-04-01,2025-03-31,18000.01,,L1,shared licence\n"
            + "W06000003,,garden-waste,print,2024-04-01,2024-04-30,0.10,,P1,\n"
            + "W06000003,,garden-waste,print,2024-05-01,2024-05-31,0.20,,P2,\n");

        await store.IngestAsync(councils, costs);
        var consortium = await store.Queries.LoadConsortiumAsync("north-wales");

        Assert.Equal(["W06000003", "W06000004"], consortium!.Members.Select(m => m.Code));
        var shared = Assert.Single(consortium.SharedCosts);
        Assert.Equal((18000.01m, false, "licence", new DateOnly(2025, 3, 31)), (shared.Amount, shared.Cashable, shared.Category, shared.PeriodEnd));
        var conwy = consortium.Members[0];
        Assert.Equal(0.30m, conwy.CostLines.Sum(c => c.Amount));
        Assert.All(conwy.CostLines, c => Assert.True(c.Cashable));
        Assert.Equal(["north-wales"], await store.Queries.ConsortiumIdsAsync());
        Assert.Null(await store.Queries.LoadConsortiumAsync("south-wales"));
        Assert.Equal(["W06000003", "W06000004", "W06000005"], await store.Queries.CouncilCodesAsync());
    }

    [Fact]
    public async Task An_assumptions_file_that_keeps_every_default_unit_cost_is_stored()
    {
        // The Socitm defaults carry their price year, so a council may rely on them and give no unit_costs_gbp at all.
        await using var store = await TestStore.CreateAsync();
        var path = store.Write("defaults.json", """{ "version": "defaults-only-1", "adjustments": { "deadweight": 0.2 } }""");

        var r = (await store.IngestAsync(path)).Files.Single();
        var latest = await store.Queries.LatestAssumptionsAsync();

        Assert.Equal((InputKind.Assumptions, 1L), (r.Kind, r.Accepted));
        Assert.Equal("defaults-only-1", latest!.Value.Version);
    }

    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task The_latest_assumptions_come_back_byte_for_byte_with_the_file_hash(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        var fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "worked-council", "assumptions.json");
        var path = Path.Combine(store.Folder, "assumptions.json");
        File.Copy(fixture, path);

        var r = (await store.IngestAsync(path)).Files.Single();
        var latest = await store.Queries.LatestAssumptionsAsync();

        Assert.Equal(File.ReadAllBytes(fixture), latest!.Value.Json);
        Assert.Equal(r.Sha256, latest.Value.Sha256);
        Assert.Equal("worked-example-1", latest.Value.Version);
        Assert.Equal(InputKind.Assumptions, r.Kind);
    }

    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task A_named_kind_that_does_not_fit_the_columns_is_refused(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        var events = store.Write("events.csv",
            "council_code,service,channel,event_type,occurred_at\nW06000003,s,web,transaction_completed,2024-04-01T00:00:00Z\n");

        var e = await Assert.ThrowsAsync<UnusableInputException>(() => store.Ingestor.IngestAsync([events], InputKind.Cases, null, default));
        var ok = (await store.Ingestor.IngestAsync([events], InputKind.Events, null, default)).Files.Single();

        Assert.Contains("for cases", e.Message);
        Assert.Equal(1, ok.Accepted);
        Assert.Equal((new Month(2024, 4), new Month(2024, 4)), await store.Queries.DataRangeAsync());
    }
}
