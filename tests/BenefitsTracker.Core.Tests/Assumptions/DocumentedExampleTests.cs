using BenefitsTracker.Core.Assumptions;

namespace BenefitsTracker.Core.Tests.Assumptions;

/// <summary>docs/assumptions.md stays true: its example file parses and resolves as the page says.</summary>
public sealed class DocumentedExampleTests
{
    private static string ExampleJson()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "docs", "assumptions.md"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var text = File.ReadAllText(Path.Combine(dir!.FullName, "docs", "assumptions.md"));
        var start = text.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        return text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void The_example_file_resolves_as_described()
    {
        var set = AssumptionSet.Parse(ExampleJson());
        Assert.Equal("2025-26-v1", set.Version);
        var bulky = set.ForService("W06000003", "bulky-waste");
        Assert.Equal(4.10m, bulky.UnitCosts["phone"]);
        Assert.Equal(31.20m, bulky.HourlyCostDefault);
        Assert.Equal(0.15m, bulky.UnitCosts["web"]);
        Assert.True(bulky.Cashable[Domain.BenefitLine.AvoidableContact]);
        Assert.Equal(0.80m, set.ForService("W06000004", "garden-waste").Adjustments.Attribution);
        Assert.Equal(0.30m, set.ForService("W06000004", "ldp-consultation").Adjustments.Deadweight);
        Assert.DoesNotContain(Domain.BenefitLine.OfficerTime, set.ForService("W06000004", "ldp-consultation").Lines);
        Assert.Equal("population", set.ForCouncil("W06000003", "north-wales").Apportionment);
    }
}
