using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BenefitsTracker.Ingestion.Tests;

public class BenchmarkTests
{
    /// <summary>
    /// The benchmark in its own process (so that peak memory is the ingest's): every row lands once, memory stays
    /// far under 300 MB. Its speed is reported, not asserted: this machine is shared.
    /// </summary>
    [Fact]
    public async Task The_benchmark_loads_every_row_once_in_bounded_memory_and_reports_its_figures()
    {
        var work = Path.Combine(Path.GetTempPath(), "bt-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "BenefitsTracker.Ingestion.TestHost.dll"), "bench", "200000", work })
                psi.ArgumentList.Add(a);
            using var host = Process.Start(psi)!;
            var stderr = host.StandardError.ReadToEndAsync();
            var output = await host.StandardOutput.ReadToEndAsync();
            await host.WaitForExitAsync();

            Assert.True(host.ExitCode == 0, output + await stderr);
            Assert.Contains("read 200,000, accepted 200,000, rejected 0, duplicates 0; 200,000 rows in the store", output);
            Assert.Matches(@"ours: +[0-9.]+ s +[0-9,]+ rows/s", output);
            var peak = double.Parse(Regex.Match(output, @"peak memory: ([0-9,]+) MB").Groups[1].Value.Replace(",", ""),
                System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(peak, 1, 300);
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }
}
