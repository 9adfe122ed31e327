using System.Globalization;
using System.Text.Json.Nodes;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Core.Tests.Properties;
using BenefitsTracker.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BenefitsTracker.Core.Tests.GreenBook;

/// <summary>Properties of the Green Book appraisal over random valid councils (issue 12, Tests).</summary>
public sealed class AppraisalProperties
{
    private static SavingsResult Compute(CouncilData council, string json, ReportRequest request) =>
        SavingsEngine.ComputeCouncil(council, null, AssumptionSet.Parse(json), request, CouncilBuilder.NoLineage());

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes a switching value into the scenario as the appraisal defines the move: a top-level cost or
    /// uplift set to the value; each service's adjustment moved by the same amount; digital cost lines scaled.
    /// Null when the moved file would be refused (a service's rate pushed outside 0..1).
    /// </summary>
    private static (CouncilData Council, string Json)? Substitute(Scenario s, SwitchingValue sv)
    {
        var root = JsonNode.Parse(s.AssumptionsJson)!.AsObject();
        var council = s.Council;
        var delta = sv.Value!.Value - sv.Assumed;
        switch (sv.Input)
        {
            case var k when k.StartsWith(InputKeys.UnitCostPrefix, StringComparison.Ordinal):
                var costs = root["unit_costs_gbp"]?.AsObject() ?? [];
                root["unit_costs_gbp"] = costs;
                costs[k[InputKeys.UnitCostPrefix.Length..]] = sv.Value;
                break;
            case InputKeys.HourlyDefault:
                root["officer_hourly_cost_gbp"]!["default"] = sv.Value;
                break;
            case var k when k.StartsWith(InputKeys.HourlyGradePrefix, StringComparison.Ordinal):
                root["officer_hourly_cost_gbp"]!["grades"]![k[InputKeys.HourlyGradePrefix.Length..]] = sv.Value;
                break;
            case InputKeys.OptimismBiasCosts:
                root["adjustments"] = new JsonObject { ["optimism_bias_costs"] = sv.Value };
                break;
            case InputKeys.TotalCosts:
                council = council with
                {
                    CostLines = [
                        .. council.CostLines.Select(l => CostCategories.IsBaseline(l.Category) ? l : l with { Amount = l.Amount * sv.Value!.Value })],
                };
                break;
            default:
                var name = sv.Input[(sv.Input.IndexOf('.', StringComparison.Ordinal) + 1)..];
                foreach (var (_, service) in root["services"]!.AsObject())
                {
                    var adjustments = service!["adjustments"]!.AsObject();
                    var moved = adjustments[name]!.GetValue<decimal>() + delta;
                    if (moved is < 0m or > 1m) return null;
                    adjustments[name] = moved;
                }
                break;
        }
        return (council, root.ToJsonString());
    }

    [Property(MaxTest = 40)]
    public Property Switching_values_put_npv_at_zero_when_substituted() => Prop.ForAll(Scenario.Arbitrary(), s =>
    {
        var result = Compute(s.Council, s.AssumptionsJson, s.Request);
        foreach (var sv in result.Appraisal!.SwitchingValues.Where(v => v.Value is not null))
        {
            if (Substitute(s, sv) is not var (council, json)) continue;
            var moved = Compute(council, json, s.Request);
            Assert.True(Math.Abs(moved.Totals.Npv) <= 0.01m, $"{sv.Input} = {sv.Value} leaves NPV at {moved.Totals.Npv}");
        }
    });

    [Property(MaxTest = 40)]
    public Property New_keys_at_neutral_values_change_no_figure() => Prop.ForAll(Scenario.Arbitrary(), s =>
    {
        var plain = Compute(s.Council, s.AssumptionsJson, s.Request);
        var root = JsonNode.Parse(s.AssumptionsJson)!.AsObject();
        root["adjustments"] = new JsonObject { ["optimism_bias_costs"] = 0 };
        root["benefit_drop_off"] = 0.25m;
        root["ranges"] = new JsonObject { ["adjustments.deadweight"] = new JsonObject { ["low"] = 0, ["high"] = 0.5m } };
        var neutral = Compute(s.Council, root.ToJsonString(), s.Request);
        Assert.Equal(plain.Totals, neutral.Totals);
        Assert.Equal(plain.Months.Select(m => (m.AdjustedBenefit, m.Costs, m.CumulativeNet)),
            neutral.Months.Select(m => (m.AdjustedBenefit, m.Costs, m.CumulativeNet)));
        Assert.Equal(plain.Lines, neutral.Lines);
        Assert.Null(neutral.Appraisal!.Horizon);
        Assert.Null(neutral.Appraisal.MonteCarlo);
        Assert.Equal(plain.Totals.Npv, neutral.Appraisal.Npv);
    });

    [Property(MaxTest = 25)]
    public Property Zero_width_monte_carlo_gives_the_central_figure_at_every_percentile() => Prop.ForAll(Scenario.Arbitrary(), s =>
    {
        var plain = Compute(s.Council, s.AssumptionsJson, s.Request);
        var inputs = new JsonObject();
        foreach (var sv in plain.Appraisal!.SwitchingValues)
            inputs[sv.Input] = new JsonObject { ["distribution"] = "triangular", ["low"] = sv.Assumed, ["mode"] = sv.Assumed, ["high"] = sv.Assumed };
        var root = JsonNode.Parse(s.AssumptionsJson)!.AsObject();
        root["monte_carlo"] = new JsonObject { ["draws"] = 200, ["seed"] = 7, ["inputs"] = inputs };
        var mc = Compute(s.Council, root.ToJsonString(), s.Request).Appraisal!.MonteCarlo!;
        var npv = GreenBookFixture.Pence(plain.Totals.Npv);
        var net = GreenBookFixture.Pence(plain.Totals.NetBenefit);
        Assert.Equal((npv, npv, npv), (GreenBookFixture.Pence(mc.P10Npv), GreenBookFixture.Pence(mc.P50Npv), GreenBookFixture.Pence(mc.P90Npv)));
        Assert.Equal((net, net, net), (GreenBookFixture.Pence(mc.P10Net), GreenBookFixture.Pence(mc.P50Net), GreenBookFixture.Pence(mc.P90Net)));
    });

    [Fact]
    public void Same_seed_gives_the_same_percentiles_and_another_seed_other_draws()
    {
        var json = File.ReadAllText(GreenBookFixture.Path("monte-carlo"));
        var first = GreenBookFixture.Compute(AssumptionSet.Parse(json)).Appraisal!.MonteCarlo!;
        var again = GreenBookFixture.Compute(AssumptionSet.Parse(json)).Appraisal!.MonteCarlo!;
        var other = GreenBookFixture.Compute(AssumptionSet.Parse(json.Replace("\"seed\": 42", "\"seed\": 43", StringComparison.Ordinal)))
            .Appraisal!.MonteCarlo!;
        Assert.Equal((first.P10Npv, first.P50Npv, first.P90Npv, first.P10Net, first.P50Net, first.P90Net, first.ProbabilityNpvPositive),
            (again.P10Npv, again.P50Npv, again.P90Npv, again.P10Net, again.P50Net, again.P90Net, again.ProbabilityNpvPositive));
        Assert.Equal(first.Histogram, again.Histogram);
        Assert.NotEqual(first.P50Npv, other.P50Npv);
        Assert.Equal(10_000, first.Draws);
        Assert.True(first.P10Npv < first.P50Npv && first.P50Npv < first.P90Npv);
        Assert.InRange(first.ProbabilityNpvPositive, 0m, 1m);
        Assert.Equal(10_000, first.Histogram.Sum(b => b.Count));
    }
}
