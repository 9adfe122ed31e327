using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.GreenBook;

/// <summary>
/// METHOD.md v2, Switching value: NPV is linear in each input alone, NPV(δ) = NPV₀ + slope × δ, so the
/// value at which it is zero is solved exactly: assumed − NPV₀ ÷ slope. None when the slope is zero or
/// the value falls outside the input's valid range.
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
            if (slope != 0m)
            {
                var candidate = input.Assumed - central / slope;
                if (input.InRange(candidate)) value = candidate;
            }
            decimal? change = value is { } v && input.Assumed != 0m ? (v - input.Assumed) / input.Assumed * 100m : null;
            result.Add(new SwitchingValue(input.Key, input.Label, input.Assumed, value, change, slope));
        }
        return result;
    }
}
