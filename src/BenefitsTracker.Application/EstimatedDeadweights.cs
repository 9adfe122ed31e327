using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Application;

/// <summary>
/// <c>"deadweight": "estimated"</c> (docs/assumptions.md): hands the counterfactual estimates to the
/// assumptions before the engine runs, so that Core stays free of the estimator. Per council and
/// service, the comparison with peers is used where it gave an estimate (a trend or step every council
/// shares is not credited to the service), else the council's own time series; where both refused,
/// the assumed number stands and the report says why.
/// </summary>
public static class EstimatedDeadweights
{
    /// <summary><paramref name="assumptions"/> with the estimates supplied, or as it is when nothing asks for them.</summary>
    public static AssumptionSet Apply(AssumptionSet assumptions, IReadOnlyList<CounterfactualEstimate> estimates)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(estimates);
        if (!assumptions.EstimatesDeadweight) return assumptions;
        return assumptions.WithDeadweightEstimates(Choose(estimates));
    }

    /// <summary>The estimate to use for each council and service, with where it came from in words.</summary>
    public static IReadOnlyDictionary<(string Council, string Service), DeadweightEstimate> Choose(IReadOnlyList<CounterfactualEstimate> estimates)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        var chosen = new Dictionary<(string Council, string Service), DeadweightEstimate>();
        foreach (var group in estimates.GroupBy(e => (e.Council, e.Service)))
        {
            var use = CounterfactualEstimate.Preferred(group);
            // The words (and their phrase, for a report in another language) are Core's: DeadweightEstimate.
            chosen[group.Key] = use is null ? DeadweightEstimate.Refused(group) : DeadweightEstimate.From(use);
        }
        return chosen;
    }
}
