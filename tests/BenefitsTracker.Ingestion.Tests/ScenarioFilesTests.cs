using System.Globalization;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Ingestion.Synthetic;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>
/// <c>benefits generate --effect ...</c> writes a scenario as input files: the events add up to the
/// drawn volumes, the assumptions give each council its own go-live (the last none), and truth.csv
/// holds each council's true effect.
/// </summary>
public sealed class ScenarioFilesTests
{
    [Fact]
    public void A_scenario_is_written_as_files_the_ingest_reads_with_its_truth()
    {
        var options = new ScenarioOptions { Effect = 0.3, Trend = 0.05, Seasonality = 0.3, GoLive = new Month(2024, 4) };
        var data = CounterfactualScenario.Generate(options, 3, new Month(2022, 4), new Month(2025, 9), seed: 5);
        var dir = Path.Combine(Path.GetTempPath(), "scenario-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (rows, transactions) = ScenarioFiles.Write(data, dir);
            Assert.Equal(data.Data.Sum(c => c.Volumes.Sum(v => v.Completed)), transactions);
            var lines = File.ReadAllLines(Path.Combine(dir, "events.csv"));
            Assert.Equal(rows + 1, lines.Length);
            Assert.Equal(transactions, lines.Skip(1).Sum(l => long.Parse(l.Split(',')[8], CultureInfo.InvariantCulture)));

            var a = AssumptionSet.Parse(File.ReadAllBytes(Path.Combine(dir, "assumptions.json")));
            Assert.Equal("2024-04", a.ForService(data.Councils[0].Code, "garden-waste").GoLive);
            Assert.Equal("2024-10", a.ForService(data.Councils[1].Code, "garden-waste").GoLive);
            Assert.Null(a.ForService(data.Councils[2].Code, "garden-waste").GoLive); // the last never launches: a peer

            var truth = File.ReadAllLines(Path.Combine(dir, "truth.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            Assert.Equal(3 * 3, truth.Count);
            var first = truth.Single(t => t[0] == data.Councils[0].Code && t[1] == "garden-waste");
            Assert.Equal(data.TrueEffect(0, "garden-waste", data.Start, data.End), double.Parse(first[3], CultureInfo.InvariantCulture), 1);
            Assert.True(double.Parse(first[3], CultureInfo.InvariantCulture) < 0);
            Assert.Equal("0.0", truth.Single(t => t[0] == data.Councils[2].Code && t[1] == "garden-waste")[3]);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
