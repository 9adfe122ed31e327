using System.Text.RegularExpressions;
using BenefitsTracker.Reports.Formatting;

namespace BenefitsTracker.Reports.Tests;

/// <summary>Issue 13: prose a board can take (rounded for people, a true minus, the services counted) and the rounding rule.</summary>
public class ProseTests
{
    [Theory]
    [InlineData("113574.49", "about £113,600")]
    [InlineData("113550", "about £113,600")]
    [InlineData("113549.99", "about £113,500")]
    [InlineData("24881.02", "about £24,880")]
    [InlineData("842.37", "about £842")]
    [InlineData("9999.5", "about £10,000")]
    [InlineData("0.4", "about £0")]
    [InlineData("-2680.4", "about \u2212\u2060£2,680")]
    [InlineData("0", "£0")]
    public void About_rounds_to_four_significant_figures_in_whole_pounds(string pounds, string expected) =>
        Assert.Equal(expected, Fmt.About(decimal.Parse(pounds, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Negative_money_has_a_true_minus_sign()
    {
        Assert.Equal("\u2212£2.68", Fmt.Money(-2.675m));
        Assert.Equal("£2.68", Fmt.Money(2.675m));
        Assert.Equal("\u2212£500", Fmt.MoneyWhole(-500));
        Assert.Equal("£0.00", Fmt.Money(-0.001m));
    }

    [Fact]
    public void MayNotSum_is_true_only_when_the_parts_shown_differ_from_the_total_shown()
    {
        // 0.333… three times: each shows £0.33, they add to £0.99, the total shows £1.00.
        Assert.True(Fmt.MayNotSum([1m / 3, 1m / 3, 1m / 3], 1m));
        Assert.False(Fmt.MayNotSum([0.25m, 0.25m, 0.5m], 1m));
    }

    [Theory]
    [MemberData(nameof(HtmlReportTests.Scopes), MemberType = typeof(HtmlReportTests))]
    public void The_page_rounds_its_sentences_uses_a_true_minus_and_states_the_rounding_rule(string scope)
    {
        using var dir = new TempDir();
        var r = Results.ForScope(scope);
        ReportWriter.WriteAll(r, dir.Path);
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.html")));
        var lead = Regex.Match(html, "<p class=\"lead\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"saved an estimated <strong>{Fmt.About(r.Totals.AdjustedBenefit)}</strong>", lead);
        Assert.Contains($"the net benefit is <strong>{Fmt.About(r.Totals.NetBenefit)}</strong>", lead);
        // A hyphen before a pound sign is a minus sign written wrongly.
        Assert.DoesNotMatch("-£", html);
        Assert.Contains(Fmt.RoundingNote, html);
        // The footer names the software and its version and where the method is written down, without jargon.
        var footer = Regex.Match(html, "<footer>(.*?)</footer>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Made with BenefitsTracker", footer);
        Assert.Contains("BenefitsTracker method", footer);
        Assert.DoesNotContain("result model", footer);
        Assert.DoesNotContain("METHOD.md", footer);
    }

    [Fact]
    public void A_council_with_several_services_is_written_about_in_the_plural()
    {
        using var dir = new TempDir();
        var r = Results.SampleConwy;
        var services = ReportUnits.Of(r).Select(u => u.Service).Distinct().Count();
        Assert.Equal(3, services);
        ReportWriter.WriteAll(r, dir.Path);
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.html")));
        Assert.Contains($"{r.Scope.Name}'s three digital services saved", html);
        Assert.Contains(r.Totals.PaybackMonth is null ? "no payback month" : "The three services had paid back their costs by", html);
        Assert.DoesNotContain("The service had paid back", html);
    }

    [Fact]
    public void Line_totals_that_do_not_add_up_after_rounding_say_so_under_the_table()
    {
        using var dir = new TempDir();
        foreach (var r in new[] { Results.WorkedExampleResult, Results.SampleConwy, Results.SampleNorthWales })
        {
            ReportWriter.WriteAll(r, dir.Path);
            var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.html")));
            var noted = html.Contains($"<p class=\"rounding\">{Fmt.RoundingNote}</p>", StringComparison.Ordinal);
            var differs = Fmt.MayNotSum(r.Lines.Select(l => l.Gross), r.Totals.GrossBenefit)
                || Fmt.MayNotSum(r.Lines.Select(l => l.Adjusted), r.Totals.AdjustedBenefit);
            Assert.Equal(differs, noted);
        }
    }
}

/// <summary>Issue 13: a council's page names its services, each on its own line, and shows cost per transaction and completion rate.</summary>
public class CouncilPageTests
{
    [Fact]
    public void Each_service_has_its_own_line_and_the_page_shows_cost_per_transaction_and_completion_rate()
    {
        using var dir = new TempDir();
        var r = Results.SampleConwy;
        ReportWriter.WriteAll(r, dir.Path);
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.html")));
        var table = Regex.Match(html, "<caption>Each service over the period.*?</table>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(table);
        foreach (var s in r.Services)
        {
            var row = Regex.Match(table, $"<tr><th scope=\"row\">{Regex.Escape(s.Service)}</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
            Assert.NotEmpty(row);
            Assert.Contains(Fmt.Count(s.Months.Sum(m => m.ByChannel.Values.Sum())), row);
            Assert.Contains(Fmt.Money(s.Months.Sum(m => m.AdjustedByLine.Values.Sum())), row);
            Assert.Contains(Fmt.Money(s.Months.Sum(m => m.AdjustedByLine.GetValueOrDefault(Core.Domain.BenefitLine.OfficerTime))), row);
        }
        Assert.Contains(Fmt.Money(r.Totals.AdjustedBenefit), table);
        Assert.Contains("Digital service costs in the period by category and service", html);
        Assert.NotNull(r.Totals.CostPerTransaction);
        Assert.Contains($"<dt>Cost per transaction</dt><dd>{Fmt.Money(r.Totals.CostPerTransaction!.Value)}", html);
        Assert.Contains("<dt>Completion rate</dt><dd>" + (r.Totals.CompletionRate is { } cr ? Fmt.Percent(cr) : "n/a"), html);
    }

    [Fact]
    public void A_consortium_page_has_no_member_service_lines()
    {
        using var dir = new TempDir();
        ReportWriter.WriteAll(Results.SmallMembers, dir.Path);
        var html = File.ReadAllText(dir.File("report.html"));
        Assert.DoesNotContain("Each service over the period", html);
    }

    /// <summary>Where several services are reported, the sentences count them ("the three digital services"), not "the service".</summary>
    [Fact]
    public void Several_services_are_counted_in_the_sentences_about_them()
    {
        using var dir = new TempDir();
        ReportWriter.WriteAll(Results.SampleConwy, dir.Path);
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.html")));
        Assert.Contains("adds up what the three digital services cost. Where they cross, the services have paid for themselves.", html);
        Assert.Contains("what the same demand would have cost without the three digital services", html);
        Assert.DoesNotContain("without the digital service.", html);
        Assert.DoesNotContain("the service has paid for itself", html);

        using var one = new TempDir();
        ReportWriter.WriteAll(Results.WorkedExampleResult, one.Path);
        Assert.Contains("Where they cross, the service has paid for itself.",
            System.Net.WebUtility.HtmlDecode(File.ReadAllText(one.File("report.html"))));
    }
}
