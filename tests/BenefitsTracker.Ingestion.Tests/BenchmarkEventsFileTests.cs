using BenefitsTracker.Ingestion.Benchmarks;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>`bench ingest --ids`: the three id orders give the same rows apart from the id, and the ids run as named.</summary>
public sealed class BenchmarkEventsFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bench-ids-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string[] Lines(EventIdStyle style)
    {
        var path = Path.Combine(_dir, style + ".csv");
        BenchmarkEventsFile.Write(path, 2000, seed: 3, ids: style);
        return File.ReadAllLines(path);
    }

    [Fact]
    public void Each_style_gives_the_same_rows_with_its_own_ids()
    {
        var text = Lines(EventIdStyle.Text);
        var sequential = Lines(EventIdStyle.Sequential);
        var uuid = Lines(EventIdStyle.Uuid);
        static string Id(string line) => line[..line.IndexOf(',', StringComparison.Ordinal)];
        static string Rest(string line) => line[line.IndexOf(',', StringComparison.Ordinal)..];

        Assert.Equal(2001, text.Length);
        Assert.Equal(text.Skip(1).Select(Rest), sequential.Skip(1).Select(Rest));
        Assert.Equal(text.Skip(1).Select(Rest), uuid.Skip(1).Select(Rest));

        Assert.Equal(["ev-000000001", "ev-000000002"], text.Skip(1).Take(2).Select(Id));
        var texts = text.Skip(1).Select(Id).ToList();
        Assert.Equal(texts.Order(StringComparer.Ordinal), texts); // increasing as text

        Assert.Equal("ev-10", Id(sequential[10]));
        var numbers = sequential.Skip(1).Select(Id).ToList();
        Assert.NotEqual(numbers.Order(StringComparer.Ordinal), numbers); // "ev-10" sorts before "ev-2"

        var ids = uuid.Skip(1).Select(Id).ToList();
        Assert.All(ids, id => Assert.Equal(4, Guid.Parse(id).Version));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids, Lines(EventIdStyle.Uuid).Skip(1).Select(Id)); // seeded: the same every time
    }
}
