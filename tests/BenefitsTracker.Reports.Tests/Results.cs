using System.Text.Json.Nodes;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Reports.Tests;

/// <summary>Real engine results the report tests render: the worked example, and the sample data's council and consortium.</summary>
public static class Results
{
    private static readonly Lazy<SavingsResult> WorkedResult = new(() => Worked(_ => { }));
    private static readonly Lazy<SavingsResult> SampleCouncilResult = new(() => SampleCouncil(_ => { }));
    private static readonly Lazy<SavingsResult> SampleConsortiumResult = new(() => SampleConsortium(_ => { }));

    /// <summary>Denbighshire's garden waste, tests/fixtures/worked-council (expected.json holds its figures).</summary>
    public static SavingsResult WorkedExampleResult => WorkedResult.Value;

    /// <summary>Conwy (W06000003), all three services, April 2023 to March 2025, with its share of the consortium's licence.</summary>
    public static SavingsResult SampleConwy => SampleCouncilResult.Value;

    /// <summary>The North Wales consortium of sample-data/, April 2023 to March 2025.</summary>
    public static SavingsResult SampleNorthWales => SampleConsortiumResult.Value;

    /// <summary>
    /// The result a scope of the output theories names: "worked" (the worked example), "council" or "council-streamed"
    /// (<see cref="SampleConwy"/>), "small-members" (<see cref="SmallMembers"/>: withheld members, hidden channel counts),
    /// anything else the sample consortium (<see cref="SampleNorthWales"/>).
    /// </summary>
    public static SavingsResult ForScope(string scope) => scope switch
    {
        "worked" => WorkedExampleResult,
        "council" or "council-streamed" => SampleConwy,
        "small-members" => SmallMembers,
        _ => SampleNorthWales,
    };

    private static readonly Lazy<SavingsResult> SmallMembersResult = new(SmallMembersConsortium);

    /// <summary>
    /// A consortium with a member below the suppression threshold (as ManifestWriterTests): Big (1,000
    /// transactions a month), Mid (200: 195 web and 5 post) and Tiny (4 web transactions in March 2024,
    /// 3 closed cases). Tiny is below 10, and Mid (with cases of its own, so that officer time has two
    /// withheld contributors) is withheld beside it, so that the consortium's totals cannot give Tiny away; each month's post (5) is below 10 and
    /// phone (300) is hidden beside it.
    /// Costs: Big's own licence, Tiny's own hosting and a shared licence split equally.
    /// </summary>
    public static SavingsResult SmallMembers => SmallMembersResult.Value;

    private static SavingsResult SmallMembersConsortium()
    {
        static CouncilBuilder Member(string code, string name, long baseline) =>
            new CouncilBuilder(code, name, 100_000, "c").VolumeEachMonth("bins", "phone", "2023-01", "2023-12", baseline);
        var data = new ConsortiumData("c", "Small members", [
            Member("W06000001", "Big", 1000)
                .VolumeEachMonth("bins", "web", "2024-01", "2024-12", 700).VolumeEachMonth("bins", "phone", "2024-01", "2024-12", 300)
                .ClosedEachMonth("bins", "2023-01", "2023-12", 3000m, 100).ClosedEachMonth("bins", "2024-01", "2024-12", 2350m, 100)
                .Cost("bins", "licence", "2024-01", "2024-12", 1200m).Build(),
            Member("W06000002", "Mid", 200)
                .VolumeEachMonth("bins", "web", "2024-01", "2024-12", 195).VolumeEachMonth("bins", "post", "2024-01", "2024-12", 5)
                .ClosedEachMonth("bins", "2023-01", "2023-12", 41m, 12).ClosedEachMonth("bins", "2024-01", "2024-12", 37m, 12).Build(),
            Member("W06000004", "Tiny", 3).Volume("bins", "web", "2024-03", 4)
                .Closed("bins", "2023-06", 130m, 2).Closed("bins", "2024-03", 57m, 3)
                .Cost("bins", "hosting", "2024-01", "2024-12", 642m).Build(),
        ], [CouncilBuilder.Line(null, "licence", "2024-01", "2024-12", 3300m)]);
        var assumptions = AssumptionSet.Parse("""
            { "version": "t", "unit_costs_gbp": { "post": 5.0 }, "officer_hourly_cost_gbp": { "default": 31.5 },
              "services": { "bins": { "go_live": "2024-01" } } }
            """);
        return SavingsEngine.ComputeConsortium(data, assumptions, new ReportRequest(new Core.Domain.Month(2024, 1), new Core.Domain.Month(2024, 12)),
            CouncilBuilder.NoLineage());
    }

