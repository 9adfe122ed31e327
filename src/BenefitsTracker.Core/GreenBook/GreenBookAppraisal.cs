using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.GreenBook;

/// <summary>
/// The Green Book appraisal of a computed result (METHOD.md v2): cash view, horizon, real terms,
/// switching values, tornado, scenarios and Monte Carlo, all from the result's months and working.
/// </summary>
public static class GreenBookAppraisal
{
    /// <summary>The appraisal of <paramref name="result"/> under <paramref name="assumptions"/> (and its deflator series, if any).</summary>
    public static AppraisalFigures Compute(SavingsResult result, AssumptionSet assumptions)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(assumptions);
        var settings = assumptions.Appraisal;
        var timeline = new Timeline(result.Request.From, result.Months.Count, settings.AppraisalYears, result.Assumptions.DiscountRate,
            settings.BenefitDropOff);
        var horizon = HorizonProjection.Project(result, assumptions, timeline, settings.AppraisalYears, settings.BenefitDropOff);
        var npv = horizon?.Npv ?? result.Totals.Npv;
        var basis = AppraisalBasis.Build(result, assumptions, timeline);
        var (tornado, scenarios) = Sensitivity.Run(basis, settings, npv);
        var (real, realWithheld) = RealTerms.Compute(result, settings, assumptions.Deflators, horizon);
        return new AppraisalFigures
        {
            Cash = CashViewCalculation.Of(result),
            OptimismBiasCosts = assumptions.OptimismBiasCostsFor(result.Scope.Kind == ScopeKind.Council ? result.Scope.Id : null),
            Horizon = horizon,
            Npv = npv,
            Real = real,
            RealWithheld = realWithheld?.English,
            RealWithheldReason = realWithheld,
            SwitchingValues = SwitchingValues.Solve(basis),
            Tornado = tornado,
            Scenarios = scenarios,
            MonteCarlo = settings.MonteCarlo is { } mc ? MonteCarlo.Run(basis, mc) : null,
        };
    }
}
