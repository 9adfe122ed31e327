using BenefitsTracker.Core.Method;

namespace BenefitsTracker.Core.Tests.Method;

/// <summary>The alias table draws each bin in proportion to its count.</summary>
public sealed class AliasTableTests
{
    [Fact]
    public void Draw_frequencies_follow_the_counts()
    {
        long[] counts = [1, 0, 6, 3];
        var table = new AliasTable(counts);
        Assert.Equal(10, table.Total);
        var random = new SplitMix64(5);
        var seen = new long[counts.Length];
        const int draws = 200_000;
        for (var i = 0; i < draws; i++) seen[table.Draw(random)]++;
        Assert.Equal(0, seen[1]);
        for (var b = 0; b < counts.Length; b++)
            Assert.InRange((double)seen[b] / draws, counts[b] / 10.0 - 0.005, counts[b] / 10.0 + 0.005);
    }

    [Fact]
    public void A_single_bin_is_always_drawn()
    {
        var table = new AliasTable([0, 7, 0]);
        var random = new SplitMix64(1);
        for (var i = 0; i < 100; i++) Assert.Equal(1, table.Draw(random));
    }

    [Fact]
    public void Probabilities_are_exactly_count_over_total()
    {
        // Weights that do not divide evenly among the columns still give exact probabilities:
        // bin i gets count_i × k of the Total × k units.
        long[] counts = [5, 1, 1, 2, 8, 0, 3];
        var table = new AliasTable(counts);
        for (var i = 0; i < counts.Length; i++) Assert.Equal(counts[i] * counts.Length, table.Units(i));
    }
}
