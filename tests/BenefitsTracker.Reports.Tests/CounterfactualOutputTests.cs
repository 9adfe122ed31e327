using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Charts;
using BenefitsTracker.Reports.Manifest;
using BenefitsTracker.Reports.Workbook;
using BenefitsTracker.TestSupport;
using static BenefitsTracker.Reports.Tests.WorkbookAssert;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// "Would it have happened anyway?" in every output (issue 17): the page's section and chart (the
/// dashboard renders the same page), the workbook's Counterfactual sheet and named estimate, and
/// manifest.json's counterfactual keys, a consortium's leaving out the members it withholds.
/// The estimates are built by hand here: the estimator's accuracy is tested in Analytics.Tests.
/// </summary>
public sealed class CounterfactualOutputTests
{
    private const string Service = WorkedExample.Service, Council = WorkedExample.CouncilCode;

    /// <summary>An estimate by the council's time series (12 months before go-live, 6 after) and a refused peer comparison.</summary>
    private static IReadOnlyList<CounterfactualEstimate> Estimates(string council = Council, string service = Service)
    {
        var goLive = new Month(2024, 1);
        var months = Enumerable.Range(-12, 18).Select(i => goLive.AddMonths(i)).Select(m => m < goLive
            ? new CounterfactualMonth(m, 500 + m.Number, 498 + m.Number, null, null, false)
            : new CounterfactualMonth(m, 300, 480, 430, 530, true)).ToList();
        return
        [
            new CounterfactualEstimate
            {
                Council = council, Service = service, Method = CounterfactualEstimate.Its, GoLive = goLive,
                EstimatedDeadweight = 0.042m, DeadweightCi95 = new Interval(0.01m, 0.08m), UnboundedDeadweight = 0.042m,
                EffectTransactions = -1080.5m, EffectCi95 = new Interval(-1300.2m, -850.7m), MonthsBefore = 12, MonthsAfter = 6,
                AssumedDeadweight = 0.2m, Model = "a test model", Resampling = "test blocks", Months = months,
            },
            new CounterfactualEstimate
            {
                Council = council, Service = service, Method = CounterfactualEstimate.Peers, GoLive = goLive,
                Refused = "no other council in a consortium with this service to compare with", MonthsBefore = 12, MonthsAfter = 6,
                AssumedDeadweight = 0.2m,
            },
        ];
    }

    private static SavingsResult Worked(bool estimated)
    {
        var (council, _, request) = WorkedExample.Load();
        var json = JsonNode.Parse(File.ReadAllText(WorkedExample.AssumptionsPath))!;
        if (estimated) json["adjustments"]!["deadweight"] = "estimated";
        var estimates = Estimates();
        var assumptions = AssumptionSet.Parse(json.ToJsonString());
        if (estimated)
            assumptions = assumptions.WithDeadweightEstimates(new Dictionary<(string, string), DeadweightEstimate>
            {
                [(Council, Service)] = new(0.042m, "the council's own time series, over 6 months after go-live"),
            });
        return SavingsEngine.ComputeCouncil(council, null, assumptions, request, WorkedExample.Lineage()) with { Counterfactual = estimates };
    }

