using System.Text.RegularExpressions;
using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.Reports.Workbook;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// A Welsh numeral mutates some nouns after it (docs/welsh-glossary.md, "Numbers and nouns"): "1 flwyddyn", "2 flynedd",
/// "3 blynedd", "5 mlynedd"; "2 fis", "2 ddiwrnod", "5 niwrnod", "3 chyngor". The resource set's forms say so: the plural
/// categories of each language (CLDR's: Welsh zero, one, two, few, many, other) and forms for exact numbers, a noun's forms
/// written once as "plural.{noun}" ("{years} {years|@years}"). English's "{n|one|other}" is unchanged.
/// </summary>
public class WelshNumberTests
{
    /// <summary>The appraisal's horizon in Welsh, in all three places it is written.</summary>
    [Theory]
    [InlineData(0, "0 blynedd")]
    [InlineData(1, "1 flwyddyn")]
    [InlineData(2, "2 flynedd")]
    [InlineData(3, "3 blynedd")]
    [InlineData(4, "4 blynedd")]
    [InlineData(5, "5 mlynedd")]
    [InlineData(6, "6 blynedd")]
    [InlineData(7, "7 mlynedd")]
    [InlineData(10, "10 mlynedd")]
    [InlineData(11, "11 mlynedd")]
    [InlineData(13, "13 blynedd")]
    [InlineData(17, "17 flynedd")]
    [InlineData(20, "20 mlynedd")]
    [InlineData(30, "30 mlynedd")]
    [InlineData(60, "60 mlynedd")]
    public void Years_in_Welsh_take_the_mutation_of_their_numeral(int years, string words)
    {
        var cy = ReportText.Cy;
        Assert.Equal($"NPV yr arfarniad dros {words} (12 mis wedi'u rhagamcanu): £1", cy.F("cli.summary.horizon", ("years", years),
            ("projected", 12), ("npv", "£1")));
        Assert.Equal($"dros {words}, 12 mis ohonynt wedi'u rhagamcanu", cy.F("card.appraisal_npv.note", ("years", years), ("projected", 12)));
        Assert.StartsWith($"Mae'r arfarniad yn rhedeg am {words} o fis Ionawr 2024.", cy.F("appraisal.horizon.text", ("years", years),
            ("from", "Ionawr 2024"), ("last", "Rhagfyr 2024"), ("projected", 12), ("drop", "10%"), ("npv", "£1"), ("observed", "£1"),
            ("projected_npv", "£0")), StringComparison.Ordinal);
        // English as it was: "1 year", "2 years".
        Assert.Equal($"appraisal NPV over {years} {(years == 1 ? "year" : "years")} (12 months projected): £1",
            ReportText.En.F("cli.summary.horizon", ("years", years), ("projected", 12), ("npv", "£1")));
    }

    /// <summary>Every number of years and days the glossary's table gives is written as it says.</summary>
    [Fact]
    public void The_glossary_table_of_numbers_and_nouns_is_what_the_reports_write()
    {
        var glossary = File.ReadAllText(Path.Combine(Results.RepoRoot, "docs", "welsh-glossary.md"));
        var rows = Regex.Matches(glossary, @"^\| (\d+) \| [^|]+ \| `([^`]+)` \| [^|]+ \| `([^`]+)` \|$", RegexOptions.Multiline);
        Assert.True(rows.Count >= 30, $"only {rows.Count} rows of numbers and nouns in the glossary");
        foreach (Match row in rows)
        {
            var n = int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(row.Groups[2].Value, ReportText.Cy.F("cli.summary.horizon", ("years", n), ("projected", 1), ("npv", "£1"))
                ["NPV yr arfarniad dros ".Length..^" (1 mis wedi'u rhagamcanu): £1".Length]);
            Assert.Equal(row.Groups[3].Value, ReportText.Cy.F("phrase.data_quality.days.many", ("n", n)));
        }
    }

