using System.Globalization;
using System.Text.Json;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Manifest;
using BenefitsTracker.Reports.Workbook;
using BenefitsTracker.TestSupport;
using Xunit.Abstractions;
using static BenefitsTracker.Reports.Tests.WorkbookAssert;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// Real terms in every output: manifest.json's "real", the page's nominal-and-real table, and the workbook's real
/// figures as live formulas over a named deflator table, recalculated by ClosedXML and LibreOffice to the engine's pence.
/// The worked example with a two-year horizon and the made-up round-number series of tests/fixtures/green-book.
/// </summary>
public sealed class RealTermsOutputTests(ITestOutputHelper output)
{
    private static readonly Lazy<SavingsResult> RealResult = new(() => Compute("\"appraisal_years\": 2,"));

    private static SavingsResult Compute(string keys)
    {
        var (council, _, request) = WorkedExample.Load();
        var json = File.ReadAllText(WorkedExample.AssumptionsPath);
        var brace = json.IndexOf('{', StringComparison.Ordinal);
        var series = WorkedExample.TestDeflators();
        var set = AssumptionSet.Parse(json[..(brace + 1)] + keys + json[(brace + 1)..]).WithDeflators(series);
        return SavingsEngine.ComputeCouncil(council, null, set, request, WorkedExample.Lineage());
    }

    private static readonly (string Name, string Label, Func<RealFigures, decimal> Figure)[] Figures =
    [
        (GreenBookSheet.RealAdjusted, "Adjusted benefit, real terms", f => f.AdjustedBenefit),
        (GreenBookSheet.RealCosts, "Costs, real terms", f => f.Costs),
        (GreenBookSheet.RealNet, "Net benefit, real terms", f => f.NetBenefit),
        (GreenBookSheet.RealNpv, "NPV, real terms", f => f.Npv),
    ];

    [Fact]
    public void Manifest_states_the_real_figures_at_the_price_base()
    {
        var real = RealResult.Value.Appraisal!.Real!;
        using var doc = JsonDocument.Parse(ManifestWriter.ToUtf8(RealResult.Value, DateTimeOffset.UnixEpoch));
        var node = doc.RootElement.GetProperty("real");
        Assert.Equal("2025-26", node.GetProperty("price_base").GetString());
        Assert.Equal(Core.Domain.Money.ToPence(real.AdjustedBenefit), node.GetProperty("adjusted_benefit_gbp").GetDecimal());
        Assert.Equal(25876.34m, node.GetProperty("adjusted_benefit_gbp").GetDecimal()); // by hand, tests/fixtures/green-book/README.md
        Assert.Equal(6327.78m, node.GetProperty("costs_gbp").GetDecimal());
        Assert.Equal(Core.Domain.Money.ToPence(real.Npv), node.GetProperty("npv_gbp").GetDecimal());
    }

    [Fact]
    public void Workbook_real_figures_are_formulas_over_the_named_deflator_table()
    {
        var r = RealResult.Value;
        using var dir = new TempDir();
        using var wb = WriteAndRecalculate(r, dir);
        foreach (var (name, label, figure) in Figures) Pence(figure(r.Appraisal!.Real!), Named(wb, name), $"ClosedXML: {label}");
        Assert.Equal("2025-26", Named(wb, GreenBookSheet.PriceBase).ToString());
        var indexCell = wb.Worksheet(GreenBookSheet.SheetName)
            .CellsUsed(c => c.FormulaA1.Contains("deflator_index", StringComparison.Ordinal)).First();
        Assert.Contains("MATCH(price_base,deflator_years,0)", indexCell.FormulaA1, StringComparison.Ordinal);

        // Restating at another base is the reader's to do: change price_base and every real figure follows.
        var priceBase = NamedCell(wb, GreenBookSheet.PriceBase);
        priceBase.Value = "2024-25";
        wb.RecalculateAllFormulas();
        Pence(6074.67m, Named(wb, GreenBookSheet.RealCosts), "real costs at 2024-25 prices (by hand)");
    }

    [Fact]
    public void Page_shows_nominal_and_real_side_by_side_and_says_why_when_real_is_withheld()
    {
        using var dir = new TempDir();
        ReportWriter.WriteAll(RealResult.Value, dir.Path);
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.html")));
        Assert.Contains("Nominal and real (2025-26 prices) figures side by side", html, StringComparison.Ordinal);
        Assert.Contains("£25,876.34", html, StringComparison.Ordinal);

        using var plain = new TempDir();
        ReportWriter.WriteAll(Results.WorkedExampleResult, plain.Path);
        var text = System.Net.WebUtility.HtmlDecode(File.ReadAllText(plain.File("report.html")));
        Assert.Contains("Real terms are not stated, because no GDP deflator series was given", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cumulative_chart_sets_the_projected_months_apart_from_the_observed_ones()
    {
        var r = RealResult.Value;
        var chart = Charts.ReportCharts.Build(r).Single(c => c.Stem == "cumulative");
        var projected = r.Appraisal!.Horizon!.ProjectedMonths;
        Assert.Equal(r.Months.Count + projected.Count, chart.Rows.Count);
        Assert.All(chart.Rows.Take(r.Months.Count), row => Assert.DoesNotContain("projected", row[0], StringComparison.Ordinal));
        Assert.All(chart.Rows.Skip(r.Months.Count), row => Assert.EndsWith("(projected)", row[0], StringComparison.Ordinal));
        Assert.Contains($"The {projected.Count} months from July 2025 to December 2025 are projected, not measured", chart.AltText,
            StringComparison.Ordinal);
        Assert.Contains("Projected benefit", chart.Svg, StringComparison.Ordinal);

        // Without a horizon, the observed months only, as before.
        var plain = Charts.ReportCharts.Build(Results.WorkedExampleResult).Single(c => c.Stem == "cumulative");
        Assert.Equal(Results.WorkedExampleResult.Months.Count, plain.Rows.Count);
    }

    [Fact]
    public async Task LibreOffice_recalculates_the_real_figures_to_the_same_pence()
    {
        var soffice = Tools.Require("soffice", "libreoffice-calc-nogui", new Output(output), "/usr/bin/soffice");
        if (soffice is null) return;
        var r = RealResult.Value;
        using var dir = new TempDir();
        var outDir = await LibreOfficeRoundTripTests.RecalculateStrippedAsync(soffice, r, dir, output);
        var sheet = LibreOfficeRoundTripTests.Csv(Path.Combine(outDir, "stripped-Green Book.csv"));
        foreach (var (_, label, figure) in Figures)
        {
            var text = sheet.First(row => row.Count > 1 && row[0] == label)[1];
            Pence(figure(r.Appraisal!.Real!), double.Parse(text, CultureInfo.InvariantCulture), $"LibreOffice: {label}");
        }
    }
}