    /// <summary>The worked example with its assumptions file edited first (e.g. a unit cost changed).</summary>
    public static SavingsResult Worked(Action<JsonNode> edit)
    {
        var (council, _, request) = WorkedExample.Load();
        return SavingsEngine.ComputeCouncil(council, null, Edited(WorkedExample.AssumptionsPath, edit), request, WorkedExample.Lineage());
    }

    public static SavingsResult SampleCouncil(Action<JsonNode> edit, string from = "2023-04", string to = "2025-03")
    {
        var consortium = SampleConsortiumData.Value;
        var council = consortium.Members.Single(m => m.Code == "W06000003");
        var request = new ReportRequest(Core.Domain.Month.Parse(from), Core.Domain.Month.Parse(to));
        return SavingsEngine.ComputeCouncil(council, consortium, Edited(SampleAssumptionsPath, edit), request, SampleLineage());
    }

    public static SavingsResult SampleConsortium(Action<JsonNode> edit)
    {
        var request = new ReportRequest(new Core.Domain.Month(2023, 4), new Core.Domain.Month(2025, 3));
        return SavingsEngine.ComputeConsortium(SampleConsortiumData.Value, Edited(SampleAssumptionsPath, edit), request, SampleLineage());
    }

    public static string RepoRoot { get; } = FindRepoRoot();
    public static string SampleDirectory => Path.Combine(RepoRoot, "sample-data");
    private static string SampleAssumptionsPath => Path.Combine(SampleDirectory, "assumptions.json");

    private static readonly Lazy<ConsortiumData> SampleConsortiumData =
        new(() => FixtureData.LoadConsortium(SampleDirectory, "north-wales", "North Wales"));

    private static Lineage SampleLineage()
    {
        var a = AssumptionSet.Parse(File.ReadAllBytes(SampleAssumptionsPath));
        return new Lineage(FixtureData.Inputs(SampleDirectory, "councils.csv", "events.csv", "cases.csv", "costs.csv"),
            a.Version, a.Sha256, "benefits 0.1.0 (tests)", new Core.Domain.Month(2022, 4), new Core.Domain.Month(2025, 3));
    }

    private static AssumptionSet Edited(string path, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        edit(node);
        return AssumptionSet.Parse(node.ToJsonString());
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BenefitsTracker.sln"))) return dir.FullName;
        throw new InvalidOperationException("BenefitsTracker.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fresh temporary folder, removed afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bt-reports-" + Guid.NewGuid().ToString("N"));
    public TempDir() => Directory.CreateDirectory(Path);
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// External programs some tests need: missing ones fail the test when CI or BENEFITS_REQUIRE_TOOLS
/// (set by scripts/test.sh) is set, and skip it (pass, with a note) otherwise.
/// </summary>
public static class Tools
{
    public static string? Find(string program, params string[] candidates)
    {
        foreach (var c in candidates) if (System.IO.File.Exists(c)) return c;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var p = System.IO.Path.Combine(dir, program);
            if (System.IO.File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>The variables that make a missing tool a failure rather than a skip.</summary>
    public static readonly string[] RequireVariables = ["CI", "BENEFITS_REQUIRE_TOOLS"];

    /// <summary>The variables (CI, BENEFITS_REQUIRE_TOOLS) that are set, named together ("CI and BENEFITS_REQUIRE_TOOLS"); null if none.</summary>
    public static string? Required()
    {
        var set = RequireVariables.Where(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v))).ToList();
        return set.Count == 0 ? null : string.Join(" and ", set);
    }

    /// <summary>The program's path; null (skip) when it is missing and no tool is required; a failure naming it when one is.</summary>
    public static string? Require(string program, string package, ITestOutputHelperLike output, params string[] candidates) =>
        Require(program, package, output, Required(), candidates);

    /// <summary>As above, with the decision made by the caller: <paramref name="required"/> names the variables that are set, or is null.</summary>
    public static string? Require(string program, string package, ITestOutputHelperLike output, string? required, params string[] candidates)
    {
        var path = Find(program, candidates);
        if (path is not null) return path;
        var message = $"{program} is not installed (apt-get install -y --no-install-recommends {package}); this test needs it.";
        if (required is { } variable) Assert.Fail(message + $" {variable} {(variable.Contains(" and ", StringComparison.Ordinal) ? "are" : "is")} " +
            $"set, so a missing tool is a failure.");
        output.WriteLine("SKIPPED: " + message);
        return null;
    }
}

/// <summary>Just the bit of xunit's output helper that <see cref="Tools"/> needs.</summary>
public interface ITestOutputHelperLike
{
    void WriteLine(string message);
}

public sealed class Output(Xunit.Abstractions.ITestOutputHelper inner) : ITestOutputHelperLike
{
    public void WriteLine(string message) => inner.WriteLine(message);
}
