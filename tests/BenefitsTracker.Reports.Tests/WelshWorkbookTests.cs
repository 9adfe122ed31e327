using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.Reports.Workbook;
using BenefitsTracker.TestSupport;
using ClosedXML.Excel;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// savings.cy.xlsx (issue 15): the workbook in Welsh. Its figures are checked by LibreOffice
/// (<see cref="LibreOfficeRoundTripTests"/>); here its names, headers and references, and where it is written.
/// </summary>
public partial class WelshWorkbookTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static TheoryData<string> Scopes => new() { "worked", "appraised", "council", "council-streamed", "consortium", "small-members" };

    /// <summary>
    /// The worked example with a two-year horizon and the test GDP deflators: the Green Book sheet's real terms and deflator table.
    /// </summary>
    private static readonly Lazy<SavingsResult> Appraised = new(() =>
    {
        var (council, _, request) = WorkedExample.Load();
        var json = JsonNode.Parse(File.ReadAllText(WorkedExample.AssumptionsPath))!;
        json["appraisal_years"] = 2;
        var set = AssumptionSet.Parse(json.ToJsonString()).WithDeflators(WorkedExample.TestDeflators());
        return SavingsEngine.ComputeCouncil(council, null, set, request, WorkedExample.Lineage());
    });

    private static (string English, string Welsh) Write(TempDir dir, string scope)
    {
        var result = For(scope);
        var english = dir.File("savings.xlsx");
        SavingsWorkbook.Write(result, english, scope == "council-streamed" ? 0 : int.MaxValue);
        var welsh = dir.File("savings.cy.xlsx");
        WorkbookTranslation.Translate(english, welsh, ReportText.Cy, result);
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

    /// <summary>
    /// The measure of issue 15's "no English string is left in the Welsh outputs", for the workbook: no text a reader sees in
    /// the Welsh workbook (cell text, a formula's cached text, string literals inside formulas, table columns, names'
    /// comments, footers) equals the English of a key that differs in Welsh, or holds a fragment of two words or more of one
    /// (as <see cref="WelshReportTests"/> checks the page). Data names (<see cref="DataNames"/>) are left as they are.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scopes))]
    public void No_text_of_the_Welsh_workbook_is_the_English_of_a_key(string scope)
    {
        using var dir = new TempDir();
        var (englishFile, welshFile) = Write(dir, scope);
        var data = DataNames(For(scope), englishFile);
        var left = WorkbookTexts.Of(welshFile).Where(t => !data.IsData(t.Text))
            .SelectMany(t => EnglishOfKeysIn(t.Text).Select(k => $"{t.Where}: \"{t.Text}\" holds {k}")).ToList();
        Assert.True(left.Count == 0, $"{left.Count} English strings left:\n" + string.Join("\n", left));
    }

    /// <summary>
    /// Text the keys do not hold is caught too: every text of the English workbook that has a letter in it is different in the
    /// Welsh workbook at the same place, unless it is a data name.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scopes))]
    public void Every_text_of_the_English_workbook_is_changed_in_the_Welsh_one_apart_from_data_names(string scope)
    {
        using var dir = new TempDir();
        var (englishFile, welshFile) = Write(dir, scope);
        var data = DataNames(For(scope), englishFile);
        var welsh = WorkbookTexts.Of(welshFile).ToDictionary(t => t.Where, t => t.Text);
        var english = WorkbookTexts.Of(englishFile);
        Assert.Equal(english.Count, welsh.Count);
        var same = english.Where(t => welsh[t.Where] == t.Text && Letters().IsMatch(t.Text) && !data.IsData(t.Text))
            .Select(t => $"{t.Where}: \"{t.Text}\"").ToList();
        Assert.True(same.Count == 0, $"{same.Count} texts left in English:\n" + string.Join("\n", same));
    }

    /// <summary>
    /// benefits-register.cy.csv: the English file's rows and columns, the same figures and data to the character, and every
    /// heading and text value in Welsh: none the same as in English (apart from data names) and none holding the English of a key.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scopes))]
    public void Benefits_register_cy_csv_has_the_English_figures_and_no_English_text(string scope)
    {
        using var dir = new TempDir();
        var r = For(scope);
        var (englishFile, _) = Write(dir, scope);
        Register.BenefitsRegister.WriteCsv(r, dir.File("en.csv"), ReportText.En);
        Register.BenefitsRegister.WriteCsv(r, dir.File("cy.csv"), ReportText.Cy);
        // The English file is as it was before Welsh: the one-argument writer gives the same bytes.
        Register.BenefitsRegister.WriteCsv(r, dir.File("before.csv"));
        Assert.Equal(File.ReadAllBytes(dir.File("before.csv")), File.ReadAllBytes(dir.File("en.csv")));
        var english = FixtureCsv.Records(File.ReadAllText(dir.File("en.csv")));
        var welsh = FixtureCsv.Records(File.ReadAllText(dir.File("cy.csv")));
        Assert.True(english.Count > 1, "no rows");
        Assert.Equal(english.Count, welsh.Count);
        Assert.Equal("Cyngor", welsh[0][0]);
        var data = DataNames(r, englishFile);
        // Council, service, baseline value, realised to date and owner: data and figures, the same in both.
        int[] same = [0, 1, 5, 7, 10];
        var left = new List<string>();
        for (var i = 0; i < english.Count; i++)
        {
            Assert.Equal(english[i].Count, welsh[i].Count);
            for (var c = 0; c < english[i].Count; c++)
            {
                var (en, cy) = (english[i][c], welsh[i][c]);
                if (i > 0 && same.Contains(c)) Assert.Equal(en, cy);
                else if (en == cy && Letters().IsMatch(en) && !data.IsData(en)) left.Add($"row {i} column {c}: \"{en}\"");
                else if (!data.IsData(cy)) left.AddRange(EnglishOfKeysIn(cy).Select(k => $"row {i} column {c}: \"{cy}\" holds {k}"));
            }
        }
        Assert.True(left.Count == 0, $"{left.Count} English texts left:\n" + string.Join("\n", left));
    }

    [GeneratedRegex("[A-Za-z]{2}")]
    private static partial Regex Letters();

    private static SavingsResult For(string scope) => scope == "appraised" ? Appraised.Value : Results.ForScope(scope);

    /// <summary>The keys (with the English fragment) whose English, differing in Welsh, <paramref name="text"/> is or holds.</summary>
    internal static IEnumerable<string> EnglishOfKeysIn(string text)
    {
        foreach (var (key, whole, fragments) in EnglishKeys.Value)
        {
            if (text == whole) yield return key;
            else if (fragments.FirstOrDefault(f => text.Contains(f, StringComparison.Ordinal)) is { } f) yield return $"{key} (\"{f}\")";
            // A channel's English name in the middle of a Welsh sentence ("Costau uned web £0.15"), as a word of its own.
            else if (key.StartsWith("channel.", StringComparison.Ordinal)
                && Regex.IsMatch(text, @"(?<![\w-])" + Regex.Escape(whole.ToLowerInvariant()) + @"(?![\w-])"))
                yield return $"{key} (\"{whole.ToLowerInvariant()}\")";
        }
    }

    private static readonly Lazy<List<(string Key, string Whole, string[] Fragments)>> EnglishKeys = new(() =>
        [.. ReportText.En.Keys.Where(k => ReportText.En[k] != ReportText.Cy[k]).Order(StringComparer.Ordinal).Select(k =>
        {
            var en = ReportText.En[k];
            var fragments = Regex.Split(en, "\\{[a-z_0-9A-Z]+\\}").Select(p => p.Trim(' ', ',', '.', ';', ':', '(', ')'))
                .Where(p => p.Count(c => c == ' ') >= 1 && p.Length >= 8).ToArray();
            return (k, en, fragments);
        })]);

    /// <summary>
    /// The allow-list: names from the data, which no language changes, and words a key says are the same in Welsh. The
    /// names are the result's own (councils and their codes, services' slugs and names, cost lines' references and
    /// descriptions, owners, input files, versions, a consortium's apportionment), the workbook's names (the assumption
    /// cells' labels on the Assumptions sheet are those names), the channel and cost category codes the data files use
    /// (cells of data columns, SUMIFS criteria, a list of digital channels), and identifiers: text whose every word with a
    /// letter has a digit or one of _ . - too (assumption keys, codes, hashes, months as 2024-01).
    /// </summary>
    internal static DataNameSet DataNames(SavingsResult r, string englishFile)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var x in new[] { r }.Concat(r.Members))
        {
            names.Add(x.Scope.Id);
            names.Add(x.Scope.Name);
            foreach (var s in x.Services)
            {
                names.Add(s.Service);
                names.Add(ServiceNames.Of(r, s.Service));
                if (s.Assumptions.Owner is { } owner) names.Add(owner);
            }
            foreach (var c in x.Costs)
            {
                if (c.Line.Reference is { } reference) names.Add(reference);
                if (c.Line.Description is { } description) names.Add(description);
            }
            foreach (var input in x.Lineage.Inputs) names.Add(input.File);
            names.Add(x.Lineage.SoftwareVersion);
            names.Add(x.Lineage.AssumptionsVersion);
        }
        if (r.Comparison?.Apportionment is { } apportionment) names.Add(apportionment);
        // A consortium's Assumptions sheet lists its keys of the assumptions file; this one is not a workbook name.
        names.Add("apportionment");
        using (var zip = ZipFile.OpenRead(englishFile))
            foreach (var name in Load(zip.GetEntry("xl/workbook.xml")!).Descendants(Main + "definedName"))
                names.Add((string)name.Attribute("name")!);
        foreach (var code in Channels.All.Concat(CostCategories.All)) names.Add(code);
        // The same in both languages, as the resource set says ("Net", "Post").
        foreach (var key in ReportText.En.Keys.Where(k => ReportText.En[k] == ReportText.Cy[k]))
            if (!ReportText.En[key].Contains('{', StringComparison.Ordinal)) names.Add(ReportText.En[key]);
        return new DataNameSet(names);
    }

    internal sealed partial class DataNameSet(HashSet<string> names)
    {
        public bool IsData(string text) =>
            names.Contains(text.Trim())
            || text.Split(", ").All(names.Contains)
            || text.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } words
                && words.All(w => !Letter().IsMatch(w) || Identifier().IsMatch(w));

        [GeneratedRegex("[A-Za-z]")]
        private static partial Regex Letter();

        [GeneratedRegex(@"^(?=.*[0-9_.\-])[A-Za-z0-9_.\-]+$")]
        private static partial Regex Identifier();
    }

    [Fact]
    public void The_report_writes_savings_cy_xlsx_and_the_Welsh_register_in_Welsh_only_and_leaves_the_English_files_as_they_were()
    {
        using var dir = new TempDir();
        var en = Path.Combine(dir.Path, "en");
        var both = Path.Combine(dir.Path, "both");
        ReportWriter.WriteAll(Results.WorkedExampleResult, en, [ReportLanguage.En]);
        ReportWriter.WriteAll(Results.WorkedExampleResult, both, [ReportLanguage.En, ReportLanguage.Cy]);
        Assert.False(File.Exists(Path.Combine(en, "savings.cy.xlsx")));
        Assert.True(File.Exists(Path.Combine(both, "savings.cy.xlsx")));
        Assert.False(File.Exists(Path.Combine(en, "benefits-register.cy.csv")));
        Assert.True(File.Exists(Path.Combine(both, "benefits-register.cy.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(en, "benefits-register.csv")), File.ReadAllBytes(Path.Combine(both, "benefits-register.csv")));
        Assert.Contains(Register.BenefitsRegister.CsvFileFor(ReportLanguage.Cy), OutputFolder.ReportEntries);
        // The English workbook is the same with or without Welsh: every sheet's XML equal.
        using var a = ZipFile.OpenRead(Path.Combine(en, "savings.xlsx"));
        using var b = ZipFile.OpenRead(Path.Combine(both, "savings.xlsx"));
        foreach (var entry in a.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)))
            Assert.Equal(Load(entry).ToString(), Load(b.GetEntry(entry.FullName)!).ToString());
        using var welsh = new XLWorkbook(Path.Combine(both, "savings.cy.xlsx"));
        Assert.Equal("Crynodeb", welsh.Worksheets.First().Name);
    }
}

