using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Workbook;
using ClosedXML.Excel;
using Xunit.Abstractions;
using static BenefitsTracker.Reports.Tests.WorkbookAssert;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// Issue 5: above a row threshold the detail sheets (Monthly, Officer time, Avoidable contact) are streamed with
/// OpenXmlWriter, each formula with its cached value, and the formulas over them are held back from ClosedXML
/// and put back. The threshold is lowered to 0 here so that the worked example and Conwy stream theirs.
/// </summary>
public class StreamedWorkbookTests(ITestOutputHelper output)
{
    private static readonly XNamespace Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly string[] DetailSheets = [WorkbookContext.Monthly, WorkbookContext.OfficerTime, WorkbookContext.AvoidableContact];

    public static TheoryData<string> Scopes => new() { "worked", "council" };

    /// <summary>
    /// The scopes; a council with an empty Avoidable contact sheet, a service whose baseline has no transactions
    /// and one with lines switched off; and a council of 201 services (month sums by SUMIFS beyond 200).
    /// </summary>
    public static TheoryData<string> AllScopes => new() { "worked", "council", "edges", "many" };

    private static SavingsResult Scope(string scope) => scope switch
    {
        "worked" => Results.WorkedExampleResult,
        "council" => Results.SampleConwy,
        "edges" => Edges.Value,
        _ => Many.Value,
    };

    private static readonly Lazy<SavingsResult> Edges = new(() =>
    {
        var b = new TestSupport.CouncilBuilder();
        b.VolumeEachMonth("permits", "web", "2023-01", "2024-12", 120).VolumeEachMonth("permits", "phone", "2023-01", "2024-12", 40);
        b.ClosedEachMonth("permits", "2023-01", "2024-12", 25, 4, "G1");
        // No transactions in the baseline: no mix to shift from, so channel shift is zero (METHOD.md).
        b.VolumeEachMonth("tipping", "web", "2024-01", "2024-12", 75).VolumeEachMonth("tipping", "phone", "2024-01", "2024-12", 5);
        b.ClosedEachMonth("tipping", "2023-01", "2024-12", 40, 2);
        // Officer time and channel shift switched off for this service.
        b.VolumeEachMonth("parking", "web", "2023-01", "2024-12", 60).VolumeEachMonth("parking", "phone", "2023-07", "2024-12", 30);
        b.ClosedEachMonth("parking", "2023-01", "2024-12", 12, 3, "G2");
        b.Cost("parking", "print", "2023-01", "2023-12", 1_200m).Cost("parking", "print", "2024-01", "2024-12", 300m);
        const string json = """
        {"version":"t","unit_costs_gbp":{"web":0.15,"phone":2.83},"officer_hourly_cost_gbp":{"default":30,"grades":{"G2":41.5}},
         "services":{"permits":{"go_live":"2024-01","baseline":{"from":"2023-01","to":"2023-12"}},
                     "tipping":{"go_live":"2024-01","baseline":{"from":"2023-01","to":"2023-12"}},
                     "parking":{"go_live":"2024-01","baseline":{"from":"2023-01","to":"2023-12"},"lines":["print","postage","avoidable_contact"]}}}
        """;
        return Core.Method.SavingsEngine.ComputeCouncil(b.Build(), null, Core.Assumptions.AssumptionSet.Parse(json),
            new ReportRequest(new Month(2024, 1), new Month(2024, 12)), TestSupport.CouncilBuilder.NoLineage());
    });

    private static readonly Lazy<SavingsResult> Many = new(() =>
    {
        var b = new TestSupport.CouncilBuilder();
        var json = new System.Text.StringBuilder(
            """{"version":"t","unit_costs_gbp":{"web":0.15,"phone":2.83},"officer_hourly_cost_gbp":{"default":30},"services":{""");
        for (var i = 0; i < 201; i++)
        {
            var name = $"svc-{i}";
            json.Append(i == 0 ? "" : ",").Append('"').Append(name)
                .Append("\":{\"go_live\":\"2024-01\",\"baseline\":{\"from\":\"2023-12\",\"to\":\"2023-12\"}}");
            b.VolumeEachMonth(name, "web", "2023-12", "2024-02", 10 + i).VolumeEachMonth(name, "phone", "2023-12", "2024-02", 30 - i % 7);
            b.ClosedEachMonth(name, "2023-12", "2024-02", 20 - i % 5, 1);
        }
        json.Append("}}");
        return Core.Method.SavingsEngine.ComputeCouncil(b.Build(), null, Core.Assumptions.AssumptionSet.Parse(json.ToString()),
            new ReportRequest(new Month(2024, 1), new Month(2024, 2)), TestSupport.CouncilBuilder.NoLineage());
    });

