using System.Text.RegularExpressions;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BenefitsTracker.Reports.Tests;

public class HtmlReportTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scopes => new() { "worked", "council", "consortium", "small-members" };

    /// <summary>Every scope in English and in Welsh (issue 15: axe finds nothing in the Welsh page either).</summary>
    public static TheoryData<string, string> ScopesAndLanguages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var language in new[] { "en", "cy" })
                foreach (var scope in new[] { "worked", "council", "consortium", "small-members" })
                    data.Add(scope, language);
            return data;
        }
    }

    private static SavingsResult For(string scope) => Results.ForScope(scope);

    /// <summary>
    /// "Would it have happened anyway?" calls each service by its name, as the KPI section above it does ("Planning maps and
    /// enquiries"), not by its slug ("planning-maps"): its headings, its table and its chart's title, in both languages. A refused
    /// estimate's reason, given in the interval's column, is a sentence that wraps (td.words), not a figure kept on one line.
    /// </summary>
    [Theory]
    [InlineData("council", "en")]
    [InlineData("council", "cy")]
    [InlineData("consortium", "en")]
    public void The_deadweight_section_names_each_service_and_lets_a_reason_wrap(string scope, string language)
    {
        using var dir = new TempDir();
        var r = PageLayoutTests.WithRefusedEstimates(For(scope));
        Assert.True(ReportLanguages.TryParse(language, out var languages));
        ReportWriter.WriteAll(r, dir.Path, languages);
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(dir.File(ReportWriter.HtmlFileFor(languages[0]))));
        var section = html[html.IndexOf("id=\"counterfactual\"", StringComparison.Ordinal)..html.IndexOf("id=\"lines\"", StringComparison.Ordinal)];
        var slugs = r.Counterfactual.Select(e => e.Service).Distinct().ToList();
        Assert.NotEmpty(slugs);
        foreach (var slug in slugs)
        {
            var name = ServiceNames.Of(r, slug);
            Assert.NotEqual(slug, name);
            Assert.Matches($"<h3>[^<]*{Regex.Escape(name)}</h3>", section);
            Assert.Contains($"<th scope=\"row\">{(scope == "council" ? name : "")}", section, StringComparison.Ordinal);
            // The slug appears nowhere a reader reads it: not as a heading, a cell or a chart's title (ids and file names may hold it).
            Assert.DoesNotMatch($">[^<]*\\b{Regex.Escape(slug)}\\b[^<]*<", section);
        }
        Assert.Matches("<td class=\"words\">[^<]{40,}</td>", section);
        Assert.DoesNotMatch("<td class=\"num\">[^<]*( [^< ]+){3}</td>", html);
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void The_page_states_every_headline_figure(string scope)
    {
        using var dir = new TempDir();
        var r = For(scope);
        ReportWriter.WriteAll(r, dir.Path);
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.html")));
        var t = r.Totals;
        foreach (var figure in new[] { t.GrossBenefit, t.AdjustedBenefit, t.Cashable, t.NonCashable, t.Costs, t.NetBenefit, t.Npv })
            Assert.Contains(Fmt.Money(figure), html);
        if (t.Roi is { } roi) Assert.Contains(Fmt.Percent(roi), html);
        if (t.Bcr is { } bcr) Assert.Contains(bcr.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.Contains(t.PaybackMonth is { } pm ? Fmt.MonthLong(pm) : "no payback month", html);
        Assert.Contains(Fmt.Count(t.Transactions), html);
        if (t.DigitalTakeUp is { } tu) Assert.Contains(Fmt.Percent(tu), html);
        foreach (var line in r.Lines) Assert.Contains(Fmt.Money(line.Adjusted), html);
        Assert.Contains(r.Lineage.AssumptionsSha256, html);
        Assert.Contains(r.Lineage.AssumptionsVersion, html);
        if (r.Comparison is { } c) Assert.Contains("Consortium median", html);
    }

    [Fact]
    public void The_worked_example_page_reads_as_the_readme_says()
    {
        using var dir = new TempDir();
        ReportWriter.WriteAll(Results.WorkedExampleResult, dir.Path);
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.html")));
        Assert.Contains("£24,881.02", html);
        Assert.Contains("£38,396.64", html);
        Assert.Contains("paid back its costs by May 2024", html);
        Assert.Contains("£18,756.46", html);
        Assert.Contains("Every £1 spent returned £4.29", html);
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void The_page_is_one_self_contained_file(string scope)
    {
        using var dir = new TempDir();
        ReportWriter.WriteAll(For(scope), dir.Path);
        var html = File.ReadAllText(dir.File("report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"en-GB\">", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Regex.Matches(html, @"(src|href)\s*=\s*""(?!#)[^""]*""", RegexOptions.IgnoreCase));
        Assert.Empty(Regex.Matches(html, @"url\((?!#)", RegexOptions.IgnoreCase));
        // The five charts of issue 5, the appraisal's tornado (issue 12) and, for a consortium, its members side by side (issue 13).
        // Each is drawn twice: wide, and at a phone's width for narrow screens (issue 13); one is shown at a time.
        var charts = For(scope).Comparison is null ? 6 : 7;
        Assert.Equal(2 * charts, Regex.Matches(html, "<svg ").Count);
        Assert.Equal(2 * charts, Regex.Matches(html, "role=\"img\"").Count);
        Assert.Equal(charts, Regex.Matches(html, "<div class=\"chart-narrow\">").Count);
        // Every id once only, though six charts each bring their own.
        var ids = Regex.Matches(html, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("@media print", html);
        Assert.Contains("size: A4", html);
    }

    [Theory]
    [MemberData(nameof(ScopesAndLanguages))]
    public async Task The_page_passes_axe_WCAG_2_2_AA_and_makes_no_request_beyond_itself(string scope, string language)
    {
        var chromium = Tools.Require("chromium", "chromium", new Output(output), "/usr/bin/chromium");
        if (chromium is null) return;
        using var dir = new TempDir();
        Assert.True(ReportLanguages.TryParse(language, out var languages));
        ReportWriter.WriteAll(For(scope), dir.Path, languages);
        var file = dir.File(ReportWriter.HtmlFileFor(languages[0]));
        Assert.Contains($"<html lang=\"{languages[0].HtmlLang()}\">", File.ReadAllText(file), StringComparison.Ordinal);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        var refused = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal)) await route.ContinueAsync();
            else { refused.Add(url); await route.AbortAsync(); }
        });
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        Assert.Empty(refused);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        foreach (var v in result.Violations) output.WriteLine($"{v.Id}: {v.Help} ({v.Nodes.Length} nodes) e.g. {v.Nodes.FirstOrDefault()?.Html}");
        Assert.Empty(result.Violations);
        Assert.True(result.Passes.Length > 10);

        // One h1, and headings never skip a level.
        var levels = await page.EvalOnSelectorAllAsync<int[]>("h1,h2,h3,h4,h5,h6", "els => els.map(e => +e.tagName[1])");
        Assert.Equal(1, levels.Count(l => l == 1));
        for (var i = 1; i < levels.Length; i++) Assert.True(levels[i] <= levels[i - 1] + 1, $"heading h{levels[i]} follows h{levels[i - 1]}");

        // It prints on A4 without the charts spilling off the page.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var overflow = await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('svg')].some(s => s.getBoundingClientRect().right > " +
            "document.documentElement.clientWidth + 1)");
        Assert.False(overflow);
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000);
    }
}