    [Theory]
    [InlineData(1, "1 diwrnod")]
    [InlineData(2, "2 ddiwrnod")]
    [InlineData(3, "3 diwrnod")]
    [InlineData(5, "5 niwrnod")]
    [InlineData(6, "6 diwrnod")]
    [InlineData(10, "10 niwrnod")]
    [InlineData(11, "11 diwrnod")]
    [InlineData(45, "45 niwrnod")]
    [InlineData(46, "46 diwrnod")]
    [InlineData(60, "60 niwrnod")]
    [InlineData(365, "365 diwrnod")]
    public void Days_in_Welsh_take_the_mutation_of_their_numeral(long days, string words)
    {
        Assert.Equal(words, ReportText.Cy.F(days == 1 ? "phrase.data_quality.days.one" : "phrase.data_quality.days.many", ("n", days)));
        // A finding stored before its days were phrases of their own is worded the same way.
        Assert.StartsWith($"dim rhesi digwyddiadau newydd ers {words} (", ReportText.Cy.F("phrase.data_quality.stale.events", ("days", days),
            ("date", "2024-11-02"), ("rule_days", 45)), StringComparison.Ordinal);
    }

    /// <summary>After 2, 3 and 6 (CLDR's two, few and many) a noun softens or aspirates: "2 fis", "2 gyngor", "3 chyngor", "6 chyngor".</summary>
    [Fact]
    public void Months_councils_minutes_and_rows_mutate_after_two_three_and_six()
    {
        var cy = ReportText.Cy;
        string Meta(int n) => cy.F("html.meta", ("scope", "Conwy"), ("period", "Ionawr 2024"), ("months", n));
        Assert.Equal(["Conwy · Ionawr 2024 (1 mis)", "Conwy · Ionawr 2024 (2 fis)", "Conwy · Ionawr 2024 (3 mis)",
            "Conwy · Ionawr 2024 (18 mis)"], new[] { 1, 2, 3, 18 }.Select(Meta));
        string Councils(int n) => cy.F("html.scope.consortium", ("id", "gogledd"), ("count", n));
        Assert.Equal(["Consortiwm gogledd, 2 gyngor", "Consortiwm gogledd, 3 chyngor", "Consortiwm gogledd, 4 cyngor",
            "Consortiwm gogledd, 6 chyngor", "Consortiwm gogledd, 22 cyngor"], new[] { 2, 3, 4, 6, 22 }.Select(Councils));
        Assert.Equal("; cymedr y cyfnod yw 2 funud.", cy.F("chart.officer.alt.mean", ("minutes", "2")));
        Assert.Equal("; cymedr y cyfnod yw 2.5 munud.", cy.F("chart.officer.alt.mean", ("minutes", "2.5")));
    }

    /// <summary>CLDR's cardinal categories: English one and other; Welsh zero 0, one 1, two 2, few 3, many 6, other the rest.</summary>
    [Fact]
    public void Each_language_has_its_plural_categories()
    {
        Assert.Equal(["zero", "one", "two", "few", "other", "other", "many", "other", "other", "other", "other", "other", "other"],
            Enumerable.Range(0, 13).Select(n => ReportText.PluralCategory(ReportLanguage.Cy, n)));
        Assert.Equal(["other", "one", "other", "other", "other", "other", "other"],
            Enumerable.Range(0, 7).Select(n => ReportText.PluralCategory(ReportLanguage.En, n)));
        Assert.Equal(["zero", "one", "two", "few", "many", "other"], ReportText.Categories(ReportLanguage.Cy));
        Assert.Equal(["one", "other"], ReportText.Categories(ReportLanguage.En));
    }

    /// <summary>
    /// Every string of both files renders with every placeholder a number from 0 to 100 (so each form in them can be read and
    /// names only its language's categories), and no Welsh string writes a count straight before a noun a numeral mutates
    /// without its forms, the workbook's strings (workbook.*) included.
    /// </summary>
    [Fact]
    public void Every_form_in_both_files_can_be_read_and_no_Welsh_count_leaves_out_its_noun_s_forms()
    {
        foreach (var text in new[] { ReportText.En, ReportText.Cy })
            foreach (var key in text.Keys.Where(k => !k.StartsWith("plural.", StringComparison.Ordinal)))
            {
                var names = ReportText.Placeholders(text[key]);
                for (var n = 0; n <= 100; n++)
                    Assert.DoesNotContain("{", text.F(key, [.. names.Select(p => (p, (object?)n))]), StringComparison.Ordinal);
            }
        var count = new Regex(@"\{[a-z_]+\} (blynedd|flynedd|mlynedd|blwyddyn|diwrnod|mis|munud|rhes|cyngor)\b");
        var found = ReportText.Cy.Keys.Where(k => count.IsMatch(ReportText.Cy[k]))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Empty(found);
    }

