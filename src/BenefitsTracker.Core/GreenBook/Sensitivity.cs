using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.GreenBook;

/// <summary>
/// The tornado and the scenarios (issue 12, section 4): each input at the low and high of its range
/// (from the assumptions' <c>ranges</c>, else ±20% of the assumed value, kept within its valid range).
/// Low scenario: every input at the end that lowers NPV; high: every input at the end that raises it.
/// </summary>
internal static class Sensitivity
{
    public const decimal DefaultSpread = 0.2m;

    public static (decimal Low, decimal High) RangeOf(AppraisalInput input, AppraisalSettings settings) =>
        settings.Ranges.TryGetValue(input.Key, out var range) ? (range.Low, range.High)
            : (input.Clamp(input.Assumed * (1m - DefaultSpread)), input.Clamp(input.Assumed * (1m + DefaultSpread)));

    public static (IReadOnlyList<TornadoBar> Tornado, ScenarioFigures Scenarios) Run(AppraisalBasis basis, AppraisalSettings settings,
        decimal centralNpv)
    {
        var n = basis.Inputs.Count;
        var bars = new List<TornadoBar>(n);
        var lowScenario = new decimal[n];
        var highScenario = new decimal[n];
        var delta = new decimal[n];
        for (var i = 0; i < n; i++)
        {
            var input = basis.Inputs[i];
            var (low, high) = RangeOf(input, settings);
            delta[i] = low - input.Assumed;
            var atLow = basis.Evaluate(delta, AppraisalBasis.Npv);
            delta[i] = high - input.Assumed;
            var atHigh = basis.Evaluate(delta, AppraisalBasis.Npv);
            delta[i] = 0m;
            bars.Add(new TornadoBar(input.Key, input.Label, low, high, atLow, atHigh));
            lowScenario[i] = (atLow <= atHigh ? low : high) - input.Assumed;
            highScenario[i] = (atLow <= atHigh ? high : low) - input.Assumed;
        }
        var tornado = bars.OrderByDescending(b => b.Swing).ThenBy(b => b.Input, StringComparer.Ordinal).ToList();
        var scenarios = new ScenarioFigures(
            basis.Evaluate(lowScenario, AppraisalBasis.Npv), centralNpv, basis.Evaluate(highScenario, AppraisalBasis.Npv));
        return (tornado, scenarios);
    }
}
