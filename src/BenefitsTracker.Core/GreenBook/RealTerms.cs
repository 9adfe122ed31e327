using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.GreenBook;

/// <summary>
/// METHOD.md v2, Real prices: each observed month's flows divided by its price index D(fy(m)) ÷ D(base), summed,
/// and the NPV of the real flows. Projected months are projected from the last observed months' figures, so they
/// stay in those months' prices: they are divided by the last observed month's index. Where the series has no
/// figure for a year needed, no real terms are stated and the reason is given instead.
/// </summary>
internal static class RealTerms
{
    public static (RealFigures? Figures, Phrase? Withheld) Compute(SavingsResult result, AppraisalSettings settings,
        DeflatorSeries? series, HorizonFigures? horizon)
    {
        if (series is null) return (null, Phrase.Of("real.no_series", "no GDP deflator series was given"));
        if (result.Months.Count == 0) return (null, Phrase.Of("real.no_months", "the period has no months"));
        var priceBase = settings.PriceBase ?? FinancialYear.Of(result.Request.To);
        var missing = result.Months.Select(m => FinancialYear.Of(m.Month)).Append(priceBase).Distinct()
            .Where(y => series.Of(y) is null).Order().ToList();
        if (missing.Count > 0)
            return (null,
                Phrase.Of("real.years_missing", $"the GDP deflator series ({series.Release}) has no figure for {string.Join(", ", missing)}; " +
                $"give a series that covers them with --deflators FILE", ("series", series.Release), ("years", string.Join(", ", missing))));

        var baseDeflator = series.Of(priceBase)!.Value;
        var months = new List<RealMonth>(result.Months.Count);
        decimal adjusted = 0m, costs = 0m, npv = 0m;
        foreach (var m in result.Months)
        {
            var year = FinancialYear.Of(m.Month);
            var index = series.Of(year)!.Value / baseDeflator;
            months.Add(new RealMonth(m.Month, year.ToString(), index));
            adjusted += m.AdjustedBenefit / index;
            costs += m.Costs / index;
            npv += (m.AdjustedBenefit - m.Costs) / index * m.DiscountFactor;
        }
        if (horizon is not null)
        {
            var last = months[^1].Index;
            foreach (var p in horizon.ProjectedMonths) npv += p.Net * p.DiscountFactor / last;
        }
        return (new RealFigures(priceBase.ToString(), series.Release, adjusted, costs, adjusted - costs, npv, months)
        {
            Series = [.. series.Years.Select(y => new DeflatorYear(y.ToString(), series.Of(y)!.Value))],
        }, null);
    }
}
