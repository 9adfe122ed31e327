namespace BenefitsTracker.Cli.Tests;

/// <summary>
/// `--language en|cy|en+cy` on `benefits report` and `benefits demo` (issue 15): the Welsh page (report.cy.html), both with
/// links between them, the summary in Welsh, and a language the reports do not have refused as a usage error.
/// </summary>
public sealed class LanguageOptionTests
{
    private static readonly Lazy<(string Work, string Db)> Store = new(CliRunner.IngestWorkedExample);

    private static (CliRunner.Run Run, string Out) Report(params string[] args)
    {
        var output = Path.Combine(Store.Value.Work, "out-" + Guid.NewGuid().ToString("N"));
        return (CliRunner.Benefits(Store.Value.Work, ["report", "--council", "W06000004", "--from", "2024-01", "--to", "2024-12", .. args,
            "--out", output, "--db", Store.Value.Db]), output);
    }

    [Fact]
    public void Language_cy_writes_the_Welsh_page_and_charts_and_a_Welsh_summary()
    {
        var (run, output) = Report("--language", "cy");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(output, "report.cy.html")));
        Assert.False(File.Exists(Path.Combine(output, "report.html")));
        Assert.Contains("<html lang=\"cy\">", File.ReadAllText(Path.Combine(output, "report.cy.html")), StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(output, "charts"), "*.cy.png"));
        // The workbook and manifest.json are written whatever the language.
        Assert.True(File.Exists(Path.Combine(output, "savings.xlsx")));
        Assert.True(File.Exists(Path.Combine(output, "manifest.json")));
        Assert.Contains("budd wedi'i addasu £", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("ad-dalu Mai 2024", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("adjusted benefit", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>
    /// Why a report cannot be made is said in the report's language too (issue 15): with cy the engine's reason in Welsh,
    /// with en+cy in English and then Welsh.
    /// </summary>
    [Fact]
    public void Why_a_report_cannot_be_made_is_said_in_the_languages_asked_for()
    {
        string[] period = ["--from", "2010-01", "--to", "2010-12"];
        var welsh = CliRunner.Benefits(Store.Value.Work, ["report", "--council", "W06000004", .. period, "--language", "cy",
            "--db", Store.Value.Db]);
        Assert.Equal(2, welsh.ExitCode);
        Assert.Contains("benefits: Nid oes gan gyngor W06000004", welsh.Stderr, StringComparison.Ordinal);
        Assert.Contains("Ionawr 2010 – Rhagfyr 2010", welsh.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("has no data at all", welsh.Stderr, StringComparison.Ordinal);

        var both = CliRunner.Benefits(Store.Value.Work, ["report", "--council", "W06000004", .. period, "--language", "en+cy",
            "--db", Store.Value.Db]);
        Assert.Equal(2, both.ExitCode);
        var lines = both.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("benefits: Council W06000004", lines[0], StringComparison.Ordinal);
        Assert.Contains("has no data at all for 2010-01 to 2010-12", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("benefits: Nid oes gan gyngor W06000004", lines[1], StringComparison.Ordinal);

        var english = CliRunner.Benefits(Store.Value.Work, ["report", "--council", "W06000004", .. period, "--db", Store.Value.Db]);
        Assert.Equal(2, english.ExitCode);
        Assert.DoesNotContain("Nid oes", english.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Language_en_plus_cy_writes_both_pages_linked_and_both_summaries()
    {
        var (run, output) = Report("--language", "en+cy");
        Assert.True(run.ExitCode == 0, run.ToString());
        var en = File.ReadAllText(Path.Combine(output, "report.html"));
        var cy = File.ReadAllText(Path.Combine(output, "report.cy.html"));
        Assert.Contains("href=\"report.cy.html\"", en, StringComparison.Ordinal);
        Assert.Contains("href=\"report.html\"", cy, StringComparison.Ordinal);
        Assert.Contains("adjusted benefit £", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("budd wedi'i addasu £", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_the_reports_do_not_have_is_a_usage_error()
    {
        var (run, output) = Report("--language", "fr");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--language 'fr'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("en, cy or en+cy", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void The_demo_in_Welsh_writes_a_Welsh_index_linking_the_Welsh_pages()
    {
        var work = CliRunner.TempDir();
        var samples = SampleData();
        var run = CliRunner.Benefits(work, "demo", "--out", "reports/demo", "--sample-data", samples, "--language", "en+cy");
        Assert.True(run.ExitCode == 0, run.ToString());
        var demo = Path.Combine(work, "reports", "demo");
        var index = File.ReadAllText(Path.Combine(demo, "index.cy.html"));
        Assert.Contains("<html lang=\"cy\">", index, StringComparison.Ordinal);
        Assert.Contains("councils/W06000003/report.cy.html", index, StringComparison.Ordinal);
        Assert.Contains("href=\"index.html\"", index, StringComparison.Ordinal);
        Assert.Contains("href=\"index.cy.html\"", File.ReadAllText(Path.Combine(demo, "index.html")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(demo, "consortia", "north-wales", "report.cy.html")));
        Assert.Contains("Adroddiadau enghreifftiol BenefitsTracker", index, StringComparison.Ordinal);
        // Each index links the workbook in its own language, and that file is there.
        Assert.Contains("href=\"councils/W06000003/savings.cy.xlsx\"", index, StringComparison.Ordinal);
        Assert.DoesNotContain("/savings.xlsx\"", index, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(demo, "councils", "W06000003", "savings.cy.xlsx")));
        var english = File.ReadAllText(Path.Combine(demo, "index.html"));
        Assert.Contains("href=\"councils/W06000003/savings.xlsx\"", english, StringComparison.Ordinal);
        Assert.DoesNotContain("savings.cy.xlsx", english, StringComparison.Ordinal);
    }

    private static string SampleData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "sample-data", "councils.csv"))) return Path.Combine(dir.FullName, "sample-data");
        throw new DirectoryNotFoundException("sample-data/ not found above " + AppContext.BaseDirectory);
    }
}
