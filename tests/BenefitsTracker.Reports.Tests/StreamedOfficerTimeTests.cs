using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Workbook;
using BenefitsTracker.TestSupport;
using ClosedXML.Excel;
using Xunit.Abstractions;
using static BenefitsTracker.Reports.Tests.WorkbookAssert;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// Issue 5: above a row threshold the Officer time sheet is streamed with OpenXmlWriter (formula and cached
/// value per cell). The threshold is lowered to 0 here so that the worked example and Conwy stream theirs.
/// </summary>
public class StreamedOfficerTimeTests(ITestOutputHelper output)
{
    private static readonly XNamespace Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static TheoryData<string> Scopes => new() { "worked", "council" };

    private static SavingsResult Scope(string scope) => scope == "worked" ? Results.WorkedExampleResult : Results.SampleConwy;

    private static string WriteStreamed(SavingsResult result, TempDir dir)
    {
        Assert.NotEmpty(result.Services.SelectMany(s => s.OfficerTime));
        var path = dir.File("savings.xlsx");
        SavingsWorkbook.Write(result, path, streamThreshold: 0);
        Assert.False(File.Exists(path + ".stub.xlsx"), "the stub was left behind");
        return path;
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Streamed_workbook_opens_in_ClosedXML_and_its_headline_formulas_equal_the_result(string scope)
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

        // And ClosedXML recalculates every formula, the streamed ones included, to the same pence.
        using var wb = new XLWorkbook(path);
        wb.RecalculateAllFormulas();
        Headlines(wb, result);
        var appraisal = wb.Worksheet("Appraisal");
        for (var t = 0; t < result.Months.Count; t++)
            Pence(result.Months[t].AdjustedBenefit, appraisal.Cell(t + 2, 3).Value, $"{result.Months[t].Month} adjusted");
        var officerLine = result.Lines.Single(l => l.Line == Core.Domain.BenefitLine.OfficerTime);
        var cashable = wb.Worksheet("Cashable");
        var lineRow = result.Lines.ToList().IndexOf(officerLine) + 2;
        Pence(officerLine.Gross, cashable.Cell(lineRow, 3).Value, "officer time gross");

        // The table still spans the streamed rows.
        var rows = result.Services.Sum(s => s.OfficerTime.Count);
        var table = wb.Worksheet(WorkbookContext.OfficerTime).Tables.Single();
        Assert.Equal(rows + 1, table.RangeAddress.LastAddress.RowNumber);
    }

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Streamed_rows_equal_the_results_officer_time_rows(string scope)
    {
        using var dir = new TempDir();
        var result = Scope(scope);
        var path = WriteStreamed(result, dir);
        var expected = ReportUnits.Of(result)
            .SelectMany(u => u.Working.OfficerTime.OrderBy(r => r.Month).ThenBy(r => r.Grade ?? "", StringComparer.Ordinal).Select(r => (u, r)))
            .ToList();

        // In the file: every row written by the streamer (inline strings), each formula with its cached value.
        var sheet = SheetXml(path, WorkbookContext.OfficerTime);
        var xmlRows = sheet.Descendants(Ns + "row").ToDictionary(r => int.Parse((string)r.Attribute("r")!, CultureInfo.InvariantCulture));
        Assert.Equal(expected.Count + 2, xmlRows.Count); // header, rows, total
        XElement Cell(int row, string col) => xmlRows[row].Elements(Ns + "c").Single(c => (string?)c.Attribute("r") == col + row);
        double V(XElement c) => double.Parse(c.Element(Ns + "v")!.Value, CultureInfo.InvariantCulture);
        for (var i = 0; i < expected.Count; i++)
        {
            var (u, r) = expected[i];
            var row = i + 2;
            Assert.Equal("inlineStr", (string?)Cell(row, "A").Attribute("t"));
            Assert.Equal(u.Key(r.Month), Cell(row, "A").Value);
            Assert.Equal(r.Month.ToString(), Cell(row, "B").Value);
            Assert.Equal(r.Grade ?? "(none)", Cell(row, "E").Value);
            Assert.Equal((double)r.ClosedCases, V(Cell(row, "F")));
            Assert.Equal((double)r.OfficerMinutes, V(Cell(row, "G")));
            Assert.Equal((double)r.HourlyCost, V(Cell(row, "I")));
            Assert.Equal((double)r.HoursReleased, V(Cell(row, "J")));
            Assert.Equal((double)r.Gross, V(Cell(row, "K")));
            foreach (var col in new[] { "H", "I", "J", "K" }) Assert.NotNull(Cell(row, col).Element(Ns + "f"));
            Assert.Equal($"J{row}*I{row}", Cell(row, "K").Element(Ns + "f")!.Value);
            // Styles reused from ClosedXML's first row: money on the gross, the header's style untouched.
            Assert.Equal((string?)Cell(2, "K").Attribute("s"), (string?)Cell(row, "K").Attribute("s"));
        }
        var total = expected.Count + 2;
        Assert.Equal("Total", Cell(total, "A").Value);
        Pence(expected.Sum(e => e.r.Gross), V(Cell(total, "K")), "cached total gross");

        // In ClosedXML, recalculated: the rows' formulas give the result's figures.
        using var wb = new XLWorkbook(path);
        wb.RecalculateAllFormulas();
        var ws = wb.Worksheet(WorkbookContext.OfficerTime);
        Assert.Equal("£#,##0.00", ws.Cell(2, OfficerTimeSheet.GrossCol).Style.NumberFormat.Format);
        Assert.Equal("£#,##0.00", ws.Cell(expected.Count + 1, OfficerTimeSheet.GrossCol).Style.NumberFormat.Format);
        for (var i = 0; i < expected.Count; i++)
        {
            var (_, r) = expected[i];
            Assert.Equal(r.ClosedCases, Convert.ToInt64(ws.Cell(i + 2, OfficerTimeSheet.CasesCol).Value, CultureInfo.InvariantCulture));
            Pence(r.HourlyCost, ws.Cell(i + 2, 9).Value, $"row {i + 2} rate");
            Pence(r.HoursReleased, ws.Cell(i + 2, OfficerTimeSheet.HoursCol).Value, $"row {i + 2} hours");
            Pence(r.Gross, ws.Cell(i + 2, OfficerTimeSheet.GrossCol).Value, $"row {i + 2} gross");
        }
        Pence(result.Totals.OfficerHoursReleased, ws.Cell(total, OfficerTimeSheet.HoursCol).Value, "total hours");
    }

