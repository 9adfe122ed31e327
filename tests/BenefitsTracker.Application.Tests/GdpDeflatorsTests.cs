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
        // Every figure it holds is a positive index (none are entered yet: see the file's notes and docs/method.md).
        Assert.All(shipped.Index.Values, d => Assert.True(d > 0m));
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
