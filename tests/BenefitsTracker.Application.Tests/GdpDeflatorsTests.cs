using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Application.Deflators;

namespace BenefitsTracker.Application.Tests;

/// <summary>The shipped GDP deflator series is inside the program and readable; --deflators FILE replaces it or is refused with its reason.</summary>
public sealed class GdpDeflatorsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("deflators-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_shipped_series_is_embedded_and_names_its_release()
    {
        var shipped = GdpDeflators.Shipped;
        Assert.Contains("GDP deflators at market prices", shipped.Release, StringComparison.Ordinal);
        Assert.Contains("March 2026", shipped.Release, StringComparison.Ordinal);
        // Financial years 2000-01 to 2030-31, one each, on the release's base 2024-25 = 100.
        Assert.Equal(31, shipped.Index.Count);
        Assert.Equal(100m, shipped.Of(new FinancialYear(2024)));
        Assert.Equal(68.8561m, shipped.Of(new FinancialYear(2010)));
        Assert.Equal(113.6416m, shipped.Of(new FinancialYear(2030)));
        // No year falls and none jumps by more than 8% (a slip in a figure would show as a fall or a jump).
        var ordered = shipped.Index.OrderBy(p => p.Key).Select(p => p.Value).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var change = ordered[i] / ordered[i - 1] - 1m;
            Assert.InRange(change, 0m, 0.08m);
        }
    }

    [Fact]
    public async Task A_deflators_file_replaces_the_shipped_series()
    {
        var file = Path.Combine(_dir, "d.csv");
        await File.WriteAllTextAsync(file, "# release: a newer release\nfinancial_year,index,source\n2024-25,100,x\n");
        var series = await GdpDeflators.LoadAsync(file, CancellationToken.None);
        Assert.Equal("a newer release", series.Release);
        Assert.Same(GdpDeflators.Shipped, await GdpDeflators.LoadAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task The_assumptions_own_series_replaces_the_shipped_one_and_deflators_file_replaces_both()
    {
        // The file's path is read without the store: the pipeline's queries are not touched.
        var assumptions = Path.Combine(_dir, "a.json");
        await File.WriteAllTextAsync(assumptions, """
            { "version": "v1", "gdp_deflators": { "release": "the file's own series", "index": { "2023-24": 90, "2024-25": 96 } } }
            """);
        var plain = Path.Combine(_dir, "plain.json");
        await File.WriteAllTextAsync(plain, """{ "version": "v1" }""");
        var csv = Path.Combine(_dir, "d.csv");
        await File.WriteAllTextAsync(csv, "# release: from --deflators\nfinancial_year,index,source\n2024-25,100,x\n");

        Assert.Equal("the file's own series",
            (await new ReportPipeline(null!).AssumptionsAsync(assumptions, CancellationToken.None)).Deflators!.Release);
        Assert.Same(GdpDeflators.Shipped, (await new ReportPipeline(null!).AssumptionsAsync(plain, CancellationToken.None)).Deflators);
        var overridden = await new ReportPipeline(null!) { DeflatorsFile = csv }.AssumptionsAsync(assumptions, CancellationToken.None);
        Assert.Equal("from --deflators", overridden.Deflators!.Release);
    }

    [Fact]
    public async Task A_missing_or_unreadable_deflators_file_is_the_users_to_mend()
    {
        var missing = await Assert.ThrowsAsync<UsageException>(() => GdpDeflators.LoadAsync(Path.Combine(_dir, "none.csv"), CancellationToken.None));
        Assert.Contains("--deflators: no such file", missing.Message, StringComparison.Ordinal);
        var bad = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(bad, "# release: r\nfinancial_year,index,source\n2024-25,-3,x\n");
        var e = await Assert.ThrowsAsync<UsageException>(() => GdpDeflators.LoadAsync(bad, CancellationToken.None));
        Assert.Contains("line 3: the index for 2024-25 must be a positive number", e.Message, StringComparison.Ordinal);
    }
}
