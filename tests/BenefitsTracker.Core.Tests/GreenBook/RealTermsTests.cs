using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using static BenefitsTracker.Core.Tests.GreenBook.GreenBookFixture;

namespace BenefitsTracker.Core.Tests.GreenBook;

/// <summary>
/// Real terms (METHOD.md v2, Real prices) worked by hand in tests/fixtures/green-book/README.md, "Real terms",
/// with a made-up deflator series of round numbers; and the deflator file's reader.
/// </summary>
public sealed class RealTermsTests
{
    private static readonly Lazy<Model.SavingsResult> Real = new(() =>
        Compute(WorkedExample().WithDeflators(TestDeflators())));

    private static AssumptionSet WorkedExample() => TestSupport.WorkedExample.Load().Assumptions;

    [Fact]
    public void Real_terms_divide_each_month_by_its_years_deflator_over_the_base_years()
    {
        var real = Real.Value.Appraisal!.Real!;
        Assert.Equal("2025-26", real.PriceBase); // the financial year in which the period (to June 2025) ends
        Assert.Equal(25876.34m, Pence(real.AdjustedBenefit));
        Assert.Equal(6327.78m, Pence(real.Costs));
        Assert.Equal(19548.57m, Pence(real.NetBenefit));
        Assert.Equal(19217.55m, Pence(real.Npv));
        Assert.StartsWith("TEST SERIES", real.DeflatorSource, StringComparison.Ordinal);
        Assert.Equal(0.9m, real.Months[0].Index);
        Assert.Equal("2023-24", real.Months[0].FinancialYear);
        Assert.Equal(0.96m, real.Months.Single(m => m.Month == new Month(2024, 4)).Index);
        Assert.Equal(1m, real.Months[^1].Index);
    }

    [Fact]
    public void Nominal_figures_are_unchanged_by_a_deflator_series()
    {
        var nominal = Compute((string?)null);
        Assert.Equal(nominal.Totals, Real.Value.Totals);
        Assert.Equal(nominal.Appraisal!.Npv, Real.Value.Appraisal!.Npv);
        Assert.Null(nominal.Appraisal.Real);
        Assert.Equal("no GDP deflator series was given", nominal.Appraisal.RealWithheld);
    }

    [Fact]
    public void Price_base_restates_the_figures_in_that_years_prices()
    {
        var real = Compute(WorkedWith("\"price_base\": \"2024-25\",").WithDeflators(TestDeflators())).Appraisal!.Real!;
        Assert.Equal("2024-25", real.PriceBase);
        Assert.Equal(6074.67m, Pence(real.Costs));
    }

    [Fact]
    public void A_year_the_series_does_not_cover_withholds_real_terms_and_says_which()
    {
        var series = DeflatorSeriesReader.Parse("# release: two years only\nfinancial_year,index,source\n2023-24,90,x\n2024-25,96,x\n", "short.csv");
        var a = Compute(WorkedExample().WithDeflators(series)).Appraisal!;
        Assert.Null(a.Real);
        Assert.Contains("no figure for 2025-26", a.RealWithheld, StringComparison.Ordinal);
        Assert.Contains("two years only", a.RealWithheld, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("financial_year,index,source\n2024-25,100,x\n", "no '# release")]
    [InlineData("# release: r\n2024-25,100,x\n", "line 2: expected the header")]
    [InlineData("# release: r\nfinancial_year,index,source\n2024,100,x\n", "line 3: '2024' is not a financial year")]
    [InlineData("# release: r\nfinancial_year,index,source\n2024-25,0,x\n", "line 3: the index for 2024-25 must be a positive number")]
    [InlineData("# release: r\nfinancial_year,index,source\n2024-25,£100,x\n", "must be a positive number, found '£100'")]
    [InlineData("# release: r\nfinancial_year,index,source\n2024-25,100,x\n2024-25,101,y\n", "line 4: 2024-25 is given twice")]
    public void A_deflator_file_that_cannot_be_read_is_refused_with_its_line(string text, string message)
    {
        var e = Assert.Throws<FormatException>(() => DeflatorSeriesReader.Parse(text, "d.csv"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("d.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deflator_file_keeps_its_release_and_each_years_figure()
    {
        var s = DeflatorSeriesReader.Parse("# a note\r\n# release: HM Treasury, March 2026\r\nfinancial_year,index,source\r\n" +
            "2010-11,75.5,a, with a comma\r\n", "d.csv");
        Assert.Equal("HM Treasury, March 2026", s.Release);
        Assert.Equal(75.5m, s.Of(new FinancialYear(2010)));
        Assert.Null(s.Of(new FinancialYear(2011)));
    }
}
