using System.Text.Json;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.TestSupport;

/// <summary>
/// The hand-worked example of tests/fixtures/worked-council (Denbighshire's garden waste; see its
/// README.md): its inputs as the engine takes them, and the figures expected.json says they give.
/// </summary>
public static class WorkedExample
{
    public const string CouncilCode = "W06000004";
    public const string Service = "garden-waste";

    /// <summary>The fixture folder as copied beside the test assembly.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "worked-council");

    public static string AssumptionsPath => Path.Combine(Directory, "assumptions.json");

    /// <summary>The report of the README: <c>--council W06000004 --service garden-waste --from 2024-01 --to 2025-06</c>.</summary>
    public static ReportRequest Request { get; } = new(new Month(2024, 1), new Month(2025, 6), Service);

    public static (CouncilData Council, AssumptionSet Assumptions, ReportRequest Request) Load() =>
        (FixtureData.LoadCouncil(Directory, CouncilCode), AssumptionSet.Parse(File.ReadAllBytes(AssumptionsPath)), Request);

    /// <summary>
    /// The made-up GDP deflator series of tests/fixtures/green-book/deflators-test.csv (2022-23 = 85, 2023-24 = 90,
    /// 2024-25 = 96, 2025-26 = 100), whose round numbers let the real terms and price years be checked by hand.
    /// </summary>
    public static DeflatorSeries TestDeflators() =>
        DeflatorSeriesReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "green-book", "deflators-test.csv")),
            "deflators-test.csv");

    /// <summary>Lineage naming the fixture files, their hashes and row counts.</summary>
    public static Lineage Lineage()
    {
        var assumptions = AssumptionSet.Parse(File.ReadAllBytes(AssumptionsPath));
        return new Lineage(
            FixtureData.Inputs(Directory, "councils.csv", "events.csv", "cases.csv", "costs.csv"),
            assumptions.Version, assumptions.Sha256, "benefits test", new Month(2023, 1), new Month(2025, 6));
    }

    private static readonly Lazy<JsonDocument> ExpectedDocument =
        new(() => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "expected.json"))));

    /// <summary>expected.json, parsed: totals, lines (gross), lines_adjusted and months, money in pounds to the penny.</summary>
    public static JsonElement Expected => ExpectedDocument.Value.RootElement;
}