/// <summary>
/// Every text a reader can see in a saved workbook, with its place ("Summary!B14 literal 1"): each cell's text (shared or
/// inline string, and a formula's cached text), the string literals inside each cell's formula, table column names,
/// workbook names' comments (Excel's Name Manager shows them), page footers and the words of number formats
/// ("Yes";"Yes";"No"). Read from the file's XML, so that cells
/// ClosedXML never loaded (streamed detail sheets) are read too.
/// </summary>
internal static partial class WorkbookTexts
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    public static List<(string Where, string Text)> Of(string file)
    {
        var texts = new List<(string, string)>();
        using var zip = ZipFile.OpenRead(file);
        XDocument Load(string name)
        {
            using var s = zip.GetEntry(name)!.Open();
            return XDocument.Load(s);
        }
        static string Text(XElement item) =>
            string.Concat(item.Elements(Main + "t").Concat(item.Elements(Main + "r").Elements(Main + "t")).Select(t => t.Value));
        var shared = zip.GetEntry("xl/sharedStrings.xml") is null ? []
            : Load("xl/sharedStrings.xml").Root!.Elements(Main + "si").Select(Text).ToList();
        var targets = Load("xl/_rels/workbook.xml.rels").Root!.Elements(PackageRel + "Relationship")
            .ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        var workbook = Load("xl/workbook.xml");
        var index = 0;
        foreach (var sheet in workbook.Descendants(Main + "sheet"))
        {
            var target = targets[(string)sheet.Attribute(Rel + "id")!];
            var part = target.StartsWith('/') ? target[1..] : "xl/" + target;
            var doc = Load(part);
            var at = $"sheet {++index}";
            foreach (var c in doc.Descendants(Main + "c"))
            {
                var cell = $"{at}!{(string)c.Attribute("r")!}";
                var v = c.Element(Main + "v")?.Value;
                switch ((string?)c.Attribute("t"))
                {
                    case "s" when v is not null: texts.Add((cell, shared[int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)])); break;
                    case "inlineStr": texts.Add((cell, c.Elements(Main + "is").Select(Text).FirstOrDefault() ?? "")); break;
                    case "str" when v is not null: texts.Add((cell + " cached", v)); break;
                }
                if (c.Element(Main + "f")?.Value is { Length: > 0 } f)
                {
                    var n = 0;
                    foreach (Match m in Literal().Matches(f))
                        texts.Add(($"{cell} literal {++n}", m.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal)));
                }
            }
            foreach (var footer in doc.Descendants(Main + "oddFooter")) texts.Add(($"{at} footer", footer.Value));
        }
        foreach (var name in workbook.Descendants(Main + "definedName"))
            if ((string?)name.Attribute("comment") is { } comment) texts.Add(($"name {(string)name.Attribute("name")!} comment", comment));
        // Words in number formats: a flag is 1 or 0 shown through "Yes";"Yes";"No".
        var formats = 0;
        foreach (var format in Load("xl/styles.xml").Descendants(Main + "numFmt"))
        {
            var (n, id) = (0, ++formats);
            foreach (Match m in Literal().Matches((string?)format.Attribute("formatCode") ?? ""))
                texts.Add(($"number format {id} ({(string)format.Attribute("numFmtId")!}) literal {++n}", m.Groups[1].Value));
        }
        var tables = zip.Entries.Where(e => e.FullName.StartsWith("xl/tables/", StringComparison.Ordinal))
            .OrderBy(e => e.FullName, StringComparer.Ordinal);
        foreach (var table in tables)
            foreach (var column in Load(table.FullName).Descendants(Main + "tableColumn"))
                texts.Add(($"{table.FullName} column {(string)column.Attribute("id")!}", (string)column.Attribute("name")!));
        return texts;
    }

    [GeneratedRegex("\"((?:[^\"]|\"\")*)\"")]
    private static partial Regex Literal();
}
