using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Core.Tests.GreenBook;

/// <summary>The worked council (tests/fixtures/worked-council) under the assumptions files of tests/fixtures/green-book.</summary>
internal static class GreenBookFixture
{
    public static string Path(string name) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", "green-book", $"assumptions-{name}.json");

    public static AssumptionSet Assumptions(string name) => AssumptionSet.Parse(File.ReadAllBytes(Path(name)));

    /// <summary>The worked example's report under the named assumptions (the worked example's own when null).</summary>
    public static SavingsResult Compute(string? name)
    {
        var (council, own, request) = WorkedExample.Load();
        var assumptions = name is null ? own : Assumptions(name);
        return SavingsEngine.ComputeCouncil(council, null, assumptions, request, WorkedExample.Lineage());
    }

    public static SavingsResult Compute(AssumptionSet assumptions)
    {
        var (council, _, request) = WorkedExample.Load();
        return SavingsEngine.ComputeCouncil(council, null, assumptions, request, WorkedExample.Lineage());
    }

    /// <summary>The made-up deflator series of tests/fixtures/green-book/deflators-test.csv (see <see
    /// cref="WorkedExample.TestDeflators"/>).</summary>
    public static DeflatorSeries TestDeflators() => WorkedExample.TestDeflators();

    /// <summary>The worked example's own assumptions with top-level keys added (e.g. <c>"price_base": "2024-25",</c>).</summary>
    public static AssumptionSet WorkedWith(string keys)
    {
        var json = File.ReadAllText(WorkedExample.AssumptionsPath);
        var brace = json.IndexOf('{', StringComparison.Ordinal);
        return AssumptionSet.Parse(json[..(brace + 1)] + keys + json[(brace + 1)..]);
    }

    public static decimal Pence(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
