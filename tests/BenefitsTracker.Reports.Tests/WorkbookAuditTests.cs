using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Reports.Workbook;
using ClosedXML.Excel;
using Xunit.Abstractions;
using static BenefitsTracker.Reports.Tests.WorkbookAssert;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// Issue 13, the workbook a finance officer audits: labels that depend on an assumption are formulas, the
/// Spend sheet's months come from the cost lines, sorting a table moves no figure, and it prints usably.
/// </summary>
public class WorkbookAuditTests(ITestOutputHelper output)
{
    private static int CashableRow(BenefitLine line) => 2 + BenefitLines.All.ToList().IndexOf(line);

    [Fact]
    public void Counted_as_cashable_follows_the_named_assumption()
    {
        using var dir = new TempDir();
        var result = Results.WorkedExampleResult;
        using var wb = WriteAndRecalculate(result, dir);
        var sheet = wb.Worksheet("Cashable");
        var cell = sheet.Cell(CashableRow(BenefitLine.OfficerTime), 2);
        Assert.True(cell.HasFormula, "the label is a formula");
        var was = result.Assumptions.Cashable.GetValueOrDefault(BenefitLine.OfficerTime);
        Assert.Equal(was ? "Yes" : "No", cell.GetString());

        SetNamed(wb, "cashable_officer_time", was ? 0m : 1m);
        Assert.Equal(was ? "No" : "Yes", sheet.Cell(CashableRow(BenefitLine.OfficerTime), 2).GetString());
        // Avoidable contact takes channel shift's flag, and its label follows it.
        var shift = result.Assumptions.Cashable.GetValueOrDefault(BenefitLine.ChannelShift);
        SetNamed(wb, "cashable_channel_shift", shift ? 0m : 1m);
        Assert.Equal(shift ? "No" : "Yes", sheet.Cell(CashableRow(BenefitLine.AvoidableContact), 2).GetString());
    }

    [Fact]
    public void Counted_as_cashable_says_varies_when_services_differ()
    {
        using var dir = new TempDir();
        using var wb = WriteAndRecalculate(Results.SampleConwy, dir);
        var flags = wb.Worksheet("Assumptions").CellsUsed(c => c.HasFormula && c.FormulaA1 == "cashable_print")
            .ToList();
        Assert.True(flags.Count > 1, "Conwy has several services linked to cashable_print");
        // One service overrides the flag: the label says so.
        var top = Convert.ToDouble(Named(wb, "cashable_print"), CultureInfo.InvariantCulture);
        SetNamedCell(wb, flags[0], 1m - (decimal)top);
        Assert.Equal("Varies by service", wb.Worksheet("Cashable").Cell(CashableRow(BenefitLine.Print), 2).GetString());
    }