    /// <summary>The Officer time sheet's rows in order: service by service, month, then grade.</summary>
    private static List<(ReportUnit Unit, OfficerTimeRow Row)> OfficerRows(SavingsResult result) =>
        ReportUnits.Of(result).SelectMany(u => u.Working.OfficerTime.OrderBy(r => r.Month).ThenBy(r => r.Grade ?? "", StringComparer.Ordinal)
            .Select(r => (u, r))).ToList();

    /// <summary>The Avoidable contact sheet's rows in order: service by service, month, digital then offline channel.</summary>
    private static List<AvoidableContactRow> Pairs(SavingsResult result) =>
        ReportUnits.Of(result).SelectMany(u => u.Working.AvoidableContact.OrderBy(r => r.Month)
            .ThenBy(r => r.DigitalChannel, StringComparer.Ordinal).ThenBy(r => r.OfflineChannel, StringComparer.Ordinal)).ToList();

    private static string WriteStreamed(SavingsResult result, TempDir dir, string name = "savings.xlsx")
    {
        Assert.NotEmpty(result.Services.SelectMany(s => s.OfficerTime));
        Assert.NotEmpty(result.Services.SelectMany(s => s.AvoidableContact));
        var path = dir.File(name);
        SavingsWorkbook.Write(result, path, streamThreshold: 0);
        Assert.Empty(Directory.GetFiles(dir.Path, ".*")); // no stub or part-written file left behind
        return path;
    }

