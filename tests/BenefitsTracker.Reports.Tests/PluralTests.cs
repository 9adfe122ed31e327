using System.Text.RegularExpressions;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// A count a reader sees takes the singular for 1 in English ("1 month", never "1 months"): the resource set's
/// "{n|one|other}" form. Welsh needs no form: a numeral takes the singular ("1 mis", "18 mis").
/// </summary>
public class PluralTests
{
    [Theory]
    [InlineData(1, "The service had paid back its costs by May 2024, 1 month into the period.", "1 mis i mewn i'r cyfnod")]
    [InlineData(2, "The service had paid back its costs by May 2024, 2 months into the period.", "2 mis i mewn i'r cyfnod")]
    public void A_payback_in_the_first_month_is_one_month_into_the_period(int k, string english, string welsh)
    {
        var may = new Core.Domain.Month(2024, 5);
        Assert.Equal(english, ReportText.En.F("html.headline.payback.one", ("month", ReportText.En.MonthLong(may)), ("k", k)));
        Assert.Contains(welsh, ReportText.Cy.F("html.headline.payback.one", ("month", ReportText.Cy.MonthLong(may)), ("k", k)),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "Conwy · January 2024 (1 month)", "1 month after it is projected", "The 1 month from")]
    [InlineData(18, "Conwy · January 2024 to June 2025 (18 months)", "18 months after it are projected", "The 18 months from")]
    public void A_one_month_period_or_projection_is_one_month(int n, string meta, string horizon, string chart)
    {
        var period = n == 1 ? "January 2024" : "January 2024 to June 2025";
        Assert.Equal(meta, ReportText.En.F("html.meta", ("scope", "Conwy"), ("period", period), ("months", n)));
        Assert.Contains(horizon, ReportText.En.F("appraisal.horizon.text", ("years", 2), ("from", "2024-01"), ("last", "2024-12"),
            ("projected", n), ("drop", "10%"), ("npv", "£1"), ("observed", "£1"), ("projected_npv", "£0")), StringComparison.Ordinal);
        var alt = ReportText.En.F("chart.cumulative.alt.projected", ("n", n), ("from", "2025-01"), ("to", "2025-01"), ("benefit", "£1"),
            ("cost", "£2"));
        Assert.StartsWith(chart, alt, StringComparison.Ordinal);
        Assert.Contains(n == 1 ? "2025-01 is projected" : "2025-01 are projected", alt, StringComparison.Ordinal);
        Assert.Contains($"y {n} mis o fis", ReportText.Cy.F("chart.cumulative.alt.projected", ("n", n), ("from", "Ionawr 2025"),
            ("to", "Ionawr 2025"), ("benefit", "£1"), ("cost", "£2")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_names_a_value_given_and_both_languages_name_the_same_values()
    {
        Assert.Equal("1 case closed", Regex.Match(ReportText.En.F("lines.working.officer.period", ("cases", "1"), ("minutes", "15")),
            @"1 case\w* closed").Value);
        Assert.Contains("40 cases closed, taking 600 minutes", ReportText.En.F("lines.working.officer.period", ("cases", "40"), ("minutes", "600")),
            StringComparison.Ordinal);
        // A form's number must be given, as any placeholder's.
        Assert.Throws<FormatException>(() => ReportText.En.F("html.meta", ("scope", "Conwy"), ("period", "January 2024")));
        Assert.Equal(["months", "period", "scope"], ReportText.Placeholders(ReportText.En["html.meta"]).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// No English string writes a count straight before a plural noun without the form, but for counts that cannot be 1 and the
    /// engine's own sentences (phrase.*, whose English the engine writes and the resource must equal word for word).
    /// </summary>
    [Fact]
    public void No_English_string_writes_a_count_that_can_be_one_before_a_plural_noun()
    {
        string[] cannotBeOne =
        [
            "count.the_services.other", "lines.working.channel_shift.many", // two services or more
            "coverage.months", // coverage.one_month says one month
            "appraisal.mc.text", // draws: hundreds at least
            "workbook.text.period_all", "workbook.text.period_service", "workbook.text.period_all_gaps", "workbook.text.period_service_gaps",
            "workbook.text.members_withheld", "workbook.text.withheld_members", // two members or more are combined
            "workbook.text.cf_design_harmonic", "workbook.text.cf_model_its", "workbook.text.cf_model_peers", // months before go-live: a year or more
        ];
        var count = new Regex(@"\{(months|k|n|years|projected|cases|transactions|count|days|rows|n_count|n_before|draws|minutes)\} " +
            @"(months|years|cases|transactions|councils|members|days|rows|services|draws|minutes)\b");
        var found = ReportText.En.Keys.Where(k => !k.StartsWith("phrase.", StringComparison.Ordinal) && !cannotBeOne.Contains(k)
            && count.IsMatch(ReportText.En[k])).Order(StringComparer.Ordinal).ToList();
        Assert.Empty(found);
    }
}
