using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Localisation;
using BenefitsTracker.Reports.Workbook;
using BenefitsTracker.TestSupport;
using Xunit.Abstractions;
using static BenefitsTracker.Reports.Tests.WorkbookAssert;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// Issue 5's check: a spreadsheet program that is not ours opens the workbook with every cached formula
/// value removed, recalculates, and its headline values equal the result to the penny.
/// </summary>
public class LibreOfficeRoundTripTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scopes => new() { "worked", "council", "consortium", "small-members" };

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task LibreOffice_recalculates_the_stripped_workbook_to_the_same_pence(string scope)
    {
        var soffice = Tools.Require("soffice", "libreoffice-calc-nogui", new Output(output), "/usr/bin/soffice");
        if (soffice is null) return;
        var result = Results.ForScope(scope);
        using var dir = new TempDir();
        var original = dir.File("savings.xlsx");
        SavingsWorkbook.Write(result, original);
        var stripped = dir.File("stripped.xlsx");
        var removed = StripCachedValues(original, stripped);
        Assert.True(removed > 100, $"only {removed} cached values stripped");

        var outDir = await ConvertToCsvAsync(soffice, stripped, dir.Path, output);
        AssertRecalculated(outDir, "stripped", result);
    }

    /// <summary>
    /// savings.cy.xlsx (issue 15), made from the English workbook with every sheet renamed: with every cached value
    /// removed, LibreOffice recalculates it to the engine's pence, so every formula's sheet references follow the Welsh names.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task LibreOffice_recalculates_the_stripped_Welsh_workbook_to_the_same_pence(string scope)
    {
        var soffice = Tools.Require("soffice", "libreoffice-calc-nogui", new Output(output), "/usr/bin/soffice");
        if (soffice is null) return;
        var result = Results.ForScope(scope);
        using var dir = new TempDir();
        var english = dir.File("savings.xlsx");
        // The council's detail sheets streamed (threshold 0), so that the streamed formulas are renamed too.
        SavingsWorkbook.Write(result, english, scope == "council" ? 0 : SavingsWorkbook.StreamThreshold);
        var welsh = dir.File("savings.cy.xlsx");
        WorkbookTranslation.Translate(english, welsh, ReportText.Cy);
        var stripped = dir.File("stripped.xlsx");
        var removed = StripCachedValues(welsh, stripped);
        Assert.True(removed > 100, $"only {removed} cached values stripped");

        var outDir = await ConvertToCsvAsync(soffice, stripped, dir.Path, output);
        Assert.False(File.Exists(Path.Combine(outDir, "stripped-Summary.csv")), "an English sheet name in the Welsh workbook");
        AssertRecalculated(outDir, "stripped", result, ReportLanguage.Cy);
    }

    /// <summary>
    /// Writes <paramref name="result"/>'s workbook into <paramref name="dir"/>, strips every cached value and has LibreOffice
    /// recalculate it from nothing; returns the folder of its CSVs, named stripped-Sheet.csv.
    /// </summary>
    internal static async Task<string> RecalculateStrippedAsync(string soffice, SavingsResult result, TempDir dir, ITestOutputHelper output)
    {
        var original = dir.File("savings.xlsx");
        SavingsWorkbook.Write(result, original);
        var stripped = dir.File("stripped.xlsx");
        StripCachedValues(original, stripped);
        return await ConvertToCsvAsync(soffice, stripped, dir.Path, output);
    }

    /// <summary>
    /// The headline figures (Summary) and each month's adjusted benefit and costs (Appraisal) of LibreOffice's
    /// CSVs of the workbook FILE (named FILE-Sheet.csv in <paramref name="outDir"/>) equal the result's.
    /// </summary>
    /// <remarks>
    /// In Welsh (<paramref name="language"/> Cy, savings.cy.xlsx) the sheets and labels are looked up by their Welsh names
    /// (<see cref="WorkbookTranslation"/>); the figures must be the same.
    /// </remarks>
    internal static void AssertRecalculated(string outDir, string file, SavingsResult result, ReportLanguage language = ReportLanguage.En)
    {
        var text = ReportText.For(language);
        var sheets = language == ReportLanguage.En ? null : WorkbookTranslation.SheetNames(text);
        string S(string sheet) => sheets is null ? sheet : sheets[sheet];
        string L(string label) => sheets is null ? label : WorkbookTranslation.TranslateText(label, text) ?? label;
        var summary = Csv(Path.Combine(outDir, $"{file}-{S("Summary")}.csv"));
        string Value(string label) => summary.Single(r => r.Count > 1 && r[0] == L(label))[1];
        // Raw values, except that percentage-formatted cells come out as "328.98...%".
        object Num(string label)
        {
            var text = Value(label);
            return text.EndsWith('%')
                ? double.Parse(text[..^1], CultureInfo.InvariantCulture) / 100
                : double.Parse(text, CultureInfo.InvariantCulture);
        }

        var t = result.Totals;
        Assert.Equal(t.Transactions, (long)(double)Num("Transactions"));
        Pence(t.GrossBenefit, Num("Gross benefit"), "LibreOffice gross");
        Pence(t.AdjustedBenefit, Num("Adjusted benefit"), "LibreOffice adjusted");
        Pence(t.Cashable, Num("Cashable (adjusted)"), "LibreOffice cashable");
        Pence(t.NonCashable, Num("Non-cashable (adjusted)"), "LibreOffice non-cashable");
        Pence(t.Costs, Num("Digital service costs"), "LibreOffice costs");
        Pence(t.NetBenefit, Num("Net benefit"), "LibreOffice net");
        Ratio(t.Roi, t.Roi is null ? Value("Return on investment (ROI)") : Num("Return on investment (ROI)"), "LibreOffice ROI");
        Ratio(t.Bcr, t.Bcr is null ? Value("Benefit-cost ratio (BCR)") : Num("Benefit-cost ratio (BCR)"), "LibreOffice BCR");
        Pence(t.Npv, Num("Net present value (NPV)"), "LibreOffice NPV");
        Assert.Equal(t.PaybackMonth?.ToString() ?? L("not within the period"), Value("Payback month"));
        Pence(t.OfficerHoursReleased, Num("Officer hours released"), "LibreOffice hours");
        if (t.DigitalTakeUp is { } tu) Ratio(tu, Num("Digital take-up"), "LibreOffice take-up");
        if (result.Appraisal is { } a)
        {
            Pence(a.Cash.CashableNet, Num("Cashable net benefit"), "LibreOffice cashable net");
            Assert.Equal(a.Cash.CashablePaybackMonth?.ToString() ?? L("not within the period"), Value("Cashable payback month"));
        }

        // Month by month too (Appraisal: month in column B, adjusted C, costs F).
        var appraisal = Csv(Path.Combine(outDir, $"{file}-{S("Appraisal")}.csv"));
        foreach (var m in result.Months)
        {
            var row = appraisal.Single(r => r.Count > 5 && r[1] == m.Month.ToString());
            Pence(m.AdjustedBenefit, double.Parse(row[2], CultureInfo.InvariantCulture), $"LibreOffice {m.Month} adjusted");
            Pence(m.Costs, double.Parse(row[5], CultureInfo.InvariantCulture), $"LibreOffice {m.Month} costs");
        }
        if (result.Comparison is { } c) AssertComparison(Csv(Path.Combine(outDir, $"{file}-{S("Comparison")}.csv")), c, L);

        // Each service's own line on the Summary (SUMIFS over Monthly by service code), a council's workbook only.
        var header = summary.FirstOrDefault(r => r.Count > 2 && r[0] == L("Service") && r[1] == L("Service code"));
        Assert.Equal(result.Scope.Kind == Core.Model.ScopeKind.Council && result.Services.Count > 0, header is not null);
        if (header is null) return;
        var adjustedCol = header.IndexOf(L("Adjusted benefit"));
        foreach (var w in result.Services)
        {
            var row = summary.First(r => r.Count > adjustedCol && r[1] == w.Service);
            Pence(w.Months.Sum(m => m.AdjustedByLine.Values.Sum()), double.Parse(row[adjustedCol], CultureInfo.InvariantCulture),
                $"LibreOffice {w.Service} adjusted");
        }
    }

    /// <summary>
    /// Each member's comparison figures (Comparison sheet: formulas over the Members sheet, found by council code)
    /// equal the engine's to the penny; a withheld member's show "[c]" (or "&lt;N"); the medians equal the engine's.
    /// </summary>
    private static void AssertComparison(List<List<string>> sheet, ConsortiumComparison c, Func<string, string> L)
    {
        static double Cell(string text) => text.EndsWith('%')
            ? double.Parse(text[..^1], CultureInfo.InvariantCulture) / 100 : double.Parse(text, CultureInfo.InvariantCulture);
        void Figure(decimal? expected, string text, string what)
        {
            if (expected is { } e) Pence(e, Cell(text), what);
            else Assert.True(text is "[c]" or "n/a" or "undefined", $"{what}: {text}");
        }
        foreach (var m in c.Members)
        {
            var row = sheet.Single(r => r.Count > 13 && r[0] == m.Code);
            if (m.Suppressed)
            {
                Assert.True(row[3] == "[c]" || row[3] == $"<{c.SuppressionThreshold}", $"{m.Name} transactions: {row[3]}");
                Assert.All(row.Skip(4).Take(9), v => Assert.Equal("[c]", v));
                continue;
            }
            Assert.Equal(m.Transactions, (long)Cell(row[3]));
            Figure(m.AdjustedBenefit, row[4], $"{m.Name} adjusted");
            Figure(m.Costs, row[5], $"{m.Name} costs");
            Figure(m.NetBenefit, row[6], $"{m.Name} net");
            if (m.Roi is { } roi) Ratio(roi, Cell(row[7]), $"{m.Name} ROI"); else Assert.Equal(L("undefined"), row[7]);
            Figure(m.BenefitPerTransaction, row[8], $"{m.Name} benefit per transaction");
            Figure(m.AdjustedBenefitPer1000Residents, row[9], $"{m.Name} benefit per 1,000");
            Figure(m.CostPer1000Residents, row[10], $"{m.Name} cost per 1,000");
            if (m.DigitalTakeUp is { } tu) Ratio(tu, Cell(row[11]), $"{m.Name} take-up");
        }
        var median = sheet.Single(r => r.Count > 13 && r[0] == L("Consortium median"));
        Figure(c.Median.AdjustedBenefit, median[4], "median adjusted");
        Figure(c.Median.Costs, median[5], "median costs");
        Figure(c.Median.NetBenefit, median[6], "median net");
        if (c.Median.Roi is { } mr) Ratio(mr, Cell(median[7]), "median ROI");
        Figure(c.Median.BenefitPerTransaction, median[8], "median benefit per transaction");
        Figure(c.Median.AdjustedBenefitPer1000Residents, median[9], "median benefit per 1,000");
        Figure(c.Median.CostPer1000Residents, median[10], "median cost per 1,000");
    }

    /// <summary>
    /// LibreOffice recalculates <paramref name="workbook"/> in a fresh profile and writes one CSV per sheet
    /// (raw values) into DIR/csv, whose path it returns.
    /// </summary>
    internal static async Task<string> ConvertToCsvAsync(string soffice, string workbook, string dir, ITestOutputHelper output, bool asShown = false)
    {
        var outDir = Path.Combine(dir, "csv");
        var psi = new ProcessStartInfo(soffice)
        {
            ArgumentList =
            {
                "-env:UserInstallation=" + new Uri(Path.Combine(dir, "lo-profile")).AbsoluteUri, "--headless", "--norestore",
                "--convert-to", $"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,{(asShown ? "true" : "false")},false,false,-1",
                "--outdir", outDir, workbook,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(timeout.Token);
        output.WriteLine(await stdout + await stderr);
        Assert.Equal(0, p.ExitCode);
        return outDir;
    }

    /// <summary>Copies the workbook with the cached result of every formula cell removed; returns how many.</summary>
    /// <summary>Copies the workbook with every cached formula value removed, so only recalculation can fill them.</summary>
    internal static int StripCachedValues(string source, string target)
    {
        File.Copy(source, target);
        using var zip = ZipFile.Open(target, ZipArchiveMode.Update);
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var removed = 0;
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList())
        {
            XDocument doc;
            using (var s = entry.Open()) doc = XDocument.Load(s);
            foreach (var cell in doc.Descendants(ns + "c").Where(c => c.Element(ns + "f") is not null))
            {
                if (cell.Element(ns + "v") is { } v) { v.Remove(); removed++; }
                cell.Attribute("t")?.Remove();
            }
            var name = entry.FullName;
            entry.Delete();
            using var w = zip.CreateEntry(name).Open();
            doc.Save(w);
        }
        return removed;
    }

    /// <summary>Reads one sheet as LibreOffice wrote it (comma-separated, quoted where needed).</summary>
    internal static List<List<string>> Csv(string path)
    {
        Assert.True(File.Exists(path), $"LibreOffice wrote no {Path.GetFileName(path)}");
        return [.. File.ReadAllLines(path).Select(FixtureCsv.Split)];
    }
}
