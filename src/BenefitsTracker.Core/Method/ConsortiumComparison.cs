using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// METHOD.md, Consortia: members side by side on their money (costs, net benefit, ROI) and normalised
/// figures (adjusted benefit and cost per 1,000 residents, benefit and cost per transaction, digital take-up),
/// each beside the consortium median; the assumptions that differ between them; where the populations come
/// from. A member
/// withheld by <see cref="DisclosureRules.Members"/> (a small count, or hidden beside one) shows no
/// count and no derived figure, and is left out of the medians.
/// </summary>
public static class ConsortiumComparisons
{
    /// <summary>
    /// Each member of <paramref name="consortium"/> beside the medians, from <paramref name="members"/>' own results;
    /// <paramref name="consortiumAssumptions"/> give the suppression threshold and <paramref name="request"/> the period.
    /// </summary>
    public static ConsortiumComparison Compare(
        ConsortiumData consortium, IReadOnlyList<SavingsResult> members, ResolvedAssumptions consortiumAssumptions, ReportRequest request)
    {
        var rule = consortiumAssumptions.Apportionment ?? Apportionment.Equal;
        var threshold = consortiumAssumptions.SuppressionThreshold;
        var rows = new List<MemberComparison>(members.Count);
        // The consortium's totals are shown, so the withheld members are chosen so that none can be found by subtraction.
        var hidden = DisclosureRules.Members(members, threshold);
        foreach (var result in members)
        {
            var data = consortium.Members.First(m => m.Code == result.Scope.Id);
            var share = CouncilCosts.ShareOf(data.Code, consortium, rule, request);
            if (hidden.ContainsKey(data.Code))
            {
                rows.Add(new MemberComparison(data.Code, data.Name, data.Population, null, true, null, null, null, null, share));
                continue;
            }
            var t = result.Totals;
            rows.Add(new MemberComparison(
                data.Code, data.Name, data.Population, t.Transactions, false, t.AdjustedBenefit,
                Per1000Residents(t.AdjustedBenefit, data.Population), t.DigitalTakeUp, t.CostPerTransaction, share,
                t.Costs, t.NetBenefit, t.Roi, PerTransaction(t.AdjustedBenefit, t.Transactions), Per1000Residents(t.Costs, data.Population)));
        }

        var shown = rows.Where(r => !r.Suppressed).ToList();
        var medians = new ComparisonMedians(
            Median(shown.Select(r => r.AdjustedBenefitPer1000Residents)),
            Median(shown.Select(r => r.DigitalTakeUp)),
            Median(shown.Select(r => r.CostPerTransaction)),
            Median(shown.Select(r => r.Costs)),
            Median(shown.Select(r => r.NetBenefit)),
            Median(shown.Select(r => r.Roi)),
            Median(shown.Select(r => r.BenefitPerTransaction)),
            Median(shown.Select(r => r.CostPer1000Residents)),
            Median(shown.Select(r => r.AdjustedBenefit)));
        return new ConsortiumComparison(rule, threshold, rows, medians, consortiumAssumptions.PopulationSource,
            AssumptionDifferences.Between(members));
    }

    /// <summary>Adjusted benefit / transactions; null without transactions.</summary>
    public static decimal? PerTransaction(decimal adjustedBenefit, long transactions) =>
        transactions > 0 ? adjustedBenefit / transactions : null;

    /// <summary>A money figure × 1,000 / population; null without a population.</summary>
    public static decimal? Per1000Residents(decimal money, long? population) =>
        population is > 0 ? money * 1000m / population.Value : null;

    /// <summary>The middle value (the mean of the two middle values for an even count), ignoring nulls; null when none.</summary>
    public static decimal? Median(IEnumerable<decimal?> values)
    {
        var sorted = values.Where(v => v.HasValue).Select(v => v!.Value).Order().ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }
}
