using System.Net;
using System.Text.RegularExpressions;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// Welsh-language reports (issue 15): one resource set, every key in both languages, no English left in the Welsh page,
/// and en+cy written side by side with links between them. (axe on the Welsh page: HtmlReportTests, per language.)
/// </summary>
public class WelshReportTests
{
    public static TheoryData<string> Scopes => HtmlReportTests.Scopes;

    private static SavingsResult For(string scope) => scope switch
    {
        "worked" => Results.WorkedExampleResult,
        "council" => Results.SampleConwy,
        "small-members" => Results.SmallMembers,
        _ => Results.SampleNorthWales,
    };

    [Fact]
    public void Every_key_has_a_Welsh_translation_with_the_same_placeholders_and_no_Welsh_key_is_extra()
    {
        var en = ReportText.En;
        var cy = ReportText.Cy;
        Assert.True(en.Keys.Count > 400, $"only {en.Keys.Count} keys");
        Assert.Empty(en.Keys.Except(cy.Keys, StringComparer.Ordinal));
        Assert.Empty(cy.Keys.Except(en.Keys, StringComparer.Ordinal));
        foreach (var key in en.Keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(cy[key]), $"{key} is empty in Welsh");
            // A placeholder may be given capitalised for the start of a sentence in one language ("{The_services}") and not in the other.
            Assert.True(ReportText.Placeholders(en[key]).Select(p => p.ToLowerInvariant()).ToHashSet()
                    .SetEquals(ReportText.Placeholders(cy[key]).Select(p => p.ToLowerInvariant())),
                $"{key}: placeholders differ: en \"{en[key]}\", cy \"{cy[key]}\"");
        }
    }

    [Fact]
    public void The_Welsh_file_says_at_its_top_that_it_is_to_be_checked_and_points_to_its_glossary()
    {
        var raw = ReportText.Raw(ReportLanguage.Cy);
        Assert.StartsWith("// Translation to be checked by a Welsh speaker.", raw, StringComparison.Ordinal);
        Assert.Contains("docs/welsh-glossary.md", raw, StringComparison.Ordinal);
        var glossary = File.ReadAllText(Path.Combine(Results.RepoRoot, "docs", "welsh-glossary.md"));
        // The glossary's core terms are the ones the file uses.
        foreach (var term in new[] { "arbedion", "budd wedi'i addasu", "sianeli digidol", "gwasanaeth digidol", "effaith farw", "arian parod", "llinell sylfaen" })
        {
            Assert.Contains(term, glossary, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(ReportText.Cy.Keys, k => ReportText.Cy[k].Contains(term, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>
    /// Every key is used: its full name, or the prefix it is built from (e.g. "month.long." + the month), is written in the
    /// code of the report, the dashboard or the CLI.
    /// </summary>
    [Fact]
    public void No_key_is_unused()
    {
        var code = string.Join("\n", new[] { "src/BenefitsTracker.Reports", "src/BenefitsTracker.Web", "src/BenefitsTracker.Cli" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Results.RepoRoot, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var literals = Regex.Matches(code, "\"([a-z_]+\\.[a-z0-9_.]*)\"").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var prefixes = literals.Where(l => l.EndsWith('.')).ToList();
        var unused = ReportText.En.Keys.Where(k => !literals.Contains(k) && !prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).Order().ToList();
        Assert.Empty(unused);
    }

    [Fact]
    public void Welsh_months_come_from_the_resource_set_not_the_machine_culture()
    {
        var m = new Core.Domain.Month(2024, 6);
        Assert.Equal("Mehefin 2024", ReportText.Cy.MonthLong(m));
        Assert.Equal("Meh 2024", ReportText.Cy.MonthShort(m));
        Assert.Equal("June 2024", ReportText.En.MonthLong(m));
        Assert.Equal("Jun 2024", ReportText.En.MonthShort(m));
        Assert.Equal("tua \u2212\u2060£2,680", ReportText.Cy.About(-2680.4m));
        Assert.Equal("about £113,600", ReportText.En.About(113_557m));
        Assert.Equal("+30.0 pwynt", ReportText.Cy.Points(0.3m));
        Assert.Equal("gwe, ffôn ac e-bost", ReportText.Cy.Join(["gwe", "ffôn", "e-bost"]));
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void The_Welsh_page_has_no_English_string_of_the_resource_set_left_in_it(string scope)
    {
        using var dir = new TempDir();
        var r = For(scope);
        ReportWriter.WriteAll(r, dir.Path, [ReportLanguage.Cy]);
        Assert.False(File.Exists(dir.File("report.html")));
        var raw = File.ReadAllText(dir.File("report.cy.html"));
        Assert.Contains("<html lang=\"cy\">", raw, StringComparison.Ordinal);
        var text = WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(raw, "<style>.*?</style>", " ", RegexOptions.Singleline), "<[^>]+>", " "));
        text = Regex.Replace(text, "\\s+", " ");

        // The English of every key that differs in Welsh, cut at its placeholders: no fragment of two words or more may appear.
        var left = new List<string>();
        foreach (var key in ReportText.En.Keys)
        {
            var en = ReportText.En[key];
            if (en == ReportText.Cy[key]) continue;
            foreach (var part in Regex.Split(en, "\\{[a-z_0-9A-Z]+\\}"))
            {
                var fragment = part.Trim(' ', ',', '.', ';', ':', '(', ')');
                if (fragment.Count(c => c == ' ') < 1 || fragment.Length < 8) continue;
                if (text.Contains(fragment, StringComparison.Ordinal)) left.Add($"{key}: \"{fragment}\"");
            }
        }
        Assert.Empty(left);

        // The page's figures are the same as the English page's: numbers and money are written alike.
        Assert.Contains(Formatting.Fmt.Money(r.Totals.AdjustedBenefit), text, StringComparison.Ordinal);
        Assert.Contains(Formatting.Fmt.Money(r.Totals.NetBenefit), text, StringComparison.Ordinal);
        if (r.Totals.PaybackMonth is { } pm) Assert.Contains(ReportText.Cy.MonthLong(pm), text, StringComparison.Ordinal);
        Assert.Contains("Y prif ffigurau", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_worked_example_reads_in_Welsh()
    {
        using var dir = new TempDir();
        ReportWriter.WriteAll(Results.WorkedExampleResult, dir.Path, [ReportLanguage.Cy]);
        var html = WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.cy.html")));
        Assert.Contains("Arbedion o wasanaethau digidol", html, StringComparison.Ordinal);
        Assert.Contains("£24,881.02", html, StringComparison.Ordinal);
        Assert.Contains("Roedd y gwasanaeth wedi ad-dalu ei gostau erbyn mis Mai 2024", html, StringComparison.Ordinal);
        Assert.Contains("Roedd pob £1 a wariwyd wedi dychwelyd £4.29 o fudd", html, StringComparison.Ordinal);
        // Charts in Welsh: month labels and titles.
        var svg = File.ReadAllText(dir.File("charts/cumulative.cy.svg"));
        Assert.DoesNotContain("Cumulative", svg, StringComparison.Ordinal);
        Assert.Contains("Budd", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void English_and_Welsh_are_written_side_by_side_and_link_to_each_other()
    {
        using var dir = new TempDir();
        ReportWriter.WriteAll(Results.WorkedExampleResult, dir.Path, [ReportLanguage.En, ReportLanguage.Cy]);
        var en = File.ReadAllText(dir.File("report.html"));
        var cy = File.ReadAllText(dir.File("report.cy.html"));
        Assert.Contains("<html lang=\"en-GB\">", en, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"cy\">", cy, StringComparison.Ordinal);
        Assert.Contains("<a href=\"report.cy.html\" hreflang=\"cy\" lang=\"cy\">Darllenwch yr adroddiad hwn yn Gymraeg</a>", en, StringComparison.Ordinal);
        Assert.Contains("<a href=\"report.html\" hreflang=\"en-GB\" lang=\"en-GB\">Read this report in English</a>", cy, StringComparison.Ordinal);
        foreach (var stem in new[] { "cumulative", "channel-mix", "digital-take-up", "officer-minutes", "benefit-by-line" })
        {
            Assert.True(File.Exists(dir.File($"charts/{stem}.png")), stem);
            Assert.True(File.Exists(dir.File($"charts/{stem}.cy.png")), stem + " in Welsh");
            Assert.True(File.Exists(dir.File($"charts/{stem}.cy.svg")), stem + " in Welsh");
        }
        // English alone is as before: one page, no link.
        using var solo = new TempDir();
        ReportWriter.WriteAll(Results.WorkedExampleResult, solo.Path);
        Assert.DoesNotContain("report.cy.html", File.ReadAllText(solo.File("report.html")), StringComparison.Ordinal);
        Assert.False(File.Exists(solo.File("report.cy.html")));
    }

    [Theory]
    [InlineData("en", true, new[] { "En" })]
    [InlineData("CY", true, new[] { "Cy" })]
    [InlineData("en+cy", true, new[] { "En", "Cy" })]
    [InlineData("fr", false, new string[0])]
    public void The_language_option_reads_en_cy_and_en_plus_cy(string text, bool ok, string[] expected)
    {
        Assert.Equal(ok, ReportLanguages.TryParse(text, out var languages));
        Assert.Equal(expected, languages.Select(l => l.ToString()));
    }
}
