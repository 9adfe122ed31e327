using System.Text.Json;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BenefitsTracker.Core.Tests.Properties;

/// <summary>Properties that hold for any valid council (ARCHITECTURE.md: tests read as specifications).</summary>
public sealed class EngineProperties
{
    /// <summary>Decimal sums taken in a different order may differ in the 20th-odd place; no figure shown ever sees it.</summary>
    private const decimal Rounding = 0.000000000000000001m;

    private static SavingsResult Compute(Scenario s) =>
        SavingsEngine.ComputeCouncil(s.Council, null, s.Assumptions, s.Request, CouncilBuilder.NoLineage());

    [Property(MaxTest = 60)]
    public Property Months_add_up_to_totals() => Prop.ForAll(Scenario.Arbitrary(), s =>
    {
        var r = Compute(s);
        Assert.Equal(s.Request.MonthCount, r.Months.Count);
        Assert.Equal(r.Months.Sum(m => m.Transactions), r.Totals.Transactions);
        Assert.Equal(r.Months.Sum(m => m.GrossBenefit), r.Totals.GrossBenefit);
        Assert.Equal(r.Months.Sum(m => m.AdjustedBenefit), r.Totals.AdjustedBenefit);
        Assert.Equal(r.Months.Sum(m => m.Cashable), r.Totals.Cashable);
        Assert.Equal(r.Months.Sum(m => m.NonCashable), r.Totals.NonCashable);
        Assert.Equal(r.Months.Sum(m => m.Costs), r.Totals.Costs);
        Assert.Equal(r.Months.Sum(m => m.OfficerHoursReleased), r.Totals.OfficerHoursReleased);
        Assert.Equal(r.Months.Sum(m => m.ClosedCases), r.Totals.ClosedCases);
        Assert.Equal(r.Months.Sum(m => m.OpenCases), r.Totals.OpenCases);
        foreach (var line in r.Lines)
        {
            Assert.Equal(r.Months.Sum(m => m.GrossByLine[line.Line]), line.Gross);
            Assert.Equal(r.Months.Sum(m => m.AdjustedByLine[line.Line]), line.Adjusted);
        }
        foreach (var m in r.Months)
        {
            Assert.Equal(m.Transactions, m.ByChannel.Values.Sum());
            Assert.Equal(m.GrossBenefit, BenefitLines.All.Sum(l => m.GrossByLine[l]), 18);
        }
        Assert.Equal(r.Totals.AdjustedBenefit - r.Totals.Costs, r.Totals.NetBenefit);
        Assert.Equal(r.Totals.NetBenefit, r.Months[^1].CumulativeNet, 18);
    });

    [Property(MaxTest = 60)]
    public Property Services_add_up_to_the_council() => Prop.ForAll(Scenario.Arbitrary(), s =>
    {
        var r = Compute(s);
        for (var i = 0; i < r.Months.Count; i++)
            foreach (var line in BenefitLines.All)
                Assert.Equal(r.Services.Sum(w => w.Months[i].AdjustedByLine[line]), r.Months[i].AdjustedByLine[line]);
    });

    [Property(MaxTest = 60)]
    public Property Cashable_and_non_cashable_make_the_adjusted_benefit() => Prop.ForAll(Scenario.Arbitrary(), s =>
    {
        var r = Compute(s);
        Assert.InRange(r.Totals.Cashable + r.Totals.NonCashable - r.Totals.AdjustedBenefit, -Rounding, Rounding);
        foreach (var m in r.Months)
            Assert.InRange(m.Cashable + m.NonCashable - m.AdjustedBenefit, -Rounding, Rounding);
    });

    [Property(MaxTest = 60)]
    public Property Adjusted_never_exceeds_gross_when_gross_is_not_negative() => Prop.ForAll(Scenario.Arbitrary(), s =>
    {
        var r = Compute(s);
        foreach (var service in r.Services)
            foreach (var line in BenefitLines.All)
            {
                foreach (var m in service.Months)
                    if (m.GrossByLine[line] >= 0m) Assert.True(m.AdjustedByLine[line] <= m.GrossByLine[line]);
                var gross = service.Months.Sum(m => m.GrossByLine[line]);
                var adjusted = service.Months.Sum(m => m.AdjustedByLine[line]);
                if (gross >= 0m) Assert.True(adjusted <= gross + Rounding, $"{service.Service} {line}: {adjusted} > {gross}");
            }
    });

    [Property(MaxTest = 30)]
    public Property Same_inputs_give_identical_results_including_the_interval() => Prop.ForAll(Scenario.Arbitrary(), s =>
    {
        var again = s with { Council = s.Council with { } };
        Assert.Equal(JsonSerializer.Serialize(Compute(s)), JsonSerializer.Serialize(Compute(again)));
    });

    [Property(MaxTest = 30)]
    public Property Input_order_does_not_change_the_figures() => Prop.ForAll(Scenario.Arbitrary(), s =>
    {
        var c = s.Council;
        var reversed = s with
        {
            Council = c with
            {
                Volumes = [.. c.Volumes.Reverse()],
                ClosedCases = [.. c.ClosedCases.Reverse()],
                OpenCases = [.. c.OpenCases.Reverse()],
                CostLines = [.. c.CostLines.Reverse()],
                Contacts = [.. c.Contacts.Reverse()],
            },
        };
        var a = Compute(s);
        var b = Compute(reversed);
        Assert.Equal(a.Lines.Select(l => l.Ci95), b.Lines.Select(l => l.Ci95));
        Assert.InRange(a.Totals.AdjustedBenefit - b.Totals.AdjustedBenefit, -Rounding, Rounding);
        Assert.InRange(a.Totals.Costs - b.Totals.Costs, -Rounding, Rounding);
        Assert.Equal(a.Totals.Transactions, b.Totals.Transactions);
    });

    [Property(MaxTest = 40)]
    public Property Apportioned_shares_sum_to_the_shared_cost() => Prop.ForAll(
        Gen.Choose(1, 2_000_000).ArrayOf(5).Zip(Gen.Elements("equal", "population", "usage")).Zip(Gen.Choose(1, 10_000_000)).ToArbitrary(),
        input =>
        {
            var ((populations, rule), pence) = input;
            var members = populations.Select((p, i) => new CouncilBuilder($"W0600002{i}", $"M{i}", p, "c")
                .VolumeEachMonth("bins", "phone", "2023-01", "2023-12", 10)
                .VolumeEachMonth("bins", "web", "2024-01", "2024-06", 1 + p % 97).Build()).ToList();
            var amount = pence / 100m;
            var consortium = new ConsortiumData("c", null, members, [CouncilBuilder.Line(null, "licence", "2024-01", "2024-06", amount)]);
            var assumptions = Core.Assumptions.AssumptionSet.Parse($$"""
                { "version": "p", "consortia": { "c": { "apportionment": "{{rule}}" } }, "services": { "bins": { "go_live": "2024-01" } } }
                """);
            var r = SavingsEngine.ComputeConsortium(consortium, assumptions, new ReportRequest(new Month(2024, 1), new Month(2024, 6)),
                CouncilBuilder.NoLineage());
            Assert.InRange(r.Members.Sum(m => m.Totals.Costs) - amount, -Rounding, Rounding);
            Assert.Equal(amount, Math.Round(r.Totals.Costs, 2, MidpointRounding.AwayFromZero));
        });
}
