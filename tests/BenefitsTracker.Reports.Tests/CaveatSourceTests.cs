using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Reports.Tests;

/// <summary>The caveats say where each unit cost came from: the default and its source, or the file and version that set it.</summary>
public sealed class CaveatSourceTests
{
    private static string Page(string assumptionsJson, string? file)
    {
        var council = new CouncilBuilder("W06000001", "One", 100_000)
            .VolumeEachMonth("bins", "phone", "2023-01", "2023-12", 100)
            .VolumeEachMonth("bins", "web", "2024-01", "2024-12", 60).VolumeEachMonth("bins", "phone", "2024-01", "2024-12", 40).Build();
        var lineage = CouncilBuilder.NoLineage("v2") with { AssumptionsFile = file };
        var r = SavingsEngine.ComputeCouncil(council, null, AssumptionSet.Parse(assumptionsJson), new ReportRequest(new Month(2024, 1), new Month(2024, 12)), lineage);
        using var dir = new TempDir();
        ReportWriter.WriteAll(r, dir.Path);
        return System.Net.WebUtility.HtmlDecode(File.ReadAllText(dir.File("report.html")));
    }

    [Fact]
    public void A_unit_cost_set_by_the_file_is_credited_to_the_file_not_to_Socitm()
    {
        var html = Page("""{ "version": "v2", "unit_costs_gbp": { "phone": 4.00 }, "services": { "bins": { "go_live": "2024-01" } } }""", "my-costs.json");
        Assert.Contains("phone £4.00 is set by unit_costs_gbp.phone in the assumptions file my-costs.json (version v2)", html, StringComparison.Ordinal);
        Assert.Contains("web £0.15 and face to face £8.62 are the defaults (Socitm Channel Value Benchmarking", html, StringComparison.Ordinal);
        Assert.DoesNotContain("phone £2.83", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_alone_are_credited_to_Socitm()
    {
        var html = Page("""{ "version": "v2", "services": { "bins": { "go_live": "2024-01" } } }""", null);
        Assert.Contains("web £0.15, phone £2.83 and face to face £8.62 are the defaults (Socitm Channel Value Benchmarking", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is set by", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_override_names_its_own_key()
    {
        var html = Page("""{ "version": "v2", "services": { "bins": { "go_live": "2024-01", "unit_costs_gbp": { "phone": 3.10 } } } }""", "a.json");
        Assert.Contains("phone £3.10 is set by services.bins.unit_costs_gbp.phone in the assumptions file a.json (version v2)", html, StringComparison.Ordinal);
    }
}