    [Fact]
    public void In_Welsh_the_finding_is_in_Welsh_and_the_engines_English_reason_is_marked_as_English()
    {
        // Decoded: the encoder writes "â" as a character reference; the tags stay.
        var html = WebUtility.HtmlDecode(ReportPage.Render(Worked(estimated: false), pageTop: null, Localisation.ReportLanguage.Cy));
        Assert.Contains("A fyddai wedi digwydd beth bynnag?", html, StringComparison.Ordinal);
        Assert.Contains("Cyfres amser y cyngor ei hun: amcangyfrifir y byddai 4.2% o'r symudiad", html, StringComparison.Ordinal);
        // The refusal's reason is the engine's English (docs/reports.md): marked so that a screen reader reads it as English (WCAG 3.1.2).
        Assert.Contains("Y gymhariaeth â chymheiriaid: nid oedd modd ei hamcangyfrif " +
            "(<span lang=\"en-GB\">no other council in a consortium with this service to compare with</span>).", html, StringComparison.Ordinal);
        Assert.DoesNotContain("could not estimate it", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_says_it_in_plain_english_with_the_chart_and_its_data()
    {
        var html = ReportPage.Render(Worked(estimated: false), pageTop: null); // what the dashboard serves, and report.html
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Would it have happened anyway?", text);
        Assert.Contains("The council's own time series estimates that 4.2% of the observed shift would have happened anyway (95% interval 1.0% to " +
            "8.0%), against the assumed 20.0%", text);
        Assert.Contains("1,081 fewer offline transactions than projected without the service (95% interval 1,300 fewer to 851 fewer)", text);
        Assert.Contains("The comparison with peers could not estimate it: no other council in a consortium with this service to compare with.", text);
        Assert.Contains($"aria-labelledby=\"fig-{CounterfactualCharts.Stem(Service)}-caption\"", html);
        Assert.Contains("95% band high", text);
        Assert.DoesNotContain("The figures in this report use the deadweight", text); // an assumed number: nothing to say
    }

    [Fact]
    public void Where_the_file_asks_for_the_estimate_the_page_says_which_deadweight_the_figures_use()
    {
        var r = Worked(estimated: true);
        var text = WebUtility.HtmlDecode(ReportPage.Render(r, pageTop: null));
        Assert.Contains(
            "The figures in this report use the deadweight estimated (the council's own time series, over 6 months after go-live): 4.2%.", text);
        // And the engine used it: adjusted = gross × (1 − 0.042) × attribution × (1 − optimism bias).
        var a = r.Services.Single().Assumptions.Adjustments;
        Assert.Equal(0.042m, a.Deadweight);
        Assert.InRange(r.Lines.Sum(l => l.Gross) * a.Factor - r.Totals.AdjustedBenefit, -0.01m, 0.01m);
        var assumed = Worked(estimated: false);
        Assert.Equal(0.2m, assumed.Services.Single().Assumptions.Adjustments.Deadweight);
        Assert.InRange(assumed.Totals.AdjustedBenefit * (1 - 0.042m) / (1 - 0.2m) - r.Totals.AdjustedBenefit, -0.01m, 0.01m);
    }

    [Fact]
    public void The_chart_draws_observed_and_projected_with_the_band_and_its_data_as_a_table()
    {
        var chart = CounterfactualCharts.Build(Worked(estimated: false)).Single();
        Assert.Equal("counterfactual-garden-waste", chart.Stem);
        Assert.Equal(18, chart.Rows.Count);
        Assert.Equal(["Jan 2024", "300", "480", "430", "530", "after"], chart.Rows[12]);
        Assert.Equal("", chart.Rows[0][3]); // no band before go-live
        Assert.Contains("go-live January 2024 marked", chart.AltText);
        Assert.Contains("1,800 offline transactions were observed against 2,880 projected", chart.AltText);
        Assert.True(chart.Png.Length > 1000);
    }

    [Fact]
    public void The_workbook_holds_the_series_and_a_named_estimate_the_deadweight_can_point_at()
    {
        using var dir = new TempDir();
        using (var wb = WriteAndRecalculate(Worked(estimated: false), dir))
        {
            var ws = wb.Worksheet(CounterfactualSheet.SheetName);
            Assert.Equal(0.042, Convert.ToDouble(Named(wb, CounterfactualSheet.Name(Service)), CultureInfo.InvariantCulture), 12);
            Assert.Contains(ws.CellsUsed(), c => c.GetString() == "Model: a test model");
            Assert.Contains(ws.CellsUsed(), c => c.GetString().Contains("no other council in a consortium", StringComparison.Ordinal));
            // An assumed number: the deadweight cell is not pointed at the estimate.
            Assert.DoesNotContain("estimated_deadweight", NamedCell(wb, "garden_waste_deadweight").FormulaA1, StringComparison.Ordinal);
        }
        using var dir2 = new TempDir();
        using var estimated = WriteAndRecalculate(Worked(estimated: true), dir2);
        var cell = NamedCell(estimated, "garden_waste_deadweight");
        Assert.Equal(CounterfactualSheet.Name(Service), cell.FormulaA1);
        Assert.Equal(0.042, Convert.ToDouble(cell.Value, CultureInfo.InvariantCulture), 12);
        Headlines(estimated, Worked(estimated: true)); // the workbook's figures still equal the engine's, to the penny
    }

    [Fact]
    public void The_manifest_has_the_keys_spec_md_names_and_the_refusal_reason()
    {
        using var dir = new TempDir();
        var path = dir.File("manifest.json");
        ManifestWriter.Write(Worked(estimated: false), path, DateTimeOffset.UnixEpoch);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var entries = doc.RootElement.GetProperty("counterfactual").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        var its = entries.Single(e => e.GetProperty("method").GetString() == "its");
        Assert.Equal(["service", "method", "estimated_deadweight", "ci95", "effect_transactions", "effect_ci95", "months_before", "months_after",
            "assumed_deadweight"],
            its.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.042m, its.GetProperty("estimated_deadweight").GetDecimal());
        Assert.Equal([0.01m, 0.08m], its.GetProperty("ci95").EnumerateArray().Select(v => v.GetDecimal()));
        Assert.Equal(-1080.5m, its.GetProperty("effect_transactions").GetDecimal());
        Assert.Equal(12, its.GetProperty("months_before").GetInt32());
        Assert.Equal(6, its.GetProperty("months_after").GetInt32());
        var peers = entries.Single(e => e.GetProperty("method").GetString() == "peers");
        Assert.Equal(["service", "method", "refused"], peers.EnumerateObject().Select(p => p.Name));
        Assert.Contains("no other council", peers.GetProperty("refused").GetString());
    }

    [Fact]
    public void A_consortium_shows_no_estimate_of_a_member_it_withholds_and_no_member_chart()
    {
        var r = Results.SmallMembers with
        {
            Counterfactual = [.. new[] { "W06000001", "W06000002", "W06000004" }.SelectMany(c => Estimates(c, "bins"))],
        };
        using var dir = new TempDir();
        var path = dir.File("manifest.json");
        ManifestWriter.Write(r, path, DateTimeOffset.UnixEpoch);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var councils = doc.RootElement.GetProperty("counterfactual").EnumerateArray().Select(e => e.GetProperty("council").GetString())
            .Distinct().ToList();
        Assert.Equal(["W06000001"], councils); // Mid and Tiny are withheld

        Assert.Empty(CounterfactualCharts.Build(r));
        var text = WebUtility.HtmlDecode(ReportPage.Render(r, pageTop: null));
        Assert.Contains("Would it have happened anyway?", text);
        Assert.Contains("Big (W06000001), Bins", text); // the service by its name (no name given: its slug made readable)
        Assert.DoesNotContain("Tiny (W06000004), Bins", text);
        Assert.DoesNotContain("Mid (W06000002), Bins", text);
        Assert.Contains("The estimates of 2 member councils are withheld", text);
    }
}
