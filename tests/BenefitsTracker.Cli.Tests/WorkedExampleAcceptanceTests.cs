using System.Security.Cryptography;
using System.Text.Json;

namespace BenefitsTracker.Cli.Tests;

/// <summary>
/// The public worked example (tests/fixtures/worked-council, from shared/examples) through the whole
/// path: `benefits ingest` of every input, `benefits report`, then manifest.json against expected.json
/// to the penny.
/// </summary>
public sealed class WorkedExampleAcceptanceTests
{
    private static readonly string[] Inputs = ["councils.csv", "events.csv", "cases.csv", "costs.csv", "assumptions.json"];

    private static (string Work, CliRunner.Run Report, JsonElement Manifest) IngestAndReport()
    {
        var work = CliRunner.TempDir();
        var db = "sqlite:" + Path.Combine(work, "benefits.db");
        foreach (var file in Inputs)
        {
            var src = Path.Combine(CliRunner.WorkedExampleDir, file);
            File.Copy(src, Path.Combine(work, file));
        }
        var ingest = CliRunner.Benefits(work, ["ingest", .. Inputs, "--db", db]);
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        var report = CliRunner.Benefits(work, "report", "--council", "W06000004", "--service", "garden-waste",
            "--from", "2024-01", "--to", "2025-06", "--out", "out", "--db", db);
        Assert.True(report.ExitCode == 0, report.ToString());
        var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(work, "out", "manifest.json"))).RootElement.Clone();
        return (work, report, manifest);
    }

    private static JsonElement Expected() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(CliRunner.WorkedExampleDir, "expected.json"))).RootElement.Clone();

    [Fact]
    public void Report_of_the_worked_example_matches_every_expected_figure_to_the_penny()
    {
        var (_, _, m) = IngestAndReport();
        var expected = Expected();

        Assert.Equal("W06000004", m.GetProperty("scope").GetProperty("council").GetString());
        Assert.Equal("2024-01", m.GetProperty("from").GetString());
        Assert.Equal("2025-06", m.GetProperty("to").GetString());
        Assert.Equal("garden-waste", m.GetProperty("service").GetString());

        var et = expected.GetProperty("totals");
        var mt = m.GetProperty("totals");
        foreach (var p in et.EnumerateObject())
        {
            var actual = mt.GetProperty(p.Name);
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.String: Assert.Equal(p.Value.GetString(), actual.GetString()); break;
                case JsonValueKind.Null: Assert.Equal(JsonValueKind.Null, actual.ValueKind); break;
                default:
                    if (p.Name is "roi" or "bcr" or "digital_take_up")
                        Assert.True(Math.Abs(p.Value.GetDouble() - actual.GetDouble()) < 1e-12, $"{p.Name}: expected {p.Value}, got {actual}");
                    else
                        Assert.True(p.Value.GetDecimal() == actual.GetDecimal(), $"totals.{p.Name}: expected {p.Value}, got {actual}");
                    break;
            }
        }

        var lines = m.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("line").GetString()!);
        foreach (var p in expected.GetProperty("lines").EnumerateObject())
            Assert.True(p.Value.GetDecimal() == lines[p.Name].GetProperty("gross_gbp").GetDecimal(),
                $"lines.{p.Name} gross: expected {p.Value}, got {lines[p.Name].GetProperty("gross_gbp")}");
        foreach (var p in expected.GetProperty("lines_adjusted").EnumerateObject())
            Assert.True(p.Value.GetDecimal() == lines[p.Name].GetProperty("adjusted_gbp").GetDecimal(),
                $"lines.{p.Name} adjusted: expected {p.Value}, got {lines[p.Name].GetProperty("adjusted_gbp")}");
        Assert.True(lines["print"].GetProperty("cashable").GetBoolean());
        Assert.False(lines["channel_shift"].GetProperty("cashable").GetBoolean());

        var months = m.GetProperty("months").EnumerateArray().ToList();
        var expectedMonths = expected.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(expectedMonths.Count, months.Count);
        for (var i = 0; i < months.Count; i++)
        {
            var (e, a) = (expectedMonths[i], months[i]);
            var month = e.GetProperty("month").GetString();
            Assert.Equal(month, a.GetProperty("month").GetString());
            Assert.Equal(e.GetProperty("transactions").GetInt64(), a.GetProperty("transactions").GetInt64());
            foreach (var ch in e.GetProperty("by_channel").EnumerateObject())
                Assert.Equal(ch.Value.GetInt64(), a.GetProperty("by_channel").GetProperty(ch.Name).GetInt64());
            Assert.True(e.GetProperty("adjusted_benefit_gbp").GetDecimal() == a.GetProperty("adjusted_benefit_gbp").GetDecimal(),
                $"{month} adjusted: expected {e.GetProperty("adjusted_benefit_gbp")}, got {a.GetProperty("adjusted_benefit_gbp")}");
            Assert.True(e.GetProperty("costs_gbp").GetDecimal() == a.GetProperty("costs_gbp").GetDecimal(), $"{month} costs");
        }
    }

    [Fact]
    public void Manifest_states_its_lineage_inputs_assumptions_and_software()
    {
        var (work, _, m) = IngestAndReport();
        var inputs = m.GetProperty("inputs").EnumerateArray().ToDictionary(i => Path.GetFileName(i.GetProperty("file").GetString()!));
        foreach (var file in Inputs.Where(f => f.EndsWith(".csv", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(Path.Combine(work, file));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), inputs[file].GetProperty("sha256").GetString());
            var rows = File.ReadAllLines(Path.Combine(work, file)).Count(l => l.Length > 0) - 1;
            Assert.Equal(rows, inputs[file].GetProperty("accepted").GetInt64());
            Assert.Equal(0, inputs[file].GetProperty("rejected").GetInt64());
        }
        var assumptionsBytes = File.ReadAllBytes(Path.Combine(work, "assumptions.json"));
        Assert.Equal("worked-example-1", m.GetProperty("assumptions").GetProperty("version").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(assumptionsBytes)), m.GetProperty("assumptions").GetProperty("sha256").GetString());
        Assert.Matches(@"^benefits \d+\.\d+\.\d+$", m.GetProperty("generated_by").GetString());
        Assert.Equal("2023-01", m.GetProperty("data_range").GetProperty("from").GetString());
        Assert.Equal("2025-06", m.GetProperty("data_range").GetProperty("to").GetString());
    }

    [Fact]
    public void The_same_inputs_give_the_same_manifest_byte_for_byte_apart_from_the_generation_time()
    {
        var (work, _, _) = IngestAndReport();
        var db = "sqlite:" + Path.Combine(work, "benefits.db");
        var again = CliRunner.Benefits(work, "report", "--council", "W06000004", "--service", "garden-waste",
            "--from", "2024-01", "--to", "2025-06", "--out", "again", "--db", db);
        Assert.True(again.ExitCode == 0, again.ToString());
        static string WithoutTime(string path) =>
            string.Join('\n', File.ReadAllLines(path).Where(l => !l.Contains("\"generated_at\"", StringComparison.Ordinal)));
        Assert.Equal(WithoutTime(Path.Combine(work, "out", "manifest.json")), WithoutTime(Path.Combine(work, "again", "manifest.json")));
    }

    [Fact]
    public void Re_ingesting_the_same_files_adds_nothing_and_the_figures_stay_the_same()
    {
        var (work, _, first) = IngestAndReport();
        var db = "sqlite:" + Path.Combine(work, "benefits.db");
        var ingest = CliRunner.Benefits(work, ["ingest", .. Inputs, "--db", db]);
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("already ingested", ingest.Stdout, StringComparison.Ordinal);
        var report = CliRunner.Benefits(work, "report", "--council", "W06000004", "--service", "garden-waste",
            "--from", "2024-01", "--to", "2025-06", "--out", "again", "--db", db);
        Assert.True(report.ExitCode == 0, report.ToString());
        var second = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(work, "again", "manifest.json"))).RootElement;
        Assert.Equal(first.GetProperty("totals").ToString(), second.GetProperty("totals").ToString());
    }

    [Fact]
    public void A_missing_unit_cost_is_an_error_that_names_the_channel_and_exits_2()
    {
        var (work, _, _) = IngestAndReport();
        var db = "sqlite:" + Path.Combine(work, "benefits.db");
        // The worked example's assumptions give no unit cost for post, and METHOD.md gives no default.
        File.WriteAllText(Path.Combine(work, "post.csv"),
            "event_id,council_code,service,channel,event_type,occurred_at,case_id,user_ref,quantity,duration_seconds\n" +
            "p-1,W06000004,garden-waste,post,transaction_completed,2024-02-03T10:00:00Z,,,3,\n");
        Assert.Equal(0, CliRunner.Benefits(work, "ingest", "post.csv", "--db", db).ExitCode);
        var report = CliRunner.Benefits(work, "report", "--council", "W06000004", "--from", "2024-01", "--to", "2025-06",
            "--out", "x", "--db", db);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("post", report.Stderr, StringComparison.Ordinal);
        Assert.Contains("unit_costs_gbp", report.Stderr, StringComparison.Ordinal);
    }
}
