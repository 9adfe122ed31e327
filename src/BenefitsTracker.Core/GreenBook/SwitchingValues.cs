using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.GreenBook;

/// <summary>
/// METHOD.md v2, Switching value: NPV is linear in each input alone, NPV(δ) = NPV₀ + slope × δ, so the
/// value at which it is zero is solved exactly: assumed − NPV₀ ÷ slope. None when the slope is zero or
/// the value falls outside the input's valid range, or beyond ±10²⁶ (below).
/// </summary>
internal static class SwitchingValues
{
    public static IReadOnlyList<SwitchingValue> Solve(AppraisalBasis basis)
    {
        var central = basis.Evaluate(new decimal[basis.Inputs.Count], AppraisalBasis.Npv);
        var result = new List<SwitchingValue>(basis.Inputs.Count);
        for (var i = 0; i < basis.Inputs.Count; i++)
        {
            var input = basis.Inputs[i];
            var slope = basis.Slope(i, AppraisalBasis.Npv);
            decimal? value = null;
            if (Quotient(central, slope) is { } move)
            {
                var candidate = input.Assumed - move;
                if (input.InRange(candidate)) value = candidate;
            }
            decimal? change = value is { } v ? Quotient(v - input.Assumed, input.Assumed) * 100m : null;
            result.Add(new SwitchingValue(input.Key, input.Label, input.Assumed, value, change, slope));
        }
        return result;
    }

    /// <summary>
    /// Far past every input's valid range (the widest, a unit or hourly cost, ends at £1,000,000), and a hundred
    /// times it still within decimal's ±7.9 × 10²⁸ (the change as a percentage).
    /// </summary>
    private const decimal Largest = 1e26m;

    /// <summary>
    /// n ÷ d, or none when d is zero or the quotient is beyond ±10²⁶. A slope that is only rounding's residue
    /// (a deadweight's slope of 5.7 × 10⁻²⁷ where a service's gross benefits cancel, against an NPV of −£903.43,
    /// found by EngineProperties) would put the input 1.6 × 10²⁹ away, which decimal cannot hold: no switching
    /// value, as the workbook's formula says ("none in range") for the same figures.
    /// </summary>
    internal static decimal? Quotient(decimal n, decimal d) =>
        d == 0m || Math.Abs(n) / Largest > Math.Abs(d) ? null : n / d;
}
