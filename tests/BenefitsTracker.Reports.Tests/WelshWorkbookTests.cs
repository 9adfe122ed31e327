using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.Reports.Workbook;
using ClosedXML.Excel;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// savings.cy.xlsx (issue 15): the workbook in Welsh. Its figures are checked by LibreOffice
/// (<see cref="LibreOfficeRoundTripTests"/>); here its names, headers and references, and where it is written.
/// </summary>
public class WelshWorkbookTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static TheoryData<string> Scopes => new() { "worked", "council", "council-streamed", "consortium", "small-members" };

    private static (string English, string Welsh) Write(TempDir dir, string scope)
    {
        SavingsResult result = scope switch
        {
            "worked" => Results.WorkedExampleResult,
            "council" or "council-streamed" => Results.SampleConwy,
            "small-members" => Results.SmallMembers,
            _ => Results.SampleNorthWales,
        };
        var english = dir.File("savings.xlsx");
        SavingsWorkbook.Write(result, english, scope == "council-streamed" ? 0 : int.MaxValue);
        var welsh = dir.File("savings.cy.xlsx");
        WorkbookTranslation.Translate(english, welsh, ReportText.Cy);
        return (english, welsh);
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Every_sheet_has_a_Welsh_name_within_Excels_limits_and_none_is_English(string scope)
    {
        using var dir = new TempDir();
        var (englishFile, welshFile) = Write(dir, scope);
        using var english = new XLWorkbook(englishFile);
        using var welsh = new XLWorkbook(welshFile);
        var englishNames = english.Worksheets.Select(w => w.Name).ToList();
        var welshNames = welsh.Worksheets.Select(w => w.Name).ToList();
        Assert.Equal(englishNames.Count, welshNames.Count);
        Assert.Equal(welshNames.Count, welshNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var allEnglish = WorkbookTranslation.SheetNames(ReportText.En).Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in welshNames)
        {
            Assert.InRange(name.Length, 1, 31);
            Assert.True(name.IndexOfAny(['\\', '/', '?', '*', '[', ']', ':']) < 0, name);
            Assert.False(allEnglish.Contains(name), $"{name} is English");
        }
        // Same order, each the translation of the English sheet in its place.
        var map = WorkbookTranslation.SheetNames(ReportText.Cy);
        Assert.Equal(englishNames.Select(n => map[n]), welshNames);
    }

    /// <summary>No formula, defined name, print title or footer of the Welsh workbook names an English sheet.</summary>
    [Theory]
    [MemberData(nameof(Scopes))]
    public void No_reference_in_the_Welsh_workbook_names_an_English_sheet(string scope)
    {
        using var dir = new TempDir();
        var (englishFile, welshFile) = Write(dir, scope);
        var names = WorkbookTranslation.SheetNames(ReportText.Cy);
        var english = new Regex(@"(?<![A-Za-z0-9_.])'?(" + string.Join("|", names.Keys.Select(Regex.Escape)) + @")'?!",
            RegexOptions.CultureInvariant);
        var welsh = new Regex(@"'(" + string.Join("|", names.Values.Select(Regex.Escape)) + @")'!", RegexOptions.CultureInvariant);
        int englishRefs = 0, welshRefs = 0;
        using (var zip = ZipFile.OpenRead(englishFile))
            englishRefs = References(zip).Count(f => english.IsMatch(f));
        using (var zip = ZipFile.OpenRead(welshFile))
        {
            var refs = References(zip).ToList();
            Assert.DoesNotContain(refs, f => english.IsMatch(f));
            welshRefs = refs.Count(f => welsh.IsMatch(f));
            var footers = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal))
                .SelectMany(e => Load(e).Descendants(Main + "oddFooter")).Select(f => f.Value).ToList();
            Assert.NotEmpty(footers);
            Assert.All(footers, f => Assert.Contains(", tudalen &P o &N", f, StringComparison.Ordinal));
        }
        Assert.True(englishRefs > 10, $"only {englishRefs} references to sheets in the English workbook");
        Assert.Equal(englishRefs, welshRefs);
    }

    private static IEnumerable<string> References(ZipArchive zip) =>
        zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal) || e.FullName == "xl/workbook.xml")
            .SelectMany(e => Load(e).Descendants().Where(x => x.Name == Main + "f" || x.Name == Main + "definedName").Select(x => x.Value));

    private static XDocument Load(ZipArchiveEntry e)
    {
        using var s = e.Open();
        return XDocument.Load(s);
    }

    [Fact]
    public void Header_rows_titles_and_notes_are_Welsh_and_the_named_cells_keep_their_English_identifiers()
    {
        using var dir = new TempDir();
        var (englishFile, welshFile) = Write(dir, "council");
        using var english = new XLWorkbook(englishFile);
        using var welsh = new XLWorkbook(welshFile);
        var summary = welsh.Worksheet("Crynodeb");
        Assert.StartsWith("Arbedion o wasanaethau digidol: ", summary.Cell(1, 1).GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Cyfnod: Ebrill 2023 i Mawrth 2025", summary.Cell(2, 1).GetString(), StringComparison.Ordinal);
        Assert.Equal(["Ffigur", "Gwerth", "Sut y'i cyfrifir"], [.. Enumerable.Range(1, 3).Select(c => summary.Cell(5, c).GetString())]);
        var monthly = welsh.Worksheet("Misol");
        Assert.Contains("Wedi'i addasu: Symud sianel", monthly.Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.DoesNotContain("Adjusted: Channel shift", monthly.Row(1).CellsUsed().Select(c => c.GetString()));
        // Workbook-scoped names are identifiers: the same in both, pointing at the same cells of the renamed sheets.
        var englishNames = english.NamedRanges.Select(n => n.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("unit_cost_web", englishNames);
        Assert.Equal(englishNames, welsh.NamedRanges.Select(n => n.Name).Order(StringComparer.Ordinal));
        var en = english.NamedRange("unit_cost_web").Ranges.Single();
        var cy = welsh.NamedRange("unit_cost_web").Ranges.Single();
        Assert.Equal(("Assumptions", en.RangeAddress.ToString()), (en.Worksheet.Name, en.RangeAddress.ToString()));
        Assert.Equal(("Rhagdybiaethau", en.RangeAddress.ToString()), (cy.Worksheet.Name, cy.RangeAddress.ToString()));
        // Every table's column names are its header cells' text (Excel repairs a file where they differ).
        foreach (var ws in welsh.Worksheets)
            foreach (var table in ws.Tables)
                foreach (var field in table.Fields)
                    Assert.Equal(field.Name, table.HeadersRow().Cell(field.Index + 1).GetString());
    }

    [Fact]
    public void The_report_writes_savings_cy_xlsx_in_Welsh_only_and_leaves_the_English_workbook_as_it_was()
    {
        using var dir = new TempDir();
        var en = Path.Combine(dir.Path, "en");
        var both = Path.Combine(dir.Path, "both");
        ReportWriter.WriteAll(Results.WorkedExampleResult, en, [ReportLanguage.En]);
        ReportWriter.WriteAll(Results.WorkedExampleResult, both, [ReportLanguage.En, ReportLanguage.Cy]);
        Assert.False(File.Exists(Path.Combine(en, "savings.cy.xlsx")));
        Assert.True(File.Exists(Path.Combine(both, "savings.cy.xlsx")));
        // The English workbook is the same with or without Welsh: every sheet's XML equal.
        using var a = ZipFile.OpenRead(Path.Combine(en, "savings.xlsx"));
        using var b = ZipFile.OpenRead(Path.Combine(both, "savings.xlsx"));
        foreach (var entry in a.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)))
            Assert.Equal(Load(entry).ToString(), Load(b.GetEntry(entry.FullName)!).ToString());
        using var welsh = new XLWorkbook(Path.Combine(both, "savings.cy.xlsx"));
        Assert.Equal("Crynodeb", welsh.Worksheets.First().Name);
    }
}