    /// <summary>
    /// An exact number comes before its category; a noun's forms are written once; English's two forms are as they were; a form
    /// that names a category its language lacks, gives no "other", or names a key the file lacks throws, saying where it is.
    /// </summary>
    [Fact]
    public void Forms_choose_an_exact_number_first_and_one_that_cannot_be_read_says_where_it_is()
    {
        var (en, cy) = (ReportText.En, ReportText.Cy);
        const string Form = "{n} {n|one:flwyddyn|two:flynedd|other:blynedd|=5,7-10:mlynedd}";
        Assert.Equal(["0 blynedd", "1 flwyddyn", "2 flynedd", "4 blynedd", "5 mlynedd", "6 blynedd", "7 mlynedd", "9 mlynedd", "10 mlynedd",
            "11 blynedd", "1,000 blynedd"], new object[] { 0, 1, 2, 4, 5, 6, 7, 9, 10, 11, "1,000" }.Select(n => cy.Fill(Form, ("n", n))));
        Assert.Equal("7.0 mlynedd", cy.Fill(Form, ("n", 7.0m))); // a whole number, however written
        Assert.Equal("2.5 blynedd", cy.Fill(Form, ("n", 2.5m))); // not a whole number: other
        Assert.Equal("2 flynedd", cy.Fill("{n} {n|@years}", ("n", 2)));
        Assert.Equal(["1 month", "2 months", "1,000 months"], new object[] { 1, 2, "1,000" }.Select(n => en.Fill("{n} {n|month|months}", ("n", n))));
        Assert.Equal(["1 month", "2 months"], new[] { 1, 2 }.Select(n => en.Fill("{n} {n|one:month|other:months}", ("n", n))));

        Assert.Contains("\"few\" is not a plural category of en",
            Assert.Throws<FormatException>(() => en.Fill("{n|few:three|other:more}", ("n", 3))).Message, StringComparison.Ordinal);
        Assert.Contains("give the \"other\" form", Assert.Throws<FormatException>(() => cy.Fill("{n|one:flwyddyn}", ("n", 1))).Message,
            StringComparison.Ordinal);
        Assert.Contains("the file has no \"plural.weeks\"", Assert.Throws<FormatException>(() => cy.Fill("{n|@weeks}", ("n", 3))).Message,
            StringComparison.Ordinal);
        Assert.Contains("is not a list of numbers", Assert.Throws<FormatException>(() => cy.Fill("{n|=5-x:mlynedd|other:blynedd}", ("n", 3)))
            .Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => en.Fill("{n|month}", ("n", 3)));
    }

    /// <summary>
    /// The Welsh workbook's sentences are the English ones put into Welsh (WorkbookTranslation); their counts take the same
    /// forms as the page's ("2 mis" and "2 cyngor" were written before).
    /// </summary>
    [Theory]
    [InlineData("Period: January 2024 to February 2024 (2 months). All services.", "(2 fis)")]
    [InlineData("Period: January 2024 to December 2024 (12 months). All services.", "(12 mis)")]
    [InlineData("Withheld members (2 councils combined)", "(2 gyngor gyda'i gilydd)")]
    [InlineData("Withheld members (3 councils combined)", "(3 chyngor gyda'i gilydd)")]
    [InlineData("Withheld members (5 councils combined)", "(5 cyngor gyda'i gilydd)")]
    public void The_Welsh_workbook_s_counts_take_their_numeral_s_form(string english, string welsh) =>
        Assert.Contains(welsh, WorkbookTranslation.TranslateText(english, ReportText.Cy), StringComparison.Ordinal);
}