    [Theory]
    [MemberData(nameof(AllScopes))]
    public void Streaming_changes_no_cell_of_the_workbook(string scope)
    {
        // The same result written by ClosedXML alone and streamed: every sheet, every cell, the same formula
        // text and the same value (ClosedXML's own evaluation against the engine's cached figure).
        using var dir = new TempDir();
        var result = Scope(scope);
        var plain = dir.File("plain.xlsx");
        SavingsWorkbook.Write(result, plain, streamThreshold: int.MaxValue);
        var streamed = dir.File("streamed.xlsx");
        SavingsWorkbook.Write(result, streamed, streamThreshold: 0);
        Assert.DoesNotContain(SheetXml(plain, WorkbookContext.Monthly).Descendants(Ns + "c"), c => (string?)c.Attribute("t") == "inlineStr");

        var a = Cells(plain);
        var b = Cells(streamed);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        var compared = 0;
        foreach (var (sheet, cells) in a)
        {
            Assert.True(cells.Keys.ToHashSet().SetEquals(b[sheet].Keys),
                $"{sheet}: only in ClosedXML's: {string.Join(" ", cells.Keys.Except(b[sheet].Keys).Take(10))}; only in the streamed: " +
                    $"{string.Join(" ", b[sheet].Keys.Except(cells.Keys).Take(10))}");
            foreach (var (at, x) in cells)
            {
                var y = b[sheet][at];
                var where = $"{sheet}!{at}";
                Assert.True(x.Formula == y.Formula, $"{where}: formula '{x.Formula}' became '{y.Formula}'");
                Assert.True(x.Style == y.Style, $"{where}: style {x.Style} became {y.Style}");
                Assert.True(x.Text == y.Text, $"{where}: text '{x.Text}' became '{y.Text}'");
                Assert.True(x.Number.HasValue == y.Number.HasValue, $"{where}: a number in one file only");
                if (x.Number is { } n)
                    Assert.True(Math.Abs(n - y.Number!.Value) <= 1e-6 * Math.Max(1, Math.Abs(n)),
                        $"{where}: ClosedXML's value {n.ToString("R", CultureInfo.InvariantCulture)}, the streamed " +
                            $"{y.Number.Value.ToString("R", CultureInfo.InvariantCulture)}");
                compared++;
            }
        }
        output.WriteLine($"{compared} cells compared");

        // The tables too: the same range, filter, columns and calculated-column formulas.
        var tablesA = Tables(plain);
        var tablesB = Tables(streamed);
        Assert.Equal(tablesA.Keys.Order(), tablesB.Keys.Order());
        foreach (var (name, xml) in tablesA) Assert.Equal(xml, tablesB[name]);
        Assert.Contains($"ref=\"A1:K{ReportUnits.Of(result).Sum(u => u.Working.OfficerTime.Count) + 1}\"", tablesB["OfficerTimeTable"]);
        Assert.Contains(SheetXml(streamed, WorkbookContext.OfficerTime).Descendants(Ns + "c"), c => (string?)c.Attribute("t") == "inlineStr");
        var units = ReportUnits.Of(result).Count;
        Assert.True(compared > units * result.Months.Count * 20, $"only {compared} cells compared");
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Streamed_workbook_opens_in_ClosedXML_and_recalculates_to_the_result(string scope)
    {
        using var dir = new TempDir();
        var result = Scope(scope);
        var path = WriteStreamed(result, dir);

        // The values saved with the file (what a preview shows) are already the result's.
        var summary = SheetXml(path, "Summary");
        var names = DefinedNames(path);
        double Cached(string name)
        {
            var reference = names[name].Split('!')[1].Split(':')[0].Replace("$", "");
            var cell = summary.Descendants(Ns + "c").Single(c => (string?)c.Attribute("r") == reference);
            return double.Parse(cell.Element(Ns + "v")!.Value, CultureInfo.InvariantCulture);
        }
        Pence(result.Totals.GrossBenefit, Cached(SummarySheet.Gross), "cached gross");
        Pence(result.Totals.AdjustedBenefit, Cached(SummarySheet.Adjusted), "cached adjusted");
        Pence(result.Totals.Npv, Cached(SummarySheet.Npv), "cached NPV");
        Pence(result.Totals.OfficerHoursReleased, Cached(SummarySheet.Hours), "cached hours");
        Assert.Contains("fullCalcOnLoad=\"1\"", EntryText(path, "xl/workbook.xml"));

        // The month sums on Appraisal and Spend are formulas again, not the values ClosedXML saved.
        var appraisal = SheetXml(path, "Appraisal").Descendants(Ns + "c").Single(c => (string?)c.Attribute("r") == "C2");
        Assert.StartsWith("SUMIFS('Monthly'!", appraisal.Element(Ns + "f")!.Value, StringComparison.Ordinal);

        // And ClosedXML recalculates every formula, the streamed ones included, to the same pence.
        using var wb = new XLWorkbook(path);
        wb.RecalculateAllFormulas();
        Headlines(wb, result);
        var ws = wb.Worksheet("Appraisal");
        for (var t = 0; t < result.Months.Count; t++)
        {
            Pence(result.Months[t].AdjustedBenefit, ws.Cell(t + 2, AppraisalSheet.AdjustedCol).Value, $"{result.Months[t].Month} adjusted");
            Pence(result.Months[t].Cashable, ws.Cell(t + 2, AppraisalSheet.CashableCol).Value, $"{result.Months[t].Month} cashable");
        }
        var cashable = wb.Worksheet("Cashable");
        foreach (var (line, i) in result.Lines.Select((l, i) => (l, i)))
            Pence(line.Gross, cashable.Cell(i + 2, 3).Value, $"{line.Line} gross");

        // The tables still span the streamed rows.
        var units = ReportUnits.Of(result);
        Assert.Equal(units.Count * result.Months.Count + 1, TableEnd(wb, WorkbookContext.Monthly));
        Assert.Equal(units.Sum(u => u.Working.OfficerTime.Count) + 1, TableEnd(wb, WorkbookContext.OfficerTime));
        Assert.Equal(units.Sum(u => u.Working.AvoidableContact.Count) + 1, TableEnd(wb, WorkbookContext.AvoidableContact));
    }

    private static int TableEnd(XLWorkbook wb, string sheet) => wb.Worksheet(sheet).Tables.Single().RangeAddress.LastAddress.RowNumber;

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Streamed_rows_are_the_results_rows_written_by_the_streamer(string scope)
    {
        using var dir = new TempDir();
        var result = Scope(scope);
        var path = WriteStreamed(result, dir);
        var units = ReportUnits.Of(result);

        // Officer time: every row from the result (inline strings), each formula with its cached value.
        var officer = OfficerRows(result);
        var rows = Rows(path, WorkbookContext.OfficerTime);
        Assert.Equal(officer.Count + 2, rows.Count); // header, rows, total
        for (var i = 0; i < officer.Count; i++)
        {
            var (u, r) = officer[i];
            var row = i + 2;
            var x = rows[row];
            Assert.Equal("inlineStr", (string?)x["A"].Attribute("t"));
            Assert.Equal(u.Key(r.Month), x["A"].Value);
            Assert.Equal(r.Grade ?? "(none)", x["E"].Value);
            Assert.Equal((double)r.ClosedCases, V(x["F"]));
            Assert.Equal((double)r.OfficerMinutes, V(x["G"]));
            Assert.Equal((double)r.HourlyCost, V(x["I"]));
            Assert.Equal((double)r.HoursReleased, V(x["J"]));
            Assert.Equal((double)r.Gross, V(x["K"]));
            Assert.Equal($"J{row}*I{row}", x["K"].Element(Ns + "f")!.Value);
            // Styles reused from ClosedXML's first row.
            Assert.Equal((string?)rows[2]["K"].Attribute("s"), (string?)x["K"].Attribute("s"));
        }
        Assert.Equal("Total", rows[officer.Count + 2]["A"].Value);
        Pence(officer.Sum(e => e.Row.Gross), V(rows[officer.Count + 2]["K"]), "cached total gross");

        // Avoidable contact: the matched pairs and the engine's value per pair.
        var pairs = Pairs(result);
        rows = Rows(path, WorkbookContext.AvoidableContact);
        Assert.Equal(pairs.Count + 2, rows.Count);
        for (var i = 0; i < pairs.Count; i++)
        {
            var x = rows[i + 2];
            Assert.Equal(pairs[i].DigitalChannel, x["E"].Value);
            Assert.Equal(pairs[i].OfflineChannel, x["F"].Value);
            Assert.Equal((double)pairs[i].Count, V(x["G"]));
            Assert.Equal((double)pairs[i].UnitDifference, V(x["J"]));
            Assert.Equal((double)pairs[i].Gross, V(x["K"]));
        }

        // Monthly: one row per service and month, gross and adjusted by line from the engine's service months.
        rows = Rows(path, WorkbookContext.Monthly);
        var header = SheetXml(path, WorkbookContext.Monthly).Descendants(Ns + "row").First().Elements(Ns + "c").ToList();
        string Column(string title) => Xl.Col(header.FindIndex(c => SharedOrInline(path, c) == title) + 1);
        var adjustedCol = Column("Adjusted benefit");
        var grossOfficerCol = Column("Gross: " + BenefitLine.OfficerTime.Title());
        var row2 = 1;
        foreach (var u in units)
            foreach (var sm in u.Working.Months)
            {
                var x = rows[++row2];
                Assert.Equal(u.Key(sm.Month), x["A"].Value);
                Pence(sm.AdjustedByLine.Values.Sum(), V(x[adjustedCol]), $"Monthly row {row2} adjusted");
                Pence(sm.GrossByLine[BenefitLine.OfficerTime], V(x[grossOfficerCol]), $"Monthly row {row2} officer time");
            }
        Assert.Equal(units.Count * result.Months.Count + 2, rows.Count);
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void The_streamed_file_is_as_valid_Office_Open_XML_as_ClosedXMLs_own(string scope)
    {
        // The Open XML SDK's schema validator on both files: streaming may add no error of its own
        // (element order in a cell, inline strings, the stretched tables, the formulas put back).
        using var dir = new TempDir();
        var result = Scope(scope);
        var plain = dir.File("plain.xlsx");
        SavingsWorkbook.Write(result, plain, streamThreshold: int.MaxValue);
        var streamed = WriteStreamed(result, dir);
        static List<string> Errors(string path)
        {
            using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
            return new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2013)
                .Validate(doc).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        }
        var before = Errors(plain).Select(e => System.Text.RegularExpressions.Regex.Replace(e, @"\[\d+\]", "[n]")).ToHashSet();
        var added = Errors(streamed).Where(e => !before.Contains(System.Text.RegularExpressions.Regex.Replace(e, @"\[\d+\]", "[n]"))).ToList();
        output.WriteLine($"ClosedXML's own file: {before.Count} kinds of validation error");
        Assert.True(added.Count == 0, "streaming added validation errors:\n" + string.Join("\n", added.Take(10)));
    }

    [Fact]
    public void A_cancelled_write_leaves_the_previous_workbook_and_no_temporary_files()
    {
        using var dir = new TempDir();
        var path = dir.File("savings.xlsx");
        SavingsWorkbook.Write(Results.WorkedExampleResult, path);
        var before = File.ReadAllBytes(path);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SavingsWorkbook.Write(Results.SampleConwy, path, streamThreshold: 0, cancelled.Token));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["savings.xlsx"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void The_threshold_counts_the_rows_of_all_three_detail_sheets()
    {
        using var dir = new TempDir();
        var result = Results.WorkedExampleResult;
        var rows = SavingsWorkbook.DetailRows(result);
        var units = ReportUnits.Of(result);
        Assert.Equal(units.Count * result.Months.Count + units.Sum(u => u.Working.OfficerTime.Count + u.Working.AvoidableContact.Count), rows);

        var at = dir.File("at.xlsx");
        SavingsWorkbook.Write(result, at, streamThreshold: (int)rows);
        var above = dir.File("above.xlsx");
        SavingsWorkbook.Write(result, above, streamThreshold: (int)rows - 1);
        foreach (var sheet in DetailSheets)
        {
            Assert.DoesNotContain(SheetXml(at, sheet).Descendants(Ns + "c"), c => (string?)c.Attribute("t") == "inlineStr");
            Assert.Contains(SheetXml(above, sheet).Descendants(Ns + "c"), c => (string?)c.Attribute("t") == "inlineStr");
        }
        // The default: small councils stay ClosedXML's own.
        Assert.True(rows < SavingsWorkbook.StreamThreshold);
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task LibreOffice_recalculates_the_streamed_workbook_to_the_same_pence(string scope)
    {
        var soffice = Tools.Require("soffice", "libreoffice-calc-nogui", new Output(output), "/usr/bin/soffice");
        if (soffice is null) return;
        using var dir = new TempDir();
        var result = Scope(scope);
        var path = WriteStreamed(result, dir);
        var stripped = dir.File("stripped.xlsx");
        Assert.True(LibreOfficeRoundTripTests.StripCachedValues(path, stripped) > 100);

        var outDir = await LibreOfficeRoundTripTests.ConvertToCsvAsync(soffice, stripped, dir.Path, output);
        LibreOfficeRoundTripTests.AssertRecalculated(outDir, "stripped", result);
        // The streamed sheets themselves, recalculated by LibreOffice: each Officer time row's gross, each
        // Avoidable contact row's value and each Monthly row's adjusted benefit.
        var units = ReportUnits.Of(result);
        var officer = LibreOfficeRoundTripTests.Csv(Path.Combine(outDir, "stripped-Officer time.csv"));
        var officerRows = OfficerRows(result).Select(x => x.Row).ToList();
        for (var i = 0; i < officerRows.Count; i++)
            Pence(officerRows[i].Gross, double.Parse(officer[i + 1][10], CultureInfo.InvariantCulture),
                $"LibreOffice Officer time row {i + 2} gross");
        var contact = LibreOfficeRoundTripTests.Csv(Path.Combine(outDir, "stripped-Avoidable contact.csv"));
        var pairs = Pairs(result);
        for (var i = 0; i < pairs.Count; i++)
            Pence(pairs[i].Gross, double.Parse(contact[i + 1][10], CultureInfo.InvariantCulture), $"LibreOffice Avoidable contact row {i + 2}");
        var monthly = LibreOfficeRoundTripTests.Csv(Path.Combine(outDir, "stripped-Monthly.csv"));
        var adjusted = monthly[0].IndexOf("Adjusted benefit");
        var row2 = 0;
        foreach (var u in units)
            foreach (var sm in u.Working.Months)
                Pence(sm.AdjustedByLine.Values.Sum(), double.Parse(monthly[++row2][adjusted], CultureInfo.InvariantCulture),
                    $"LibreOffice Monthly row {row2 + 1}");
    }

    private static double V(XElement c) => double.Parse(c.Element(Ns + "v")!.Value, CultureInfo.InvariantCulture);

    /// <summary>A sheet's rows by number, each a map of column letters to its cell.</summary>
    private static Dictionary<int, Dictionary<string, XElement>> Rows(string path, string sheet) =>
        SheetXml(path, sheet).Descendants(Ns + "row").ToDictionary(
            r => int.Parse((string)r.Attribute("r")!, CultureInfo.InvariantCulture),
            r => r.Elements(Ns + "c").ToDictionary(c => new string(((string)c.Attribute("r")!).TakeWhile(char.IsLetter).ToArray())));

    private sealed record CellContent(string? Formula, string? Text, double? Number, string? Style);

    /// <summary>Every sheet's cells that hold something: formula text, text (shared or inline) or number.</summary>
    private static Dictionary<string, Dictionary<string, CellContent>> Cells(string path)
    {
        var all = new Dictionary<string, Dictionary<string, CellContent>>(StringComparer.Ordinal);
        var shared = SharedStrings(path);
        foreach (var sheet in SheetNames(path))
        {
            var cells = new Dictionary<string, CellContent>(StringComparer.Ordinal);
            foreach (var c in SheetXml(path, sheet).Descendants(Ns + "c"))
            {
                var formula = c.Element(Ns + "f")?.Value;
                var type = (string?)c.Attribute("t");
                var v = c.Element(Ns + "v")?.Value;
                string? text = type switch
                {
                    "s" => v is null ? null : shared[int.Parse(v, CultureInfo.InvariantCulture)],
                    "inlineStr" => string.Concat(c.Element(Ns + "is")!.Descendants(Ns + "t").Select(x => x.Value)),
                    "str" => v,
                    _ => null,
                };
                double? number = text is null && type is null or "n" && v is not null ? double.Parse(v, CultureInfo.InvariantCulture) : null;
                var style = (string?)c.Attribute("s");
                if (formula is null && text is null && number is null && style is null) continue;
                cells[(string)c.Attribute("r")!] = new CellContent(formula, text, number, style);
            }
            all[sheet] = cells;
        }
        return all;
    }

    private static string SharedOrInline(string path, XElement c) =>
        (string?)c.Attribute("t") == "s" ? SharedStrings(path)[int.Parse(c.Element(Ns + "v")!.Value, CultureInfo.InvariantCulture)]
        : string.Concat(c.Descendants(Ns + "t").Select(x => x.Value));

    private static List<string> SharedStrings(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        if (zip.GetEntry("xl/sharedStrings.xml") is null) return [];
        return XDocument.Parse(EntryText(path, "xl/sharedStrings.xml")).Root!.Elements(Ns + "si")
            .Select(si => string.Concat(si.Descendants(Ns + "t").Select(x => x.Value))).ToList();
    }

    /// <summary>Each table part's XML by table name.</summary>
    private static Dictionary<string, string> Tables(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.Where(e => e.FullName.StartsWith("xl/tables/", StringComparison.Ordinal))
            .Select(e => XDocument.Parse(EntryText(path, e.FullName)).Root!)
            .ToDictionary(t => (string)t.Attribute("name")!, t => t.ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
    }

    private static List<string> SheetNames(string path) =>
        XDocument.Parse(EntryText(path, "xl/workbook.xml")).Descendants(Ns + "sheet").Select(s => (string)s.Attribute("name")!).ToList();

    private static Dictionary<string, string> DefinedNames(string path) =>
        XDocument.Parse(EntryText(path, "xl/workbook.xml")).Descendants(Ns + "definedName")
            .Where(d => d.Attribute("localSheetId") is null)
            .ToDictionary(d => (string)d.Attribute("name")!, d => d.Value);

    private static XDocument SheetXml(string path, string sheet) => XDocument.Parse(EntryTextOfSheet(path, sheet));

    private static string EntryTextOfSheet(string path, string sheet)
    {
        XNamespace r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace rel = "http://schemas.openxmlformats.org/package/2006/relationships";
        var id = (string)XDocument.Parse(EntryText(path, "xl/workbook.xml")).Descendants(Ns + "sheet")
            .Single(s => (string?)s.Attribute("name") == sheet).Attribute(r + "id")!;
        var target = (string)XDocument.Parse(EntryText(path, "xl/_rels/workbook.xml.rels")).Descendants(rel + "Relationship")
            .Single(x => (string?)x.Attribute("Id") == id).Attribute("Target")!;
        return EntryText(path, target.StartsWith('/') ? target[1..] : "xl/" + target);
    }

    private static string EntryText(string path, string entry)
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }
}

/// <summary>How a detail sheet decides a column has one formula for every row (ClosedXML's calculated column).</summary>
public class RelativeFormulaTests
{
    [Theory]
    [InlineData("J7*I7", 7, "J#*I#")]
    [InlineData("SUM(F7:H7)", 7, "SUM(F#:H#)")]
    [InlineData("N7/$E7", 7, "N#/$E#")]
    [InlineData("'Officer time'!$K$7+'Officer time'!$K$8", 7, "'Officer time'!$K$7+'Officer time'!$K$8")]
    [InlineData("svc_7_line_print*(svc_7_baseline_print_monthly-Q7)", 7, "svc_7_line_print*(svc_7_baseline_print_monthly-Q#)")]
    [InlineData("LOG10(A17)+A1", 17, "LOG10(A#)+A1")]
    public void Own_row_references_become_relative_and_nothing_else_does(string formula, int row, string expected) =>
        Assert.Equal(expected, DetailSheet.Relative(formula, row));
}
