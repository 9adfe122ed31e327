using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.GreenBook;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Cli.Pipeline;

/// <summary>
/// Issue 12's Monte Carlo budget: 10,000 draws for a council with 3 services and 36 months in at most 1 s, and for
/// a 40-council consortium in at most 20 s. Computes the result once, then times the Green Book appraisal with the
/// simulation against the same appraisal without it (the reference, in the same run): the difference is what the
/// draws cost. A draw evaluates the appraisal basis (a few sums per service group and council), never the rollups.
/// </summary>
public static class MonteCarloBenchmark
{
    public static void Run(int councils, int services, int months, int draws, int repeats, TextWriter output, CancellationToken ct)
    {
        if (councils < 1 || services < 1 || months < 1 || draws < 1 || repeats < 1)
            throw new UsageException("--councils, --services, --months, --draws and --repeats must each be at least 1.");
        var budget = councils == 1 ? 1.0 : 20.0;
        output.WriteLine($"Monte Carlo benchmark: {(councils == 1 ? "a council" : $"a {councils}-council consortium")} with {services} " +
            $"services × {months} months; " +
                         $"{draws:N0} draws of 4 inputs; {repeats} timed runs after a warm-up; issue 12's budget {budget:0} " +
                         $"s{(councils is 1 or 40 ? "" : " (set for 1 or 40 councils)")}.");
        var request = new ReportRequest(GoLive, GoLive.AddMonths(months - 1));
        var plain = Assumptions(services, null);
        var simulated = Assumptions(services, draws);
        var lineage = new Lineage([], "bench", new string('0', 64), "benefits bench montecarlo", null, null);

        var engine = Stopwatch.StartNew();
        var result = councils == 1
            ? SavingsEngine.ComputeCouncil(Council("W06000099", services, months, null), null, plain, request, lineage)
            : SavingsEngine.ComputeConsortium(new ConsortiumData("bench", "Benchmark consortium",
                [.. Enumerable.Range(0, councils).Select(i => Council($"W0{6_000_100 + i}", services, months, "bench"))], []), plain,
                    request, lineage);
        engine.Stop();
        output.WriteLine($"  engine (rollups to result, once): {engine.Elapsed.TotalSeconds:N2} s");
        ct.ThrowIfCancellationRequested();

        // Warm-up: the first call pays for JIT compilation.
        GreenBookAppraisal.Compute(result, plain);
        GreenBookAppraisal.Compute(result, simulated);
        var without = Time(() => GreenBookAppraisal.Compute(result, plain), repeats, ct);
        MonteCarloFigures? figures = null;
        var with = Time(() => figures = GreenBookAppraisal.Compute(result, simulated).MonteCarlo, repeats, ct);
        var draw = with.Median - without.Median;
        output.WriteLine($"  appraisal without Monte Carlo (reference): median {without.Median:N3} s (min {without.Min:N3} s)");
        output.WriteLine($"  appraisal with {draws:N0} draws:              median {with.Median:N3} s (min {with.Min:N3} s)");
        output.WriteLine($"  the draws: {draw:N3} s, {draw / draws * 1e6:N1} µs a draw; budget {budget:0} s: " +
            $"{(with.Median <= budget ? "within" : "OVER")}");
        if (figures is { } mc)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  NPV P10 / P50 / P90: {mc.P10Npv:N2} / {mc.P50Npv:N2} / {mc.P90Npv:N2}; P(NPV > 0) {mc.ProbabilityNpvPositive:P1} " +
                $"(seed {mc.Seed})"));
    }

    private static readonly Month GoLive = new(2023, 4);

    private static (double Median, double Min) Time(Action run, int repeats, CancellationToken ct)
    {
        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            ct.ThrowIfCancellationRequested();
            var sw = Stopwatch.StartNew();
            run();
            times[i] = sw.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return (times[repeats / 2], times[0]);
    }

    /// <summary>Web and phone each month (web growing), closed cases in two grades, a licence and hosting; a baseline year before go-live.</summary>
    private static CouncilData Council(string code, int services, int months, string? consortium)
    {
        var baselineFrom = GoLive.AddMonths(-12);
        var last = GoLive.AddMonths(months - 1);
        var volumes = new List<ChannelVolume>();
        var closed = new List<ClosedCases>();
        var costs = new List<CostLine>();
        for (var s = 0; s < services; s++)
        {
            var name = $"svc-{s}";
            foreach (var m in Month.Range(baselineFrom, last))
            {
                var after = m >= GoLive ? Month.Count(GoLive, m) : 0;
                volumes.Add(new ChannelVolume(name, "web", m, 300 + 10 * after, 0, 0));
                volumes.Add(new ChannelVolume(name, "phone", m, Math.Max(50, 700 - 12 * after), 0, 0));
                closed.Add(new ClosedCases(name, m, "PO1", m >= GoLive ? 1_500 : 1_800, 100));
                closed.Add(new ClosedCases(name, m, null, m >= GoLive ? 900 : 1_000, 60));
            }
            costs.Add(new CostLine(name, "implementation", new DateOnly(GoLive.Year, GoLive.Number, 1),
                new DateOnly(GoLive.Year, GoLive.Number, 28), 20_000m, false, null, null));
            costs.Add(new CostLine(name, "hosting", new DateOnly(GoLive.Year, GoLive.Number, 1), new DateOnly(last.Year, last.Number, 28),
                200m * months, false, null, null));
        }
        return new CouncilData(code, code, 100_000, consortium, volumes, closed, [], costs, []);
    }

    private static AssumptionSet Assumptions(int services, int? draws)
    {
        var json = new StringBuilder("{\"version\":\"bench\",\"unit_costs_gbp\":{\"web\":0.15,\"phone\":2.83}," +
            "\"officer_hourly_cost_gbp\":{\"default\":30,\"grades\":{\"PO1\":32.5}},");
        json.Append("\"adjustments\":{\"deadweight\":0.2,\"attribution\":0.9,\"optimism_bias\":0.1,\"optimism_bias_costs\":0.2}," +
            "\"appraisal_years\":5,\"benefit_drop_off\":0.1,");
        if (draws is { } n)
            json.Append(CultureInfo.InvariantCulture, $"\"monte_carlo\":{{\"draws\":{n},\"seed\":42,\"inputs\":{{").Append(
                "\"unit_costs_gbp.phone\":{\"distribution\":\"triangular\",\"low\":2.0,\"mode\":2.83,\"high\":4.0}," +
                "\"officer_hourly_cost_gbp.default\":{\"distribution\":\"uniform\",\"low\":25,\"high\":35}," +
                "\"adjustments.deadweight\":{\"distribution\":\"uniform\",\"low\":0.1,\"high\":0.3}," +
                "\"adjustments.optimism_bias_costs\":{\"distribution\":\"normal\",\"mean\":0.2,\"sd\":0.1,\"low\":0,\"high\":0.6}}},");
        json.Append("\"services\":{");
        for (var s = 0; s < services; s++)
            json.Append(s == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"\"svc-{s}\":{{\"go_live\":\"{GoLive}\"}}");
        json.Append("}}");
        return AssumptionSet.Parse(json.ToString());
    }
}
