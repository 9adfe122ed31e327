using System.Diagnostics;
using BenefitsTracker.Reports.Workbook;
using Xunit.Abstractions;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// How the workbook prints, looked at the way a finance officer would: LibreOffice prints it to PDF and the pages' text is
/// read back. A sheet too wide for one readable page runs across pages, each repeating the first column.
/// </summary>
public class WorkbookPrintTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_Green_Book_sheet_prints_across_pages_each_with_its_month_column()
    {
        var soffice = Tools.Require("soffice", "libreoffice-calc-nogui", new Output(output), "/usr/bin/soffice");
        var pdftotext = Tools.Require("pdftotext", "poppler-utils", new Output(output), "/usr/bin/pdftotext");
        if (soffice is null || pdftotext is null) return;
        using var dir = new TempDir();
        var workbook = dir.File("savings.xlsx");
        SavingsWorkbook.Write(Results.SampleConwy, workbook);

        await RunAsync(soffice, "-env:UserInstallation=" + new Uri(Path.Combine(dir.Path, "lo-profile")).AbsoluteUri, "--headless",
            "--norestore", "--convert-to", "pdf", "--outdir", dir.Path, workbook);
        var text = await RunAsync(pdftotext, "-layout", dir.File("savings.pdf"), "-");
        var pages = text.Split('\f');
        var greenBook = pages.Where(p => p.Contains("Green Book, page", StringComparison.Ordinal)).ToList();

        // The month-by-month table's right-hand columns are on a page of their own, and that page still says which month.
        var rightHand = greenBook.Where(p => p.Contains("Discounted real", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rightHand);
        Assert.All(rightHand, p => Assert.Contains("Month no.", p, StringComparison.Ordinal));
        Assert.True(greenBook.Count >= 2, $"the Green Book sheet printed on {greenBook.Count} page(s): squeezed onto one, it is unreadable");
    }

    /// <summary>
    /// Every heading of every sheet's header row prints whole: its last word is on that sheet's pages (a row of fixed
    /// height cut "Adjusted: Avoidable contact (failed online, then phoning)" after "online, then").
    /// </summary>
    [Theory]
    [InlineData("council")]
    [InlineData("consortium")]
    public async Task Every_heading_prints_whole(string scope)
    {
        var soffice = Tools.Require("soffice", "libreoffice-calc-nogui", new Output(output), "/usr/bin/soffice");
        var pdftotext = Tools.Require("pdftotext", "poppler-utils", new Output(output), "/usr/bin/pdftotext");
        if (soffice is null || pdftotext is null) return;
        using var dir = new TempDir();
        var workbook = dir.File("savings.xlsx");
        SavingsWorkbook.Write(scope == "council" ? Results.SampleConwy : Results.SampleNorthWales, workbook);
        await RunAsync(soffice, "-env:UserInstallation=" + new Uri(Path.Combine(dir.Path, "lo-profile")).AbsoluteUri, "--headless",
            "--norestore", "--convert-to", "pdf", "--outdir", dir.Path, workbook);
        var pages = (await RunAsync(pdftotext, "-layout", dir.File("savings.pdf"), "-")).Split('\f');

        using var wb = new ClosedXML.Excel.XLWorkbook(workbook);
        var checkedHeadings = 0;
        foreach (var ws in wb.Worksheets)
        {
            var header = Enumerable.Range(1, 10).FirstOrDefault(r => ws.Cell(r, 1).Style.Fill.BackgroundColor == Xl.HeaderFill);
            if (header == 0) continue;
            var printed = string.Concat(pages.Where(p => p.Contains($"{ws.Name}, page", StringComparison.Ordinal)));
            Assert.False(printed.Length == 0, $"sheet {ws.Name} printed no page");
            foreach (var cell in ws.Row(header).CellsUsed().Where(c => c.Style.Alignment.WrapText))
            {
                // The last word, or its last part after a hyphen (LibreOffice may break "take-up" after the hyphen).
                var last = cell.GetString().Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Split('-')[^1];
                if (string.IsNullOrEmpty(last)) continue;
                Assert.True(printed.Contains(last, StringComparison.Ordinal),
                    $"{ws.Name}!{cell.Address}: the heading \"{cell.GetString()}\" is cut in print (no \"{last}\" on its pages)");
                checkedHeadings++;
            }
        }
        output.WriteLine($"{checkedHeadings} headings checked");
        Assert.True(checkedHeadings > 20, $"only {checkedHeadings} headings found");
    }

    private async Task<string> RunAsync(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(timeout.Token);
        output.WriteLine(await stderr);
        Assert.Equal(0, p.ExitCode);
        return await stdout;
    }
}
