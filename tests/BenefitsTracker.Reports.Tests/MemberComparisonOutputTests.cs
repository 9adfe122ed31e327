using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Manifest;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// Issue 13: a consortium's members compared on costs, net benefit, ROI, benefit per transaction and cost per
/// 1,000 residents, each beside the median, with the assumptions that differ and the populations' source: the
/// same figures, from the one result, in manifest.json and on the page (the workbook's live formulas are checked
/// against the same result by LibreOfficeRoundTripTests).
/// </summary>
public sealed partial class MemberComparisonOutputTests
{
    public static TheoryData<string> Scopes => new() { "consortium", "small-members" };

    private static SavingsResult For(string scope) => scope == "small-members" ? Results.SmallMembers : Results.SampleNorthWales;

    [Theory]
    [MemberData(nameof(Scopes))]
    public void The_manifest_carries_each_members_comparison_and_the_medians(string scope)
    {
        var r = For(scope);
        var c = r.Comparison!;
        using var doc = JsonDocument.Parse(ManifestWriter.ToUtf8(r, DateTimeOffset.UnixEpoch));
        var comparison = doc.RootElement.GetProperty("comparison");
        foreach (var m in c.Members)
        {
            var e = comparison.GetProperty("members").EnumerateArray().Single(x => x.GetProperty("council").GetString() == m.Code);
            Money(m.Costs, e.GetProperty("costs_gbp"));
            Money(m.NetBenefit, e.GetProperty("net_benefit_gbp"));
            Money(m.BenefitPerTransaction, e.GetProperty("benefit_per_transaction_gbp"));
            Money(m.CostPer1000Residents, e.GetProperty("cost_per_1000_residents_gbp"));
            if (m.Roi is { } roi) Assert.Equal((double)roi, e.GetProperty("roi").GetDouble(), 12);
            else Assert.Equal(JsonValueKind.Null, e.GetProperty("roi").ValueKind);
            if (m.Suppressed) Assert.Equal(JsonValueKind.Null, e.GetProperty("costs_gbp").ValueKind);
        }
        var median = comparison.GetProperty("median");
        Money(c.Median.Costs, median.GetProperty("costs_gbp"));
        Money(c.Median.NetBenefit, median.GetProperty("net_benefit_gbp"));
        Money(c.Median.BenefitPerTransaction, median.GetProperty("benefit_per_transaction_gbp"));
        Money(c.Median.CostPer1000Residents, median.GetProperty("cost_per_1000_residents_gbp"));
        Assert.Equal(c.DifferingAssumptions.Count, comparison.GetProperty("assumptions_that_differ").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void The_page_shows_the_same_figures_beside_the_medians_and_a_chart_of_the_members(string scope)
    {
        var r = For(scope);
        var c = r.Comparison!;
        using var dir = new TempDir();
        ReportWriter.WriteAll(r, dir.Path);
        var html = File.ReadAllText(dir.File("report.html"));
        var money = Rows(html, "Member councils: benefit, costs and return");
        var normalised = Rows(html, "Member councils: normalised figures");
        foreach (var m in c.Members)
        {
            var a = money[$"{m.Name} ({m.Code})"];
            var b = normalised[$"{m.Name} ({m.Code})"];
            string Shown(decimal? v) => v is { } x ? Fmt.Money(x) : "[c]";
            Assert.Equal([Shown(m.AdjustedBenefit), Shown(m.Costs), Shown(m.NetBenefit),
                m.Roi is { } roi ? Fmt.Percent(roi) : m.Suppressed ? "[c]" : "undefined", Fmt.Percent(m.SharedCostShare)], a);
            Assert.Equal([Shown(m.BenefitPerTransaction), Shown(m.AdjustedBenefitPer1000Residents), Shown(m.CostPer1000Residents)],
                b.Skip(2).Take(3).ToArray());
        }
        var md = c.Median;
        Assert.Equal([Fmt.Money(md.AdjustedBenefit!.Value), Fmt.Money(md.Costs!.Value), Fmt.Money(md.NetBenefit!.Value), Fmt.Percent(md.Roi!.Value),
            ""], money["Consortium median"]);
        Assert.Equal([Fmt.Money(md.BenefitPerTransaction!.Value), Fmt.Money(md.AdjustedBenefitPer1000Residents!.Value),
            Fmt.Money(md.CostPer1000Residents!.Value)],
            normalised["Consortium median"].Skip(2).Take(3).ToArray());
        Assert.Contains("id=\"fig-members-caption\"", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "charts", "members.svg")));
        Assert.Contains(WebUtility.HtmlEncode(ComparisonText.Population(c)), html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_names_the_assumption_that_differs_and_where_the_populations_come_from()
    {
        var r = Results.SampleNorthWales;
        using var dir = new TempDir();
        ReportWriter.WriteAll(r, dir.Path);
        var html = WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.html")));
        // sample-data: Conwy's own default hourly rate, and ONS mid-2022 populations.
        var rows = Rows(File.ReadAllText(dir.File("report.html")), "Assumptions that differ between members");
        var hourly = rows["Officer hourly cost, default (officer_hourly_cost_gbp.default)"];
        var conwy = r.Comparison!.Members.ToList().FindIndex(m => m.Name == "Conwy");
        Assert.Equal("£31.20", hourly[conwy]);
        Assert.All(hourly.Where((_, i) => i != conwy), v => Assert.Equal("£30.00", v));
        Assert.Contains("ONS mid-2022", html, StringComparison.Ordinal);
    }

    private static void Money(decimal? expected, JsonElement actual)
    {
        if (expected is { } e) Assert.Equal(Core.Domain.Money.ToPence(e), actual.GetDecimal());
        else Assert.Equal(JsonValueKind.Null, actual.ValueKind);
    }

    /// <summary>
    /// How shared costs are split, said as English says it on the page and the workbook's Comparison sheet: "in equal
    /// shares", "by population", "by usage" (both once read "apportioned by equal"); the Welsh page says "yn gyfartal".
    /// </summary>
    [Theory]
    [InlineData("equal", "Shared costs are apportioned in equal shares.", "Shared costs apportioned in equal shares.")]
    [InlineData("population", "Shared costs are apportioned by population.", "Shared costs apportioned by population.")]
    [InlineData("usage", "Shared costs are apportioned by usage.", "Shared costs apportioned by usage.")]
    public void The_apportionment_rule_is_said_in_plain_English(string rule, string onThePage, string inTheWorkbook)
    {
        var sample = Results.SampleNorthWales;
        var r = sample with { Comparison = sample.Comparison! with { Apportionment = rule } };
        using var dir = new TempDir();
        ReportWriter.WriteAll(r, dir.Path, [Localisation.ReportLanguage.En, Localisation.ReportLanguage.Cy]);
        var html = WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.html")));
        Assert.Contains(onThePage, html, StringComparison.Ordinal);
        Assert.DoesNotContain("apportioned by equal", html, StringComparison.Ordinal);
        using var wb = new ClosedXML.Excel.XLWorkbook(dir.File("savings.xlsx"));
        Assert.StartsWith(inTheWorkbook, wb.Worksheet("Comparison").Row(1).FirstCellUsed().GetString(), StringComparison.Ordinal);
        if (rule == "equal")
            Assert.Contains("Caiff costau a rennir eu dosrannu yn gyfartal.",
                WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.cy.html"))), StringComparison.Ordinal);
    }

    /// <summary>The rows of the table with this caption: each row's header cell → its other cells, as text.</summary>
    private static Dictionary<string, string[]> Rows(string html, string caption)
    {
        var start = html.IndexOf($"<caption>{WebUtility.HtmlEncode(caption)}</caption>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table '{caption}'");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return RowPattern().Matches(table).ToDictionary(
            m => WebUtility.HtmlDecode(m.Groups[1].Value),
            m => CellPattern().Matches(m.Groups[2].Value).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray());
    }

    [GeneratedRegex("<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>")]
    private static partial Regex CellPattern();
}