    [Fact]
    public void Spend_months_are_SUMIFS_over_the_cost_lines_so_a_changed_line_flows_through()
    {
        using var dir = new TempDir();
        var result = Results.SampleConwy;
        using var wb = WriteAndRecalculate(result, dir);
        var spend = wb.Worksheet("Spend");
        var digital = spend.Row(1).CellsUsed().Where(c => c.GetString().StartsWith("Digital cost: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(digital);
        foreach (var header in digital)
            for (var t = 0; t < result.Months.Count; t++)
                Assert.StartsWith("SUMIFS(", spend.Cell(t + 2, header.Address.ColumnNumber).FormulaA1, StringComparison.Ordinal);

        // Double the first digital cost line's amount: its months' costs, and the total, rise by what it carries.
        var lines = spend.Table("CostLinesTable");
        var amountCol = lines.HeadersRow().Cells().First(c => c.GetString() == "Amount").Address.ColumnNumber;
        var categoryCol = lines.HeadersRow().Cells().First(c => c.GetString() == "Category").Address.ColumnNumber;
        var row = lines.DataRange.Rows()
            .First(r => CostCategories.Digital.Contains(r.Cell(categoryCol - lines.RangeAddress.FirstAddress.ColumnNumber + 1).GetString()));
        var line = result.Costs.First(c => !CostCategories.IsBaseline(c.Line.Category));
        var before = Convert.ToDecimal(Named(wb, SummarySheet.Costs), CultureInfo.InvariantCulture);
        var amount = spend.Cell(row.RowNumber(), amountCol);
        Assert.Equal((double)line.Line.Amount, Convert.ToDouble(amount.Value, CultureInfo.InvariantCulture), 6);
        SetNamedCell(wb, amount, line.Line.Amount * 2);
        var after = Convert.ToDecimal(Named(wb, SummarySheet.Costs), CultureInfo.InvariantCulture);
        var uplift = 1m + (result.Appraisal?.OptimismBiasCosts ?? 0m);
        Pence(line.InPeriod * uplift, after - before, "the change in costs");
        Assert.True(line.InPeriod > 0, "the line carries an amount in the period");
    }

    /// <summary>Sorting each detail table (descending on its last column) and recalculating changes no figure.</summary>
    [Theory]
    [InlineData("worked")]
    [InlineData("council")]
    [InlineData("consortium")]
    public void Sorting_the_detail_tables_moves_no_figure(string scope)
    {
        using var dir = new TempDir();
        var result = scope switch { "worked" => Results.WorkedExampleResult, "council" => Results.SampleConwy, _ => Results.SampleNorthWales };
        using var wb = WriteAndRecalculate(result, dir);
        Sort(wb);
        wb.RecalculateAllFormulas();
        Headlines(wb, result);
        var appraisal = wb.Worksheet("Appraisal");
        for (var t = 0; t < result.Months.Count; t++)
        {
            Pence(result.Months[t].AdjustedBenefit, appraisal.Cell(t + 2, AppraisalSheet.AdjustedCol).Value,
                $"{result.Months[t].Month} adjusted after sorting");
            Pence(result.Months[t].Costs, appraisal.Cell(t + 2, AppraisalSheet.CostsCol).Value, $"{result.Months[t].Month} costs after sorting");
        }
        if (scope == "consortium") return;
        // The benefits register's value realised finds its service's Monthly rows by council and service.
        var register = wb.Worksheet(RegisterSheet.SheetName);
        var rows = BenefitsTracker.Reports.Register.BenefitsRegister.Rows(result);
        Assert.NotEmpty(rows);
        for (var i = 0; i < rows.Count; i++)
            Pence(rows[i].Realised, register.Cell(i + 2, RegisterSheet.RealisedCol).Value,
                $"register {rows[i].Service} {rows[i].Line} after sorting");
    }

    /// <summary>The register's "Assumption behind it" is a formula over the named assumptions: a changed rate changes the words.</summary>
    [Fact]
    public void Register_assumption_text_follows_the_named_assumptions()
    {
        using var dir = new TempDir();
        var result = Results.WorkedExampleResult;
        using var wb = WriteAndRecalculate(result, dir);
        var register = wb.Worksheet(RegisterSheet.SheetName);
        var rows = BenefitsTracker.Reports.Register.BenefitsRegister.Rows(result);
        for (var i = 0; i < rows.Count; i++)
        {
            var cell = register.Cell(i + 2, 10);
            Assert.True(cell.HasFormula, $"{rows[i].Line}: the assumption text is a formula");
            Assert.Equal(rows[i].Assumption, cell.GetString());
        }
        var shift = rows.Select((r, i) => (r, i)).First(x => x.r.Line == BenefitLine.ChannelShift).i;
        Assert.Contains("phone £", register.Cell(shift + 2, 10).GetString(), StringComparison.Ordinal);
        // Phone at £4.00 and deadweight at 0.25 for every service: the words say so.
        SetNamed(wb, "unit_cost_phone", 4m);
        SetNamed(wb, "deadweight", 0.25m);
        var text = register.Cell(shift + 2, 10).GetString();
        Assert.Contains("phone £4.00", text, StringComparison.Ordinal);
        Assert.Contains("deadweight 0.25)", text, StringComparison.Ordinal);
    }

    /// <summary>The same in LibreOffice: the sorted workbook, every cached value stripped, recalculates to the result.</summary>
    [Fact]
    public async Task LibreOffice_recalculates_a_sorted_workbook_to_the_same_pence()
    {
        var soffice = Tools.Require("soffice", "libreoffice-calc-nogui", new Output(output), "/usr/bin/soffice");
        if (soffice is null) return;
        var result = Results.SampleConwy;
        using var dir = new TempDir();
        var sorted = dir.File("sorted-full.xlsx");
        using (var wb = WriteAndRecalculate(result, dir))
        {
            Sort(wb);
            wb.SaveAs(sorted);
        }
        var stripped = dir.File("sorted.xlsx");
        LibreOfficeRoundTripTests.StripCachedValues(sorted, stripped);
        var outDir = await LibreOfficeRoundTripTests.ConvertToCsvAsync(soffice, stripped, dir.Path, output);
        LibreOfficeRoundTripTests.AssertRecalculated(outDir, "sorted", result);
    }

    /// <summary>
    /// Sorts Monthly, Officer time and Avoidable contact by their last column, largest first, as a spreadsheet
    /// program sorts (each row's cells move together and a formula's references to its own row stay relative:
    /// ClosedXML's own Range.Sort copies formula text unchanged, which no spreadsheet program does), and checks
    /// the order changed.
    /// </summary>
    private static void Sort(XLWorkbook wb)
    {
        var moved = 0;
        foreach (var (sheet, table) in new[] { ("Monthly", "MonthlyTable"), ("Officer time", "OfficerTimeTable"),
            ("Avoidable contact", "AvoidableContactTable") })
        {
            if (!wb.TryGetWorksheet(sheet, out var ws) || !ws.Tables.Any(t => t.Name == table)) continue;
            var data = ws.Table(table).DataRange;
            var first = data.FirstRow().RowNumber();
            var columns = data.ColumnCount();
            var rows = data.Rows().Select(r => Enumerable.Range(1, columns).Select(c =>
            {
                var cell = r.Cell(c);
                return (Formula: cell.HasFormula ? cell.FormulaR1C1 : null, Value: cell.HasFormula ? null : cell.Value, Key: cell.Value);
            }).ToArray()).ToList();
            var order = rows.Select((r, i) => (Row: r, Was: i))
                .OrderByDescending(x => Convert.ToDouble(x.Row[columns - 1].Key, CultureInfo.InvariantCulture)).ThenByDescending(x => x.Was).ToList();
            for (var i = 0; i < order.Count; i++)
            {
                if (order[i].Was != i) moved++;
                for (var c = 0; c < columns; c++)
                {
                    var cell = ws.Cell(first + i, data.FirstColumn().ColumnNumber() + c);
                    var (formula, value, _) = order[i].Row[c];
                    if (formula is not null) cell.FormulaR1C1 = formula;
                    else cell.Value = value;
                }
            }
        }
        Assert.True(moved > 0, "sorting moved some rows");
    }

    private static void SetNamedCell(XLWorkbook wb, IXLCell cell, decimal value)
    {
        cell.Value = (double)value;
        wb.RecalculateAllFormulas();
    }

    [Theory]
    [InlineData("council")]
    [InlineData("consortium")]
    public void Every_sheet_prints_readably_across_as_few_pages_as_it_needs_with_its_header_repeated(string scope)
    {
        using var dir = new TempDir();
        var path = dir.File("savings.xlsx");
        SavingsWorkbook.Write(scope == "council" ? Results.SampleConwy : Results.SampleNorthWales, path);
        using var wb = new XLWorkbook(path);
        string workbookXml;
        using (var z = ZipFile.OpenRead(path))
        using (var reader = new StreamReader(z.GetEntry("xl/workbook.xml")!.Open()))
            workbookXml = reader.ReadToEnd();
        foreach (var ws in wb.Worksheets)
        {
            var ps = ws.PageSetup;
            Assert.Equal(XLPaperSize.A4Paper, ps.PaperSize);
            var columns = ws.LastColumnUsed()?.ColumnNumber() ?? 1;
            var width = Enumerable.Range(1, columns).Sum(c => SavingsWorkbook.PrintedWidth(ws.Column(c)));
            // The scale the printer will use: the page's width times the pages across, over the sheet's width.
            var scale = Math.Min(1, ps.PagesWide * SavingsWorkbook.PageWidthUnits(ps.PageOrientation) / width);
            if (ws.Name != "Summary")
            {
                Assert.True(scale >= SavingsWorkbook.MinimumScale, $"{ws.Name}: prints at {scale:P0} across {ps.PagesWide} page(s)");
                // No more pages than needed: one page fewer would print below the minimum scale.
                if (ps.PagesWide > 1)
                {
                    Assert.True((ps.PagesWide - 1) * SavingsWorkbook.PageWidthUnits(ps.PageOrientation) / width < SavingsWorkbook.MinimumScale,
                        $"{ws.Name}: {ps.PagesWide} pages across where fewer would do");
                    // The first column repeats at the left (read from the file: ClosedXML 0.95 does not load column print titles).
                    var quoted = ws.Name.Contains(' ', StringComparison.Ordinal) ? $"'{ws.Name}'" : ws.Name;
                    // Absolute, as Excel writes them: LibreOffice repeats no column from a relative A:A.
                    Assert.Contains($">{quoted}!$A:$A,{quoted}!$1:$", workbookXml, StringComparison.Ordinal);
                    Assert.Equal(XLPageOrderValues.OverThenDown, ps.PageOrder);
                }
            }
            else Assert.Equal(1, ps.PagesWide);
            // One page tall; a council's has its tables by service on a page of their own, after a page break.
            if (ws.Name == "Summary") Assert.Equal(ps.RowBreaks.Count > 0 ? 0 : 1, ps.PagesTall);
            else
            {
                Assert.Equal(0, ps.PagesTall);
                // Read from the file's print titles: ClosedXML 0.95 loads no rows when columns repeat as well.
                var quoted = Regex.Escape(ws.Name.Contains(' ', StringComparison.Ordinal) ? $"'{ws.Name}'" : ws.Name);
                var titles = Regex.Match(workbookXml, $@">(?:{quoted}!\$A:\$A,)?{quoted}!\$(\d+):\$(\d+)</x:definedName>");
                Assert.True(titles.Success, $"{ws.Name}: a header row repeats on every page");
                Assert.Equal(1, int.Parse(titles.Groups[1].Value, CultureInfo.InvariantCulture));
                Assert.Equal(Xl.HeaderFill, ws.Cell(int.Parse(titles.Groups[2].Value, CultureInfo.InvariantCulture), 1).Style.Fill.BackgroundColor);
            }
            var wide = (ws.LastColumnUsed()?.ColumnNumber() ?? 1) > SavingsWorkbook.PortraitColumns;
            if (wide) Assert.Equal(XLPageOrientation.Landscape, ps.PageOrientation);
        }
        // Fit-to-page is switched on in each sheet's properties, where Excel and LibreOffice read it.
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            Assert.Contains("fitToPage=\"1\"", reader.ReadToEnd(), StringComparison.Ordinal);
        }
    }
}
