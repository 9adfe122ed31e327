namespace BenefitsTracker.Core.Model;

/// <summary>
/// The Green Book appraisal of a result (METHOD.md v2): the cash view, the horizon, real terms,
/// switching values, the tornado, the scenarios and the Monte Carlo range. Every output draws these
/// figures from here; none is computed again by a writer.
/// </summary>
public sealed record AppraisalFigures
{
    /// <summary>Cashable net benefit, ROI and payback, beside the full figures.</summary>
    public required CashView Cash { get; init; }

    /// <summary>The uplift applied to the costs, (1 + this), for the council (or the top level, for a consortium).</summary>
    public decimal OptimismBiasCosts { get; init; }

    /// <summary>The months after the data to the end of the appraisal horizon; null without <c>appraisal_years</c>.</summary>
    public HorizonFigures? Horizon { get; init; }

    /// <summary>
    /// The appraisal's headline NPV (nominal): over the horizon where one is set, else over the period
    /// (then equal to <see cref="Totals.Npv"/>). Switching values, the tornado and the scenarios are about this figure.
    /// </summary>
    public required decimal Npv { get; init; }

    /// <summary>Every total restated in the prices of one base year; null when no deflator series covers the period.</summary>
    public RealFigures? Real { get; init; }

    /// <summary>
    /// Why <see cref="Real"/> is null (no series given, or a year it does not cover), in words for the reports; null
    /// when it is not.
    /// </summary>
    public string? RealWithheld { get; init; }

    /// <summary><see cref="RealWithheld"/> as a <see cref="Phrase"/> (its English is the same), for a report in another language.</summary>
    public Phrase? RealWithheldReason { get; init; }

    /// <summary>For each key input, the value at which <see cref="Npv"/> is zero, all else held.</summary>
    public required IReadOnlyList<SwitchingValue> SwitchingValues { get; init; }

    /// <summary>NPV with each input at its low and its high, largest swing first.</summary>
    public required IReadOnlyList<TornadoBar> Tornado { get; init; }

    /// <summary>NPV with every input at its low, at its assumed value and at its high.</summary>
    public required ScenarioFigures Scenarios { get; init; }

    /// <summary>The simulated range; null when the assumptions give no distributions.</summary>
    public MonteCarloFigures? MonteCarlo { get; init; }
}