    [Fact]
    public void Below_the_threshold_the_sheet_is_ClosedXMLs_own()
    {
        using var dir = new TempDir();
        var path = dir.File("savings.xlsx");
        SavingsWorkbook.Write(Results.WorkedExampleResult, path);
        var sheet = SheetXml(path, WorkbookContext.OfficerTime);
        Assert.DoesNotContain(sheet.Descendants(Ns + "c"), c => (string?)c.Attribute("t") == "inlineStr");
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
        var summary = LibreOfficeRoundTripTests.Csv(Path.Combine(outDir, "stripped-Summary.csv"));
        double Num(string label)
        {
            var text = summary.Single(r => r.Count > 1 && r[0] == label)[1];
            return text.EndsWith('%') ? double.Parse(text[..^1], CultureInfo.InvariantCulture) / 100 : double.Parse(text, CultureInfo.InvariantCulture);
        }
        var t = result.Totals;
        Pence(t.GrossBenefit, Num("Gross benefit"), "LibreOffice gross");
        Pence(t.AdjustedBenefit, Num("Adjusted benefit"), "LibreOffice adjusted");
        Pence(t.Cashable, Num("Cashable (adjusted)"), "LibreOffice cashable");
        Pence(t.NetBenefit, Num("Net benefit"), "LibreOffice net");
        Pence(t.Npv, Num("Net present value (NPV)"), "LibreOffice NPV");
        Pence(t.OfficerHoursReleased, Num("Officer hours released"), "LibreOffice hours");

        var appraisal = LibreOfficeRoundTripTests.Csv(Path.Combine(outDir, "stripped-Appraisal.csv"));
        foreach (var m in result.Months)
        {
            var row = appraisal.Single(r => r.Count > 5 && r[1] == m.Month.ToString());
            Pence(m.AdjustedBenefit, double.Parse(row[2], CultureInfo.InvariantCulture), $"LibreOffice {m.Month} adjusted");
        }
        // The streamed sheet itself, recalculated by LibreOffice: each row's gross.
        var officer = LibreOfficeRoundTripTests.Csv(Path.Combine(outDir, "stripped-Officer time.csv"));
        var rows = ReportUnits.Of(result)
            .SelectMany(u => u.Working.OfficerTime.OrderBy(r => r.Month).ThenBy(r => r.Grade ?? "", StringComparer.Ordinal)).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            Pence(rows[i].HoursReleased, double.Parse(officer[i + 1][9], CultureInfo.InvariantCulture), $"LibreOffice row {i + 2} hours");
            Pence(rows[i].Gross, double.Parse(officer[i + 1][10], CultureInfo.InvariantCulture), $"LibreOffice row {i + 2} gross");
        }
    }

    /// <summary>
    /// The big synthetic council of docs/reports.md (400 services × 36 months × 10 grades = 144,000 Officer
    /// time rows) with the streaming path. Run with BT_MEASURE=1.
    /// </summary>
    [Fact]
    public void Measure_the_streamed_workbook_for_a_large_council()
    {
        if (Environment.GetEnvironmentVariable("BT_MEASURE") != "1") return;
        const int services = 400, grades = 10;
        var b = new CouncilBuilder();
        var json = new System.Text.StringBuilder("{\"version\":\"m\",\"unit_costs_gbp\":{\"web\":0.15,\"phone\":2.83,\"face_to_face\":8.62},\"officer_hourly_cost_gbp\":{\"default\":30},\"services\":{");
        for (var s = 0; s < services; s++)
        {
            var name = $"svc-{s}";
            json.Append(s == 0 ? "" : ",").Append($"\"{name}\":{{\"go_live\":\"2023-01\",\"baseline\":{{\"from\":\"2022-01\",\"to\":\"2022-12\"}}}}");
            b.VolumeEachMonth(name, "web", "2022-01", "2025-12", 100 + s).VolumeEachMonth(name, "phone", "2022-01", "2025-12", 50);
            for (var g = 0; g < grades; g++) b.ClosedEachMonth(name, "2022-01", "2025-12", 10 + g, 5, "G" + g);
        }
        json.Append("}}");
        var request = new ReportRequest(new Core.Domain.Month(2023, 1), new Core.Domain.Month(2025, 12));
        var result = SavingsEngine.ComputeCouncil(b.Build(), null, AssumptionSet.Parse(json.ToString()), request, CouncilBuilder.NoLineage());
        var officerRows = result.Services.Sum(s => s.OfficerTime.Count);
        Assert.True(officerRows > SavingsWorkbook.StreamThreshold);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(true);
        var sw = Stopwatch.StartNew();
        using var dir = new TempDir();
        var path = dir.File("savings.xlsx");
        SavingsWorkbook.Write(result, path);
        sw.Stop();
        var allocated = GC.GetTotalAllocatedBytes(true) - before;
        output.WriteLine($"streamed: {services} services x 36 months x {grades} grades: Monthly {services * 36} rows, Officer time {officerRows} rows -> " +
            $"{sw.ElapsedMilliseconds} ms, {allocated / 1_000_000} MB allocated, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000} MB, " +
            $"file {new FileInfo(path).Length / 1000} kB");
        Assert.Contains("inlineStr", EntryTextOfSheet(path, WorkbookContext.OfficerTime)[..100_000]);
    }

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
