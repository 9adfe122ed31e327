namespace BenefitsTracker.Ingestion.Tests;

public class SampleDataTests
{
    /// <summary>The repository's sample-data/ folder, found by walking up from the test binaries.</summary>
    internal static string SampleData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BenefitsTracker.sln")))
                return Directory.Exists(Path.Combine(dir.FullName, "sample-data"))
                    ? Path.Combine(dir.FullName, "sample-data")
                    : throw new DirectoryNotFoundException($"sample-data/ is missing beside {dir.FullName}/BenefitsTracker.sln");
        throw new DirectoryNotFoundException("BenefitsTracker.sln not found above " + AppContext.BaseDirectory);
    }

    [Theory, MemberData(nameof(Postgres.Providers), MemberType = typeof(Postgres))]
    public async Task Sample_data_loads_without_a_rejected_row(string provider)
    {
        var sample = SampleData();
        await using var store = await TestStore.CreateAsync(provider);
        if (store is null) return;
        var copy = Path.Combine(store.Folder, "sample");
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.GetFiles(sample)) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));

        var summary = await store.IngestAsync(copy);

        Assert.NotEmpty(summary.Files);
        Assert.All(summary.Files, f => Assert.True(f.Rejected == 0, f.ToString()));
        Assert.All(summary.Files, f => Assert.Equal(f.Read, f.Accepted + f.Rejected + f.Duplicates));
        Assert.Equal(4, (await store.Queries.CouncilCodesAsync()).Count);
        var consortium = await store.Queries.LoadConsortiumAsync("north-wales");
        Assert.Equal(4, consortium!.Members.Count);
    }
}
