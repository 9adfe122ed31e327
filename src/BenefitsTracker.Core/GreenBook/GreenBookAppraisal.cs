using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.GreenBook;

/// <summary>
/// The Green Book appraisal of a computed result (METHOD.md v2): cash view, horizon, real terms,
/// switching values, tornado, scenarios and Monte Carlo, all from the result's months and working.
/// </summary>
public static class GreenBookAppraisal
{
    public static AppraisalFigures Compute(SavingsResult result, AssumptionSet assumptions)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(assumptions);
        var settings = assumptions.Appraisal;
        var timeline = new Timeline(result.Request.From, result.Months.Count, settings.AppraisalYears, result.Assumptions.DiscountRate, settings.BenefitDropOff);
        var horizon = HorizonProjection.Project(result, assumptions, timeline, settings.AppraisalYears, settings.BenefitDropOff);
        var npv = horizon?.Npv ?? result.Totals.Npv;
        var basis = AppraisalBasis.Build(result, assumptions, timeline);
        var (tornado, scenarios) = Sensitivity.Run(basis, settings, npv);
        return new AppraisalFigures
        {
            Cash = CashViewCalculation.Of(result),
            OptimismBiasCosts = assumptions.OptimismBiasCostsFor(result.Scope.Kind == ScopeKind.Council ? result.Scope.Id : null),
            Horizon = horizon,
            Npv = npv,
            SwitchingValues = SwitchingValues.Solve(basis),
            Tornado = tornado,
            Scenarios = scenarios,
            MonteCarlo = settings.MonteCarlo is { } mc ? MonteCarlo.Run(basis, mc) : null,
        };
    }
}
