namespace BenefitsTracker.Core.Model;

/// <summary>
/// The appraisal horizon (METHOD.md v2, Horizon): its length, the yearly drop-off of projected benefit,
/// the NPV over observed and projected months together, and the projected months themselves (kept apart
/// from the observed ones in every output).
/// </summary>
public sealed record HorizonFigures(int Years, decimal BenefitDropOff, decimal Npv, IReadOnlyList<ProjectedMonth> ProjectedMonths)
{
    /// <summary>Adjusted benefit over the projected months (nominal, undiscounted).</summary>
    public decimal AdjustedBenefit => ProjectedMonths.Sum(m => m.AdjustedBenefit);
    /// <summary>Costs over the projected months (nominal, undiscounted).</summary>
    public decimal Costs => ProjectedMonths.Sum(m => m.Costs);
}
