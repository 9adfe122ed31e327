using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Ingestion.Tests;

public class WorkedExampleTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "worked-council", name);

    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task Worked_example_loads_into_the_engine_inputs_it_describes(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        var copy = Path.Combine(store.Folder, "in");
        Directory.CreateDirectory(copy);
        foreach (var f in new[] { "councils.csv", "events.csv", "cases.csv", "costs.csv", "assumptions.json" })
            File.Copy(Fixture(f), Path.Combine(copy, f));

        var summary = await store.IngestAsync(copy);

        Assert.Equal(5, summary.Files.Count);
        Assert.All(summary.Files, f => Assert.Equal(f.Read, f.Accepted));
        var council = await store.Queries.LoadCouncilAsync("W06000004");
        Assert.NotNull(council);
        Assert.Equal("Denbighshire", council.Name);
        Assert.Equal(95800, council.Population);
        Assert.Equal("north-wales", council.Consortium);

        // Baseline 2023: web 1,200, phone 3,600, face-to-face 1,200 (README of the fixture).
        long Sum(string channel) => council.Volumes.Where(v => v.Channel == channel && v.Month.Year == 2023).Sum(v => v.Completed);
        Assert.Equal(1200, Sum(Channels.Web));
        Assert.Equal(3600, Sum(Channels.Phone));
        Assert.Equal(1200, Sum(Channels.FaceToFace));

        var baselineCases = council.ClosedCases.Where(c => c.Month.Year == 2023).ToList();
        Assert.Equal(15m, baselineCases.Sum(c => c.OfficerMinutes * c.Count) / baselineCases.Sum(c => c.Count));
        Assert.Equal(6000m, council.CostLines.Where(c => c.Category == "print" && c.PeriodStart.Year == 2023).Sum(c => c.Amount));
        Assert.Contains(council.Contacts, c => c.Kind == ContactKind.Failed && c.Channel == Channels.Web);

        var assumptions = await store.Queries.LatestAssumptionsAsync();
        Assert.Equal("worked-example-1", assumptions!.Value.Version);
        Assert.Equal(["W06000004"], await store.Queries.CouncilCodesAsync());
        Assert.Equal(["north-wales"], await store.Queries.ConsortiumIdsAsync());
        var consortium = await store.Queries.LoadConsortiumAsync("north-wales");
        Assert.Single(consortium!.Members);
        Assert.Equal(5, (await store.Queries.InputFilesAsync(["W06000004", "north-wales"])).Count);
        Assert.Single(await store.Queries.InputFilesAsync(["W06000001"])); // another council: only the assumptions file
        var (from, to) = await store.Queries.DataRangeAsync("W06000004");
        Assert.Equal(new Month(2023, 1), from);
        Assert.Equal(new Month(2025, 6), to);
    }
}
