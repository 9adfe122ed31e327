using System.Text.RegularExpressions;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// A count a reader sees takes the singular for 1 in English ("1 month", never "1 months"): the resource set's
/// "{n|one|other}" form. A Welsh numeral takes the singular ("1 mis", "18 mis") but mutates some nouns after it ("2 fis"):
/// Welsh states its own forms (WelshNumberTests).
/// </summary>
public class PluralTests
{
    [Theory]
    [InlineData(1, "The service had paid back its costs by May 2024, 1 month into the period.", "1 mis i mewn i'r cyfnod")]
    [InlineData(2, "The service had paid back its costs by May 2024, 2 months into the period.", "2 fis i mewn i'r cyfnod")]
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
    /// No English string writes a count straight before a plural noun without the form, but for counts that cannot be 1; the
    /// engine's own sentences (phrase.*) too, whose English the engine writes with the same singular for 1 (EngineSentenceTests,
    /// DataQualityPhraseTests: the resource equals it word for word).
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
            // Months before go-live a model was fitted to: at least the estimator's minimum (12 by default; 24 for the indicators).
            "phrase.refused.peers_no_better", "phrase.refused.its_no_better", "phrase.refused.its_misfit", "phrase.refused.its_misfit_harmonic",
            "phrase.data_quality.days.many", // phrase.data_quality.days.one says 1 day
            "phrase.data_quality.implausible_minutes.one", "phrase.data_quality.implausible_minutes.many", // the longest: 0 or above the maximum
        ];
        var count = new Regex(@"\{[a-z_]+\} (months|years|cases|transactions|councils|members|days|rows|services|draws|minutes|events|hours)\b");
        var found = ReportText.En.Keys.Where(k => !cannotBeOne.Contains(k) && count.IsMatch(ReportText.En[k])).Order(StringComparer.Ordinal).ToList();
        Assert.Empty(found);
        Assert.All(cannotBeOne, k => Assert.True(ReportText.En.Has(k), k)); // no exception outlives its key
    }

    /// <summary>A data-quality finding's rejected rows: "1 of 1 row rejected", as the job writes it and the resource words it.</summary>
    [Theory]
    [InlineData("1", "1", "events.csv (ingested 2024-06-01): 1 of 1 row rejected (100.0 %; the rule flags above 5 %)")]
    [InlineData("1", "2", "events.csv (ingested 2024-06-01): 1 of 2 rows rejected (50.0 %; the rule flags above 5 %)")]
    [InlineData("2", "2", "events.csv (ingested 2024-06-01): 2 of 2 rows rejected (100.0 %; the rule flags above 5 %)")]
    public void One_rejected_row_of_one_is_one_row(string rejected, string rows, string english)
    {
        var rate = english[(english.IndexOf('(', 12) + 1)..english.IndexOf(';', StringComparison.Ordinal)];
        (string, object?)[] args = [("file", "events.csv"), ("date", "2024-06-01"), ("rejected", rejected), ("rows", rows), ("rate", rate),
            ("max", "5 %")];
        Assert.Equal(english, ReportText.En.F("phrase.data_quality.rejection_rate", args));
        Assert.Equal(english + "; the rows and reasons are in x.rejects.csv",
            ReportText.En.F("phrase.data_quality.rejection_rate.rejects", [.. args, ("rejects", "x.rejects.csv")]));
        // In Welsh a numeral takes the singular, and "dwy" softens "rhes": "1 o 1 rhes", "1 o 2 res".
        Assert.Contains($"gwrthodwyd {rejected} o {rows} {(rows == "2" ? "res" : "rhes")} (",
            ReportText.Cy.F("phrase.data_quality.rejection_rate", args), StringComparison.Ordinal);
    }

    /// <summary>A deadweight estimated over one month after go-live, a spike of one event: the singular.</summary>
    [Fact]
    public void One_month_after_go_live_and_one_event_are_singular()
    {
        Assert.Equal("the council's own time series, over 1 month after go-live, 95% interval 1% to 9%",
            ReportText.En.F("phrase.deadweight.from_method", ("method", "the council's own time series"), ("months", 1), ("low", "1%"),
                ("high", "9%")));
        Assert.StartsWith("1 event in 2024-05 against", ReportText.En.F("phrase.data_quality.outlier.events", ("value", "1"),
            ("month", "2024-05"), ("median", "40"), ("neighbours", 6), ("score", "-9.0"), ("threshold", "3.5")), StringComparison.Ordinal);
        Assert.StartsWith("1,512 completed transactions in", ReportText.En.F("phrase.data_quality.outlier.completed", ("value", "1,512"),
            ("month", "2024-05"), ("median", "40"), ("neighbours", 1), ("score", "9.0"), ("threshold", "3.5")), StringComparison.Ordinal);
    }
}
