using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.Tests.Shared;

namespace BenefitsTracker.Reports.Tests;

/// <summary>The check behind every "no English left in Welsh" test finds English when it is there.</summary>
public sealed class WelshCheckTests
{
    [Fact]
    public void English_of_a_key_in_a_Welsh_text_is_found_with_its_key()
    {
        var heading = ReportText.En["kpi.heading"];
        Assert.NotEqual(heading, ReportText.Cy["kpi.heading"]);
        var left = WelshCheck.EnglishLeft($"Perfformiad y gwasanaeth. {heading}. Diwedd.", minLength: 8, minWords: 2);
        Assert.Contains($"kpi.heading: \"{heading}\"", left);
        Assert.Empty(WelshCheck.EnglishLeft($"{ReportText.Cy["kpi.heading"]}.", minLength: 8, minWords: 2));
        // Limited to keys under a prefix, the same text has nothing left from other keys.
        Assert.Empty(WelshCheck.EnglishLeft($"{heading}.", minLength: 8, minWords: 2, "dash."));
    }

    [Theory]
    [InlineData("the web site", "web", true)]
    [InlineData("web", "web", true)]
    [InlineData("the website", "web", false)]
    [InlineData("cobweb site, then web.", "web", true)]
    [InlineData("(not held)", "(not held)", true)]
    public void A_fragment_counts_only_as_whole_words(string text, string fragment, bool found) =>
        Assert.Equal(found, WelshCheck.ContainsWholeWords(text, fragment));

    [Fact]
    public void What_a_Welsh_page_marks_as_English_is_left_out_and_the_rest_is_kept()
    {
        const string html = "<html lang=\"cy\"><style>p { color: red }</style><p>Cyngor <span lang=\"en-GB\">Conwy County Borough</span> " +
            "&amp; mwy</p><p lang=\"en-GB\">The operator must fix it.</p><a href=\"/\" hreflang=\"en-GB\" lang=\"en-GB\">English</a></html>";
        Assert.Equal(" Cyngor & mwy ", WelshCheck.WelshPageText(html));
        Assert.Contains("Conwy County Borough", WelshCheck.PageText(html), StringComparison.Ordinal);
    }
}
