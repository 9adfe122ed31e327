using System.Text;
using System.Text.Json;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Manifest;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Reports.Tests.Manifest;

/// <summary>manifest.json (SPEC.md): its shape, money with two decimals, and suppression in consortium manifests.</summary>
public sealed class ManifestWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static JsonElement Parse(SavingsResult r) => JsonDocument.Parse(ManifestWriter.ToUtf8(r, At)).RootElement.Clone();

    [Fact]
    public void Council_manifest_has_the_spec_shape_with_money_in_two_decimals()
    {
        var (council, assumptions, request) = WorkedExample.Load();
        var result = SavingsEngine.ComputeCouncil(council, null, assumptions, request, WorkedExample.Lineage());
        var text = Encoding.UTF8.GetString(ManifestWriter.ToUtf8(result, At));
        var m = JsonDocument.Parse(text).RootElement;

        foreach (var key in new[] { "scope", "from", "to", "service", "totals", "lines", "months", "members", "inputs",
            "assumptions", "generated_by" })
            Assert.True(m.TryGetProperty(key, out _), $"manifest lacks '{key}'");
        foreach (var key in new[] { "transactions", "digital_take_up", "gross_benefit_gbp", "adjusted_benefit_gbp",
            "cashable_gbp", "non_cashable_gbp",
                     "costs_gbp", "net_benefit_gbp", "roi", "bcr", "npv_gbp", "payback_month", "officer_hours_released" })
            Assert.True(m.GetProperty("totals").TryGetProperty(key, out _), $"totals lack '{key}'");
        Assert.Contains("\"costs_gbp\": 5800.00", text, StringComparison.Ordinal);
        Assert.Contains("\"cashable_gbp\": 7581.60", text, StringComparison.Ordinal);
        Assert.Equal("2024-05", m.GetProperty("totals").GetProperty("payback_month").GetString());
        Assert.Equal(5, m.GetProperty("lines").GetArrayLength());
        Assert.Equal(18, m.GetProperty("months").GetArrayLength());
        Assert.Equal(0, m.GetProperty("members").GetArrayLength());
        Assert.Equal("2026-11-23T12:00:00Z", m.GetProperty("generated_at").GetString());
        // cashable + non-cashable = adjusted, to the penny, as written.
        var t = m.GetProperty("totals");
        Assert.Equal(t.GetProperty("adjusted_benefit_gbp").GetDecimal(),
            t.GetProperty("cashable_gbp").GetDecimal() + t.GetProperty("non_cashable_gbp").GetDecimal());
    }

    [Fact]
    public void Ratios_are_null_not_infinite_without_costs()
    {
        var council = new CouncilBuilder("W06000001", "One", 100_000)
            .VolumeEachMonth("bins", "phone", "2023-01", "2023-12", 100)
            .VolumeEachMonth("bins", "web", "2024-01", "2024-12", 100).Build();
        var assumptions = AssumptionSet.Parse("""{ "version": "t", "services": { "bins": { "go_live": "2024-01" } } }""");
        var m = Parse(SavingsEngine.ComputeCouncil(council, null, assumptions, new ReportRequest(new Month(2024, 1), new Month(2024, 12)),
            CouncilBuilder.NoLineage()));
        Assert.Equal(JsonValueKind.Null, m.GetProperty("totals").GetProperty("roi").ValueKind);
        Assert.Equal(JsonValueKind.Null, m.GetProperty("totals").GetProperty("bcr").ValueKind);
        Assert.Equal(0m, m.GetProperty("totals").GetProperty("costs_gbp").GetDecimal());
    }

    /// <summary>
    /// Big (1,000 a month) and Mid (200 a month) councils, and Tiny with 4 transactions: Tiny is
    /// below the threshold, and Mid is hidden beside it so the consortium total cannot give Tiny away.
    /// </summary>
    private static SavingsResult Consortium()
    {
        static CouncilBuilder Member(string code, string name, long baseline) =>
            new CouncilBuilder(code, name, 100_000, "c").VolumeEachMonth("bins", "phone", "2023-01", "2023-12", baseline);
        var data = new ConsortiumData("c", "Consortium", [
            Member("W06000001", "Big", 1000).VolumeEachMonth("bins", "web", "2024-01", "2024-12", 700)
                .VolumeEachMonth("bins", "phone", "2024-01", "2024-12", 300).Build(),
            Member("W06000002", "Mid", 200).VolumeEachMonth("bins", "web", "2024-01", "2024-12", 195)
                .VolumeEachMonth("bins", "post", "2024-01", "2024-12", 5).Build(),
            Member("W06000004", "Tiny", 3).Volume("bins", "web", "2024-03", 4).Build(),
        ], []);
        var assumptions =
            AssumptionSet.Parse("""{ "version": "t", "unit_costs_gbp": { "post": 5.0 }, "services": { "bins": { "go_live": "2024-01" } } }""");
        return SavingsEngine.ComputeConsortium(data, assumptions, new ReportRequest(new Month(2024, 1), new Month(2024, 12)),
            CouncilBuilder.NoLineage());
    }

    [Fact]
    public void A_consortium_manifest_withholds_members_below_the_threshold_and_the_one_beside_them()
    {
        var m = Parse(Consortium());
        var members = m.GetProperty("members").EnumerateArray().ToDictionary(x => x.GetProperty("scope").GetProperty("council").GetString()!);

        // Tiny (4 transactions) is small: "<10". Mid (2,400) is withheld only to protect it: "[c]", not "<10".
        foreach (var (code, symbol) in new[] { ("W06000004", "<10"), ("W06000002", "[c]") })
        {
            var withheld = members[code];
            Assert.True(withheld.GetProperty("suppressed").GetBoolean());
            Assert.Equal(symbol, withheld.GetProperty("totals").GetProperty("transactions").GetString());
            Assert.False(withheld.GetProperty("totals").TryGetProperty("adjusted_benefit_gbp", out _));
            Assert.Equal(0, withheld.GetProperty("lines").GetArrayLength());
            Assert.Equal(0, withheld.GetProperty("months").GetArrayLength());
        }
        // The manifest says what the symbols mean and whom they hide.
        var disclosure = m.GetProperty("disclosure");
        Assert.Equal("[c]", disclosure.GetProperty("withheld_members").GetProperty("W06000002").GetString());
        Assert.Equal("<10", disclosure.GetProperty("withheld_members").GetProperty("W06000004").GetString());
        Assert.Contains("[c] (confidential)", disclosure.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(12_000, members["W06000001"].GetProperty("totals").GetProperty("transactions").GetInt64());

        var comparison = m.GetProperty("comparison").GetProperty("members").EnumerateArray().ToDictionary(x => x.GetProperty("council").GetString()!);
        Assert.Equal("<10", comparison["W06000004"].GetProperty("transactions").GetString());
        Assert.Equal("[c]", comparison["W06000002"].GetProperty("transactions").GetString());
        Assert.Equal(JsonValueKind.Null, comparison["W06000004"].GetProperty("digital_take_up").ValueKind);
    }

    [Fact]
    public void A_consortium_manifest_hides_small_channel_counts_and_a_second_beside_a_lone_one()
    {
        var m = Parse(Consortium());
        var march = m.GetProperty("months").EnumerateArray().Single(x => x.GetProperty("month").GetString() == "2024-03").GetProperty("by_channel");
        // March: web 700 + 195 + 4 = 899, phone 300, post 5. Post is below 10 ("<10"); phone, the next
        // smallest, is hidden beside it ("[c]": 300 is not small).
        Assert.Equal("<10", march.GetProperty("post").GetString());
        Assert.Equal("[c]", march.GetProperty("phone").GetString());
        Assert.Equal(899, march.GetProperty("web").GetInt64());
    }

    [Fact]
    public void A_council_manifest_is_not_suppressed()
    {
        var result = Consortium().Members.Single(r => r.Scope.Id == "W06000004");
        var m = Parse(result);
        Assert.Equal(4, m.GetProperty("totals").GetProperty("transactions").GetInt64());
    }

    /// <summary>
    /// Complementary suppression, tested by trying every subtraction: for each figure a member adds to the
    /// consortium's (totals and lines), the consortium's figure in manifest.json less the figures of every
    /// subset of the members it shows must never be a withheld member's own figure.
    /// </summary>
    [Fact]
    public void No_subtraction_of_shown_figures_from_the_consortium_totals_gives_a_withheld_members_figure_away()
    {
        foreach (var result in new[] { Consortium(), Results.SmallMembers })
        {
            var m = Parse(result);
            var shown = m.GetProperty("members").EnumerateArray().Where(x => !x.TryGetProperty("suppressed", out _)).ToList();
            var withheld = result.Members.Where(x => m.GetProperty("members").EnumerateArray()
                .Any(y => y.GetProperty("scope").GetProperty("council").GetString() == x.Scope.Id && y.TryGetProperty("suppressed", out _))).ToList();
            Assert.True(withheld.Count >= 2, "the example withholds a small member and one beside it");

            var figures = new List<(string What, Func<JsonElement, decimal?> Read, Func<SavingsResult, decimal> Truth)>();
            foreach (var (json, get) in new (string, Func<SavingsResult, decimal>)[] {
                ("gross_benefit_gbp", r => r.Totals.GrossBenefit), ("adjusted_benefit_gbp", r => r.Totals.AdjustedBenefit),
                ("cashable_gbp", r => r.Totals.Cashable), ("non_cashable_gbp", r => r.Totals.NonCashable), ("costs_gbp", r => r.Totals.Costs),
                ("net_benefit_gbp", r => r.Totals.NetBenefit), ("npv_gbp", r => r.Totals.Npv),
                ("officer_hours_released", r => r.Totals.OfficerHoursReleased),
                ("transactions", r => r.Totals.Transactions), ("closed_cases", r => r.Totals.ClosedCases) })
                figures.Add(($"totals.{json}", e => Number(e.GetProperty("totals").GetProperty(json)), get));
            foreach (var line in BenefitLines.All)
                foreach (var (json, get) in new (string, Func<LineResult, decimal>)[] { ("gross_gbp", l => l.Gross),
                    ("adjusted_gbp", l => l.Adjusted) })
                    figures.Add(($"lines.{line.Key()}.{json}",
                        e => e.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("line").GetString() == line.Key())
                            .Select(l => Number(l.GetProperty(json))).FirstOrDefault(),
                        r => get(r.Lines.Single(l => l.Line == line))));

            var tried = 0;
            foreach (var (what, read, truth) in figures)
            {
                var total = read(m)!.Value;
                var values = shown.Select(s => read(s) ?? 0m).ToList();
                for (var subset = 0; subset < 1 << values.Count; subset++)
                {
                    var rest = total - values.Where((_, i) => (subset & (1 << i)) != 0).Sum();
                    foreach (var secret in withheld.Where(w => truth(w) != 0m))
                    {
                        tried++;
                        Assert.False(Math.Abs(rest - Money.ToPence(truth(secret))) <= 0.02m,
                            $"{what}: the consortium's figure less shown members gives {secret.Scope.Name}'s own {truth(secret)}");
                    }
                }
            }
            Assert.True(tried > 20, $"only {tried} subtractions tried");
        }
    }

    private static decimal? Number(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDecimal() : null;
}
