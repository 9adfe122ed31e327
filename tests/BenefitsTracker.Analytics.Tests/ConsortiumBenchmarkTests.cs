using System.Diagnostics;
using BenefitsTracker.Analytics.Counterfactual;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Ingestion.Synthetic;
using Xunit.Abstractions;

namespace BenefitsTracker.Analytics.Tests;

/// <summary>
/// Issue 17's time budget: the estimates for a 40-council consortium with 3 services and 60 months in
/// under 5 s on this machine (docs/benchmarks.md, "Counterfactual estimates": about 1 s in Release). Go-lives are staggered a
/// month apart from the 13th month, so that every council has 12 or more months before go-live, later
/// councils serve as peers for earlier ones, and the last never launches.
/// </summary>
[Collection(nameof(ConsortiumBenchmarkTests))]
public sealed class ConsortiumBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public void Forty_councils_three_services_sixty_months_are_estimated_within_the_budget()
    {
        var start = new Month(2020, 4);
        var end = start.AddMonths(59);
        var goLive = start.AddMonths(12);
        var options = new ScenarioOptions { Effect = 0.3, Trend = 0.05, Seasonality = 0.3, Noise = 0.05, GoLive = goLive, StaggerMonths = 1 };
        var data = CounterfactualScenario.Generate(options, 40, start, end, seed: 17);
        var slugs = SyntheticProfiles.Services.Select(s => s.Slug).ToList();
        var assumptions = AssumptionSet.Parse($$"""
            { "version": "bench", "unit_costs_gbp": {"web": 0.15, "app": 0.15, "email": 1.50, "phone": 2.83, "face_to_face": 8.62, "post": 5.00},
              "adjustments": {"deadweight": 0.1},
              "services": { {{string.Join(", ", slugs.Select(s => $"\"{s}\": {{\"go_live\": \"{goLive}\"}}"))}} },
              "councils": { {{data.CouncilServicesJson(slugs)}} } }
            """);
        var request = new ReportRequest(goLive, end);
        var consortium = data.AsConsortium("bench");

        // load ML.NET and JIT first
        CounterfactualEstimator.ForConsortium(consortium, assumptions, request, new CounterfactualOptions { Resamples = 10 });
        // Wall time, and the processor time the process used: on a machine shared with builds the
        // second is the steadier measure of the work (docs/benchmarks.md gives both).
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var fixedCost = Stopwatch.StartNew();
        CounterfactualEstimator.ForConsortium(consortium, assumptions, request, new CounterfactualOptions { Resamples = 1 });
        fixedCost.Stop();
        process.Refresh();
        var cpuFixed = process.TotalProcessorTime - cpu0;
        cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var estimates = CounterfactualEstimator.ForConsortium(consortium, assumptions, request);
        sw.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        output.WriteLine($"fits alone (1 resample): {fixedCost.Elapsed.TotalSeconds:0.00} s wall, {cpuFixed.TotalSeconds:0.00} s processor; " +
                         $"with {CounterfactualOptions.Default.Resamples} resamples: {sw.Elapsed.TotalSeconds:0.00} s wall, " +
                             $"{cpu.TotalSeconds:0.00} s processor; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        var made = estimates.Count(e => e.Refused is null);
        output.WriteLine($"40 councils × 3 services × 60 months, {CounterfactualOptions.Default.Resamples} resamples, " +
            $"{Environment.ProcessorCount} cores: " +
                         $"{estimates.Count} entries ({made} estimates, {estimates.Count - made} refused) in {sw.Elapsed.TotalSeconds:0.00} s");
        foreach (var g in estimates.Where(e => e.Refused is not null).GroupBy(e => e.Refused![..Math.Min(60, e.Refused!.Length)]))
            output.WriteLine($"  refused {g.Count()}: {g.Key}…");
        Assert.Equal(39 * 3 * 2, estimates.Count); // every launched council's service, both methods (the 40th never launches)
        Assert.True(made >= estimates.Count / 2, $"only {made} of {estimates.Count} estimated");
        // The issue's budget is 5 s of wall time on this machine's 2 cores, i.e. about 10 s of processor time.
        // Measured (docs/benchmarks.md): 1.0 s wall, 1.6 s processor in Release. Wall time on a machine shared
        // with builds says little, so the bound is on processor time: the budget's 10 s, which a Debug build
        // under load keeps well inside too.
        Assert.True(cpu < TimeSpan.FromSeconds(10), $"took {cpu.TotalSeconds:0.0} s of processor time");
    }
}

/// <summary>
/// The benchmark runs alone, after the other tests: it measures the process's processor time, which tests
/// running beside it (the 300-seed coverage test) would add to.
/// </summary>
[CollectionDefinition(nameof(ConsortiumBenchmarkTests), DisableParallelization = true)]
public sealed class ConsortiumBenchmarkCollection;
