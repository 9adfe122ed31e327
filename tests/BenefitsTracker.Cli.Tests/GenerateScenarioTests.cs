using System.Text.Json.Nodes;

namespace BenefitsTracker.Cli.Tests;

/// <summary>
/// Issue 17: `benefits generate` with the scenario flags writes a scenario with a known effect (truth.csv beside
/// the usual files), go-lives staggered as asked and the last council never launching; the same flags give the
/// same bytes; a bad flag is one clear line and exit 2.
/// </summary>
public sealed class GenerateScenarioTests
{
    private static readonly string[] Flags =
        ["generate", "--councils", "3", "--months", "36", "--effect", "0.3", "--trend", "0.05", "--seasonality", "0.2", "--noise", "0.02",
         "--go-live", "2023-04", "--stagger", "6", "--seed", "5"];

    [Fact]
    public void The_scenario_flags_write_the_truth_stagger_the_go_lives_and_give_the_same_bytes_twice()
    {
        var work = CliRunner.TempDir();
        var first = CliRunner.Benefits(work, [.. Flags, "--out", "a"]);
        var second = CliRunner.Benefits(work, [.. Flags, "--out", "b"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("effect 0.3, trend 0.05, seasonality 0.2, noise 0.02", first.Stdout, StringComparison.Ordinal);
        foreach (var name in new[] { "councils.csv", "events.csv", "costs.csv", "assumptions.json", "truth.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(work, "a", name)), File.ReadAllBytes(Path.Combine(work, "b", name)));

        // Go-lives: the first council at --go-live, the next --stagger months later, the last never.
        var councils = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "a", "assumptions.json")))!["councils"]!.AsObject();
        var goLives = councils.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Value!["services"]!.AsObject().Select(s => (string?)s.Value!["go_live"]).Distinct().Single()).ToList();
        Assert.Equal(["2023-04", "2023-10", null], goLives);

        // The truth: a row per council and service; a launched one lost offline volume to the digital channel
        // (negative), the one that never launched has no go-live and no effect.
        var truth = File.ReadAllLines(Path.Combine(work, "a", "truth.csv"));
        Assert.Equal("council_code,service,go_live,true_effect_transactions", truth[0]);
        var rows = truth.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(9, rows.Count);
        Assert.Equal(["", "2023-04", "2023-10"], rows.Select(r => r[2]).Distinct().Order(StringComparer.Ordinal));
        foreach (var r in rows)
        {
            var effect = decimal.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(r[2].Length == 0 ? effect == 0 : effect < 0, string.Join(',', r));
        }
    }

    [Theory]
    [InlineData("--go-live", "2023-13", "--go-live '2023-13' is not a month")]
    [InlineData("--effect", "1.5", "--effect must be a share between 0 and 1")]
    public void A_bad_scenario_flag_is_one_clear_line_and_exit_2(string flag, string value, string expected)
    {
        var work = CliRunner.TempDir();
        string[] args = flag == "--effect" ? ["generate", "--councils", "3", flag, value, "--out", "x"]
            : ["generate", "--councils", "3", "--effect", "0.3", flag, value, "--out", "x"];
        var run = CliRunner.Benefits(work, args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(work, "x")));
    }
}
