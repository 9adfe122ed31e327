using System.Text.Json;

namespace BenefitsTracker.Cli.Tests;

/// <summary>`benefits demo`, the README's main command: every council's and the consortium's reports from sample-data/.</summary>
public sealed class DemoTests
{
    private static readonly string[] Councils = ["W06000001", "W06000002", "W06000003", "W06000004"];

    private static string SampleData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "sample-data", "councils.csv"))) return Path.Combine(dir.FullName, "sample-data");
        throw new DirectoryNotFoundException("sample-data/ not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Demo_writes_every_report_for_every_council_and_the_consortium()
    {
        var work = CliRunner.TempDir();
        var run = CliRunner.Benefits(work, "demo", "--out", "reports/demo", "--sample-data", SampleData());
        Assert.True(run.ExitCode == 0, run.ToString());
        // The terminal writes months and signs as the reports do: "payback June 2024", a true minus sign.
        Assert.Matches(@"; payback ((January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|not within the " +
            @"period)", run.Stdout);
        Assert.DoesNotMatch(@"payback \d{4}-\d\d", run.Stdout);
        Assert.DoesNotMatch(@"ROI -\d", run.Stdout);
        var demo = Path.Combine(work, "reports", "demo");

        var folders = Councils.Select(c => Path.Combine(demo, "councils", c)).Append(Path.Combine(demo, "consortia", "north-wales")).ToList();
        foreach (var folder in folders)
        {
            foreach (var f in new[] { "manifest.json", "report.html", "savings.xlsx" })
                Assert.True(new FileInfo(Path.Combine(folder, f)).Length > 500, $"{folder}/{f} is missing or nearly empty");
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "charts"), "*.png"));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "charts"), "*.svg"));
        }

        // Each council saves money in the sample: the channel shift is real and print falls away.
        var members = Councils.Select(c => Manifest(Path.Combine(demo, "councils", c))).ToList();
        foreach (var m in members)
        {
            Assert.Equal("2023-04", m.GetProperty("from").GetString());
            Assert.Equal("2025-03", m.GetProperty("to").GetString());
            Assert.True(m.GetProperty("totals").GetProperty("adjusted_benefit_gbp").GetDecimal() > 0);
            Assert.Equal(24, m.GetProperty("months").GetArrayLength());
        }

        // The consortium is the sum of its members, and its shared licence is fully apportioned.
        var consortium = Manifest(Path.Combine(demo, "consortia", "north-wales"));
        foreach (var figure in new[] { "adjusted_benefit_gbp", "gross_benefit_gbp", "costs_gbp" })
        {
            var sum = members.Sum(m => m.GetProperty("totals").GetProperty(figure).GetDecimal());
            var total = consortium.GetProperty("totals").GetProperty(figure).GetDecimal();
            Assert.True(Math.Abs(sum - total) <= 0.01m * members.Count, $"{figure}: members add to {sum}, consortium says {total}");
        }
        Assert.Equal(members.Sum(m => m.GetProperty("totals").GetProperty("transactions").GetInt64()),
            consortium.GetProperty("totals").GetProperty("transactions").GetInt64());
        Assert.Equal(4, consortium.GetProperty("comparison").GetProperty("members").GetArrayLength());

        var index = File.ReadAllText(Path.Combine(demo, "index.html"));
        foreach (var c in Councils) Assert.Contains($"councils/{c}/report.html", index, StringComparison.Ordinal);
        Assert.Contains("consortia/north-wales/report.html", index, StringComparison.Ordinal);
        // Payback as the reports write it ("April 2024"), never "2024-04"; money with a true minus; no page-wide scrolling.
        Assert.DoesNotMatch(@"<td>\d{4}-\d{2}</td>", index);
        Assert.Matches(@"<td>(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}</td>|<td>" +
            @"not within the period</td>", index);
        Assert.DoesNotContain("-£", index, StringComparison.Ordinal);
        Assert.Contains("class=\"scroll\"", index, StringComparison.Ordinal);
    }

    private static JsonElement Manifest(string folder) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json"))).RootElement.Clone();
}
