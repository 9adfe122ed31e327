using System.Diagnostics;
using System.Security.Cryptography;

namespace BenefitsTracker.Cli.Tests;

/// <summary>
/// A report's outputs are replaced as one set: a real `benefits report` killed at many points leaves its folder
/// exactly as before or wholly new, never the new page beside the old workbook; what a killed run left beside
/// the folder is cleared by the next run.
/// </summary>
public sealed class KilledReportTests
{
    private static readonly string[] Inputs = ["councils.csv", "events.csv", "cases.csv", "costs.csv", "assumptions.json"];

    /// <summary>Every file under <paramref name="folder"/> (relative path) with its SHA-256.</summary>
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
            : [];

    [Fact]
    public void A_report_killed_at_any_point_leaves_the_old_set_or_the_whole_new_one()
    {
        var work = CliRunner.TempDir();
        var db = "sqlite:" + Path.Combine(work, "benefits.db");
        foreach (var f in Inputs) File.Copy(Path.Combine(CliRunner.WorkedExampleDir, f), Path.Combine(work, f));
        Assert.Equal(0, CliRunner.Benefits(work, ["ingest", .. Inputs, "--db", db]).ExitCode);
        string[] Report(string to, string outDir) =>
            ["report", "--council", "W06000004", "--service", "garden-waste", "--from", "2024-01", "--to", to, "--out", outDir, "--db", db];

        // The old set (to 2025-03) in "out"; the new set (to 2025-06) for reference in "reference".
        Assert.Equal(0, CliRunner.Benefits(work, Report("2025-03", "out")).ExitCode);
        Assert.Equal(0, CliRunner.Benefits(work, Report("2025-06", "reference")).ExitCode);
        var old = Snapshot(Path.Combine(work, "out"));
        var fresh = Snapshot(Path.Combine(work, "reference"));
        Assert.Contains("report.html", old.Keys);
        Assert.Contains("manifest.json", old.Keys);

        var outcomes = new List<string>();
        var killedMidWrite = 0;
        // Kills while the figures are computed (400 ms after the start), and at several points after the new set's
        // temporary folder appears: while it is written, and around the swap.
        foreach (var (afterWriteStarts, delayMs) in new[] { (false, 400), (true, 0), (true, 40), (true, 120), (true, 300), (true, 600), (true, 1000),
            (true, 1800), (true, 3000) })
        {
            using var p = Process.Start(CliRunner.Start(work, new Dictionary<string, string>(), Report("2025-06", "out")))!;
            if (afterWriteStarts)
            {
                var waited = Stopwatch.StartNew();
                // This run's own temporary folder (named by its process id; a killed run's may still be there).
                var own = Path.Combine(work, $".out.partial-{p.Id}");
                while (!p.HasExited && !Directory.Exists(own) && waited.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(5);
            }
            Thread.Sleep(delayMs);
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            p.WaitForExit(30_000);

            // A kill that lands while the new set is being written leaves its temporary folder beside "out".
            var midWrite = Directory.Exists(Path.Combine(work, $".out.partial-{p.Id}"));
            if (midWrite) killedMidWrite++;
            var now = Snapshot(Path.Combine(work, "out"));
            if (now.Count == old.Count && now.All(kv => old.TryGetValue(kv.Key, out var h) && h == kv.Value))
            {
                outcomes.Add($"{(afterWriteStarts ? "writing + " : "")}{delayMs} ms: as " +
                    $"before{(midWrite ? " (killed while writing the new set)" : "")}");
                continue;
            }
            // Otherwise it must be the whole new set: the same files as the reference run, none of them the old one.
            Assert.Equal(fresh.Keys.Order(), now.Keys.Order());
            var stale = now.Where(kv => old.TryGetValue(kv.Key, out var h) && h == kv.Value).Select(kv => kv.Key).ToList();
            Assert.True(stale.Count == 0, $"killed after {delayMs} ms: a mixed set, these files are still the old ones: {string.Join(", ", stale)}");
            outcomes.Add($"{(afterWriteStarts ? "writing + " : "")}{delayMs} ms: whole new set");
        }

        // The test means something only if some kill landed while the new set was being written.
        Assert.True(killedMidWrite > 0, "no kill landed while the new set was being written:\n" + string.Join("\n", outcomes));

        // The next run clears whatever the killed ones left beside the folder.
        Assert.Equal(0, CliRunner.Benefits(work, Report("2025-06", "out")).ExitCode);
        var leftovers = Directory.EnumerateFileSystemEntries(work, ".out.*").ToList();
        Assert.True(leftovers.Count == 0, "left beside the output folder: " + string.Join(", ", leftovers) + "\n" + string.Join("\n", outcomes));
        Assert.Equal(fresh.Keys.Order(), Snapshot(Path.Combine(work, "out")).Keys.Order());
    }
}
