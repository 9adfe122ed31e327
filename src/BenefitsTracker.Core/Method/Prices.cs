using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// Uprating a cost given in the prices of its price year to the prices of the month it values (METHOD.md v2, Real
/// prices): u × D(fy(m)) / D(py), D being the GDP deflator of a financial year. A cost without a price year is in the
/// prices of the months it values and is not changed; nor is any cost when no deflator series was supplied (the
/// engine then says so in the report's notes).
/// </summary>
public static class Prices
{
    /// <summary>
    /// D(fy(<paramref name="month"/>)) ÷ D(price year of <paramref name="key"/>); 1 where the key has no price year, the
    /// month is in that year, or <paramref name="deflators"/> is null.
    /// </summary>
    /// <param name="priceYears">Price years by input key (<c>unit_costs_gbp.phone</c>).</param>
    /// <param name="deflators">The GDP deflator series; null: none supplied.</param>
    /// <param name="key">The input key of the cost.</param>
    /// <param name="month">The month the cost values.</param>
    /// <exception cref="MethodException">The series has no figure for the price year or for the month's financial year;
    /// the message names the key, both years and the release.</exception>
    public static decimal Factor(IReadOnlyDictionary<string, FinancialYear> priceYears, DeflatorSeries? deflators, string key, Month month)
    {
        if (deflators is null || !priceYears.TryGetValue(key, out var priceYear)) return 1m;
        var year = FinancialYear.Of(month);
        if (year == priceYear) return 1m;
        var from = deflators.Of(priceYear) ?? throw Missing(deflators, key, priceYear, priceYear, null);
        var to = deflators.Of(year) ?? throw Missing(deflators, key, priceYear, year, month);
        return to / from;
    }

    /// <summary>Whether any cost in <paramref name="priceYears"/> is uprated: it has a price year and a series is supplied.</summary>
    public static bool Uprates(IReadOnlyDictionary<string, FinancialYear> priceYears, DeflatorSeries? deflators) =>
        deflators is not null && priceYears.Count > 0;

    /// <summary>The series lacks <paramref name="year"/>: the price year itself, or (with <paramref name="month"/>) the month's year.</summary>
    private static MethodException Missing(DeflatorSeries deflators, string key, FinancialYear priceYear, FinancialYear year, Month? month)
    {
        var what = month is { } m ? $"value the month {m} (in {year})" : "uprate it at all";
        var english = $"{key} is in {priceYear} prices: to {what} it needs the GDP deflator for {year}, which the series ({deflators.Release}) " +
            "does not have. Give a series that covers it (benefits report --deflators FILE), or write the cost without a price_year.";
        (string, object)[] args = [("key", key), ("price_year", priceYear.ToString()), ("year", year.ToString()),
            ("series", Phrase.Text(deflators.Release))];
        return new MethodException(month is { } at
            ? Phrase.Of("cannot.no_deflator_for_month", english, [.. args, ("month", at)])
            : Phrase.Of("cannot.no_deflator", english, args), key);
    }
}
