using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// u(ch), looked up strictly: METHOD.md says a channel present in the data without a unit cost is a
/// clear error that names the channel, never a silent zero.
/// </summary>
public static class UnitCosts
{
    /// <summary>u(<paramref name="channel"/>) from <paramref name="assumptions"/>.</summary>
    /// <exception cref="MethodException">The assumptions give no unit cost for the channel; the message names it, the
    /// council and the service.</exception>
    public static decimal Of(ServiceAssumptions assumptions, string channel, string council, string service)
    {
        if (assumptions.UnitCosts.TryGetValue(channel, out var cost)) return cost;
        throw new MethodException(Phrase.Of("cannot.no_unit_cost",
            $"Council {council}, service '{service}': the data has '{channel}' transactions but the assumptions give no unit cost for '{channel}'. " +
            $"Add unit_costs_gbp.{channel} (pounds per transaction) to the assumptions file.",
            ("council", council), ("service", service), ("channel", channel)),
            $"unit_costs_gbp.{channel}");
    }

    /// <summary>
    /// u(<paramref name="channel"/>) in the prices of <paramref name="month"/>: the cost as given, uprated from its price
    /// year where it has one (METHOD.md v2, Real prices).
    /// </summary>
    /// <exception cref="MethodException">No unit cost for the channel, or no deflator for a year the uprating needs.</exception>
    public static decimal Of(ServiceAssumptions assumptions, string channel, string council, string service, Month month) =>
        Of(assumptions, channel, council, service) * Prices.Factor(assumptions.PriceYears, assumptions.Deflators, InputKeys.UnitCost(channel), month);
}
