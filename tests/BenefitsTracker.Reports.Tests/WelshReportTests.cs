using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BenefitsTracker.Analytics.Counterfactual;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.TestSupport;
using BenefitsTracker.Tests.Shared;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// Welsh-language reports (issue 15): one resource set, every key in both languages, no English left in the Welsh page,
/// and en+cy written side by side with links between them. (axe on the Welsh page: HtmlReportTests, per language.)
/// </summary>
public class WelshReportTests
{
    public static TheoryData<string> Scopes => HtmlReportTests.Scopes;

    private static SavingsResult For(string scope) => Results.ForScope(scope);

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
        foreach (var term in new[] { "arbedion", "budd wedi'i addasu", "sianeli digidol", "gwasanaeth digidol", "effaith farw", "arian parod",
            "llinell sylfaen" })
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
        var unused = ReportText.En.Keys.Where(k => !literals.Contains(k)
            && !prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).Order().ToList();
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

        Assert.Empty(EnglishLeft(text));

        // The page's figures are the same as the English page's: numbers and money are written alike.
        Assert.Contains(Formatting.Fmt.Money(r.Totals.AdjustedBenefit), text, StringComparison.Ordinal);
        Assert.Contains(Formatting.Fmt.Money(r.Totals.NetBenefit), text, StringComparison.Ordinal);
        if (r.Totals.PaybackMonth is { } pm) Assert.Contains(ReportText.Cy.MonthLong(pm), text, StringComparison.Ordinal);
        Assert.Contains("Y prif ffigurau", text, StringComparison.Ordinal);
    }

    private static string PageText(string raw) => WelshCheck.PageText(raw);

    /// <summary>Fragments (two words, 8 characters or more) of English of a key that differs in Welsh, found in <paramref name="text"/>.</summary>
    private static List<string> EnglishLeft(string text) => WelshCheck.EnglishLeft(text, minLength: 8, minWords: 2);

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
        Assert.Contains("<a href=\"report.cy.html\" hreflang=\"cy\" lang=\"cy\">Darllenwch yr adroddiad hwn yn Gymraeg</a>", en,
            StringComparison.Ordinal);
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

    // ---- The engine's own sentences (refusals, notes on bounds, where a deadweight came from, why real terms are withheld) ----

    private const string Service = WorkedExample.Service;
    private static readonly Month First = new(2022, 4);

    /// <summary>A council's garden-waste volumes by month from April 2022: (phone, web) per month.</summary>
    private static CouncilData Council(string code, IEnumerable<(long Offline, long Web)> months) => new(
        code, code, 100_000, "c",
        [.. months.SelectMany((v, i) => new[]
        {
            new ChannelVolume(Service, "phone", First.AddMonths(i), v.Offline, 0, 0),
            new ChannelVolume(Service, "web", First.AddMonths(i), v.Web, 0, 0),
        }).Where(v => v.Completed > 0 || v.Channel == "web")],
        [], [], [], []);

    /// <summary>A steady, gently growing series with a season, half of its offline share moving online from month <paramref
    /// name="shiftFrom"/>.</summary>
    private static IEnumerable<(long, long)> Steady(int months, int shiftFrom) => Enumerable.Range(0, months).Select(i =>
    {
        var demand = 1000 * (1 + 0.01 * i) * (1 + 0.2 * Math.Cos(2 * Math.PI * ((First.Number - 1 + i) % 12) / 12)) + (i * 37 % 11) * 5;
        var offline = i >= shiftFrom ? 0.5 * demand : 0.8 * demand;
        return ((long)offline, (long)(demand - offline));
    });

    /// <summary>
    /// The estimator's refusals on a consortium built to refuse for many reasons: two members that launched in the same
    /// month (each one's peer launched with it), one with 11 months before go-live, one with no offline channel, one
    /// with three spring months a yearly harmonic cannot follow, one of pure noise; and a council with no consortium.
    /// </summary>
    private static IReadOnlyList<CounterfactualEstimate> RefusingEstimates()
    {
        CouncilData[] members =
        [
            Council("W06000004", Steady(36, 24)), Council("W06000001", Steady(36, 24)),
            Council("W06000002", Steady(36, 11)),
            Council("W06000003", Steady(36, 24).Select(v => (0L, v.Item1 + v.Item2))),
            Council("W06000005", Enumerable.Range(0, 36).Select(i =>
            {
                var spring = (First.Number - 1 + i) % 12 + 1 is 2 or 3 or 4;
                var offline = (spring ? 1200L : 150L) + i % 3 * 7;
                return (i >= 12 ? offline / 2 : offline, spring ? 300L : 40L);
            })),
            Council("W06000006", Enumerable.Range(0, 36).Select(i =>
            {
                var offline = 1000L + (i * 37 % 23 - 11) * 20;
                return (i >= 24 ? offline / 2 : offline, i >= 24 ? 200L + offline / 2 : 200L);
            })),
            Council("W06000008", Steady(36, 24)), // live from its second month: one month of data before go-live
        ];
        var assumptions = AssumptionSet.Parse($$"""
            { "version": "welsh-refusals", "unit_costs_gbp": {"web": 0.15, "phone": 2.83}, "digital_channels": ["web"],
              "adjustments": {"deadweight": 0.1},
              "services": { "{{Service}}": { "go_live": "2024-04", "baseline": {"from": "2022-04", "to": "2023-03"} } },
              "councils": { "W06000002": { "services": { "{{Service}}": { "go_live": "2023-03" } } },
                            "W06000005": { "services": { "{{Service}}": { "go_live": "2023-04" } } },
                            "W06000008": { "services": { "{{Service}}": { "go_live": "2022-05" } } } } }
            """);
        var request = new ReportRequest(First, First.AddMonths(35));
        var options = new CounterfactualOptions { Resamples = 50 };
        var consortium = new ConsortiumData("c", "Refusing", members, []);
        return
        [
            .. CounterfactualEstimator.ForConsortium(consortium, assumptions, request, options),
            .. CounterfactualEstimator.ForCouncil(Council("W06000007", Steady(36, 24)), null, assumptions, request, options),
        ];
    }

    private static readonly Lazy<IReadOnlyList<CounterfactualEstimate>> Refusing = new(RefusingEstimates);

    [Fact]
    public void Every_refusal_of_the_estimator_reads_in_Welsh_and_its_English_rendering_is_the_engines_own_sentence()
    {
        var refused = Refusing.Value.Where(e => e.Refused is not null).ToList();
        // The scenario is meant to refuse for each of these reasons: if one went missing the test would prove less.
        Assert.Superset(
            new HashSet<string> { "refused.all_peers_launched", "refused.too_few_before", "refused.no_offline", "refused.its_misfit_harmonic",
            "refused.its_no_better", "refused.no_other_council" }, refused.Select(e => e.RefusedReason!.Code).ToHashSet());
        foreach (var e in refused)
        {
            Assert.Equal(e.Refused, CoreText.Render(e.RefusedReason!, ReportText.En)); // the English page reads as before
            var welsh = CoreText.Render(e.RefusedReason!, ReportText.Cy);
            Assert.NotEqual(e.Refused, welsh);
            Assert.Empty(EnglishLeft(welsh));
        }
        var launched = refused.First(e => e.RefusedReason!.Code == "refused.all_peers_launched");
        Assert.Equal(
            "roedd pob cymar wedi lansio'r gwasanaeth (neu nid oes ganddo ddata) yn y misoedd ar ôl mynd yn fyw, felly nid oes yr un ar ôl i " +
            "gymharu ag ef", CoreText.Render(launched.RefusedReason!, ReportText.Cy));
        // A month in a Welsh reason is written in Welsh; in English as the engine writes it.
        var early = refused.First(e => e.RefusedReason!.Code == "refused.too_few_before");
        Assert.Contains("(Mawrth 2023)", CoreText.Render(early.RefusedReason!, ReportText.Cy), StringComparison.Ordinal);
        Assert.Contains("(2023-03)", early.Refused, StringComparison.Ordinal);
        // One month before go-live is "1 month", in the engine's sentence and the resource's alike (the loop above: equal).
        var one = refused.First(e => e.Council == "W06000008" && e.RefusedReason!.Code == "refused.too_few_before");
        Assert.StartsWith("1 month of data before go-live (2022-05)", one.Refused, StringComparison.Ordinal);
        Assert.StartsWith("1 mis o ddata", CoreText.Render(one.RefusedReason!, ReportText.Cy), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.03, -0.26, 0.06)]
    [InlineData(0.9, 0.7, 1.2)]
    [InlineData(1.3, 0.8, 1.6)]
    [InlineData(0.2, -0.1, 1.1)]
    public void A_note_on_an_estimates_bounds_reads_in_Welsh_and_in_English_as_the_engine_writes_it(double estimate, double low, double high)
    {
        var e = new CounterfactualEstimate
        {
            Council = "W06000004", Service = Service, Method = CounterfactualEstimate.Its, MonthsBefore = 24, MonthsAfter = 12,
                AssumedDeadweight = 0.1m,
            DeadweightNote = CounterfactualEstimator.BoundsNote(estimate, low, high),
            DeadweightNotes = CounterfactualEstimator.BoundsNotes(estimate, low, high),
        };
        Assert.NotNull(e.DeadweightNote);
        Assert.Equal(e.DeadweightNote, CoreText.BoundsNote(e, ReportText.En));
        var welsh = CoreText.BoundsNote(e, ReportText.Cy)!;
        Assert.Empty(EnglishLeft(welsh));
        Assert.True(char.IsUpper(welsh[0]) && welsh.EndsWith('.'), welsh);
    }

    /// <summary>The worked example, asking for the estimated deadweight, with the estimator's refusals and an estimate on its page.</summary>
    private static SavingsResult WorkedWith(DeadweightEstimate estimate, IReadOnlyList<CounterfactualEstimate> estimates,
        Action<JsonNode>? edit = null)
    {
        var (council, _, request) = WorkedExample.Load();
        var json = JsonNode.Parse(File.ReadAllText(WorkedExample.AssumptionsPath))!;
        json["adjustments"]!["deadweight"] = "estimated";
        edit?.Invoke(json);
        var assumptions = AssumptionSet.Parse(json.ToJsonString())
            .WithDeadweightEstimates(new Dictionary<(string, string), DeadweightEstimate> { [(WorkedExample.CouncilCode, Service)] = estimate });
        return SavingsEngine.ComputeCouncil(council, null, assumptions, request, WorkedExample.Lineage()) with { Counterfactual = estimates };
    }

    [Fact]
    public void The_Welsh_page_gives_the_engines_refusals_notes_and_sources_in_Welsh_with_no_English_span_left()
    {
        var all = Refusing.Value;
        // On the worked example's page: every refused estimate of the scenario (under its own council), the worked council's
        // estimate with a note on its bounds, and the deadweight source of both kinds (no estimate could be made; estimated).
        var ours = all.Where(e => e.Council == WorkedExample.CouncilCode).ToList();
        var estimated = ours.First(e => e.Refused is null) with
        {
            DeadweightNote = CounterfactualEstimator.BoundsNote(0.2, -0.1, 1.1),
                DeadweightNotes = CounterfactualEstimator.BoundsNotes(0.2, -0.1, 1.1),
        };
        var shown = all.Where(e => e.Refused is not null).Append(estimated).ToList();
        var refusedHere = all.Where(e => e.Council == "W06000003").Select(e => e with { Council = WorkedExample.CouncilCode }).ToList();
        SavingsResult[] results =
        [
            WorkedWith(DeadweightEstimate.Refused(refusedHere), shown),
            WorkedWith(DeadweightEstimate.From(estimated), shown),
        ];
        foreach (var r in results)
        {
            Assert.Null(r.Appraisal!.Real); // no deflator series: the page says why real terms are not stated
            var raw = ReportPage.Render(r, pageTop: null, ReportLanguage.Cy);
            var text = PageText(raw);
            Assert.Empty(EnglishLeft(text));
            // No part of the page is marked as English: every sentence of the engine's is in Welsh.
            Assert.DoesNotContain("lang=\"en-GB\"", raw, StringComparison.Ordinal);
            Assert.Contains("Mae'r ffigurau yn yr adroddiad hwn yn defnyddio'r effaith farw: ", text, StringComparison.Ordinal);
            Assert.Contains("Ni nodir termau real, oherwydd: ni roddwyd cyfres o ddatchwyddwyr CMC.", text, StringComparison.Ordinal);
            Assert.Contains("Dangosir pen isaf y cyfwng (-10.0%) fel 0%, gan na all cyfran fod yn is na hynny; dangosir pen uchaf", text,
                StringComparison.Ordinal);
            // The English page keeps the engine's English word for word.
            var english = PageText(ReportPage.Render(r, pageTop: null, ReportLanguage.En));
            foreach (var e in shown.Where(e => e.Refused is not null)) Assert.Contains(e.Refused!, english, StringComparison.Ordinal);
            Assert.Contains(estimated.DeadweightNote!, english, StringComparison.Ordinal);
            Assert.Contains($"The figures in this report use the deadweight {r.Services.Single().Assumptions.DeadweightSource}.", english,
                StringComparison.Ordinal);
            Assert.Contains("Real terms are not stated, because no GDP deflator series was given.", english, StringComparison.Ordinal);
        }
        Assert.Contains("gofynnwyd am ei hamcangyfrif, ond nid oedd modd gwneud amcangyfrif (cyfres amser y cyngor ei hun: dim sianel all-lein",
            PageText(ReportPage.Render(results[0], pageTop: null, ReportLanguage.Cy)), StringComparison.Ordinal);
        Assert.Equal(CounterfactualEstimate.Its, estimated.Method); // its peers all launched with it
        Assert.Contains($"wedi'i hamcangyfrif (cyfres amser y cyngor ei hun, dros {estimated.MonthsAfter} mis ar ôl mynd yn fyw, cyfwng 95%",
            PageText(ReportPage.Render(results[1], pageTop: null, ReportLanguage.Cy)), StringComparison.Ordinal);
    }
}
