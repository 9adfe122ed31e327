using System.Diagnostics;
using System.Text.RegularExpressions;
using BenefitsTracker.Reports.Workbook;
using Xunit.Abstractions;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// How the workbook prints, looked at the way a finance officer would: LibreOffice prints it to PDF and the pages' text is
/// read back. A sheet too wide for one readable page runs across pages, each repeating the first column.
/// </summary>
public partial class WorkbookPrintTests(ITestOutputHelper output)
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

        // The month-by-month table's right-hand columns are on a page of their own, and that page still says which month
        // ("Price index" heads one of them, as no other table's column).
        var rightHand = greenBook.Where(p => p.Contains("Price index", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rightHand);
        Assert.All(rightHand, p => Assert.Contains("Month no.", p, StringComparison.Ordinal));
        Assert.True(greenBook.Count >= 2, $"the Green Book sheet printed on {greenBook.Count} page(s): squeezed onto one, it is unreadable");
    }

    /// <summary>
    /// Every heading of every header row, and every title, note or caption (a text alone in its row), prints whole on one page
    /// of its sheet, where the eye sees it, in English and in Welsh. pdftotext reads a page's text layer, which holds a text
    /// cut by its cell (a heading in a row too short for its lines, a note cut at the edge of the first column where it repeats
    /// at the left of the pages to the right) as whole as one not cut. So besides the text (the whole of it on one page:
    /// "pdftotext -f N -l N"), each of its words must be drawn: the page rendered, the word's box on it has ink, not blank
    /// paper. A note whose first words show on a page must show whole there, not a cut fragment of it ("Cost lines in s").
    /// The benefits register's sentences are held to the same: each whole in its cell.
    /// </summary>
    [Theory]
    [InlineData("council", "en")]
    [InlineData("worked", "en")]
    [InlineData("consortium", "en")]
    [InlineData("council", "cy")]
    [InlineData("consortium", "cy")]
    public async Task Every_heading_and_note_prints_whole_on_one_page(string scope, string language)
    {
        var soffice = Tools.Require("soffice", "libreoffice-calc-nogui", new Output(output), "/usr/bin/soffice");
        var pdftotext = Tools.Require("pdftotext", "poppler-utils", new Output(output), "/usr/bin/pdftotext");
        var pdftoppm = Tools.Require("pdftoppm", "poppler-utils", new Output(output), "/usr/bin/pdftoppm");
        var pdfseparate = Tools.Require("pdfseparate", "poppler-utils", new Output(output), "/usr/bin/pdfseparate");
        if (soffice is null || pdftotext is null || pdftoppm is null || pdfseparate is null) return;
        using var dir = new TempDir();
        var result = scope switch { "council" => ConwyEstimated.Value, "worked" => Results.WorkedExampleResult, _ => Results.SampleNorthWales };
        var workbook = dir.File("savings.xlsx");
        SavingsWorkbook.Write(result, workbook);
        if (language == "cy")
        {
            workbook = dir.File("savings-cy.xlsx");
            WorkbookTranslation.Translate(dir.File("savings.xlsx"), workbook, Localisation.ReportText.Cy, result);
        }
        await RunAsync(soffice, "-env:UserInstallation=" + new Uri(Path.Combine(dir.Path, "lo-profile")).AbsoluteUri, "--headless",
            "--norestore", "--convert-to", "pdf", "--outdir", dir.Path, workbook);
        var pdf = Path.ChangeExtension(workbook, ".pdf");
        // BENEFITS_PRINT_OUT=DIR keeps each printed workbook there, to look at.
        if (Environment.GetEnvironmentVariable("BENEFITS_PRINT_OUT") is { Length: > 0 } keep)
            File.Copy(pdf, Path.Combine(Directory.CreateDirectory(keep).FullName, $"{scope}.{language}.pdf"), overwrite: true);
        var pages = await PrintedPage.ReadAsync(pdf, pdftotext, pdftoppm, pdfseparate, dir.Path, RunAsync);

        using var wb = new ClosedXML.Excel.XLWorkbook(workbook);
        var (headings, notes, labels, faults) = (0, 0, 0, new List<string>());
        // The sheets held to LegiblePoints, by their name in this workbook's language.
        var names = language == "cy" ? WorkbookTranslation.SheetNames(Localisation.ReportText.Cy) : null;
        var legible = Legible(scope).Select(n => names?.GetValueOrDefault(n) ?? n).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(legible.Count, wb.Worksheets.Count(ws => legible.Contains(ws.Name)));
        foreach (var ws in wb.Worksheets)
        {
            var printed = pages.Where(p => p.Sheet == ws.Name).ToList();
            Assert.False(printed.Count == 0, $"sheet {ws.Name} printed no page");
            // Printed at a size that can be read: no text run on past the sheet's last column, widening what is printed and so
            // shrinking the whole sheet to fit the page (the Counterfactual sheet at 3.1 pt, the consortium Summary at 2.9 pt).
            var least = legible.Contains(ws.Name) ? LegiblePoints : FloorPoints;
            foreach (var page in printed.Where(p => p.Points < least))
                faults.Add($"{ws.Name}: page {page.Number} prints its text at {page.Points:0.0} pt, under {least} pt");
            output.WriteLine($"{ws.Name}: {printed.Count} page(s) at {printed.Min(p => p.Points):0.0} pt");
            foreach (var row in ws.RowsUsed())
            {
                var cells = row.CellsUsed().Where(c => !c.HasFormula && c.GetString().Trim().Length > 0).ToList();
                var header = ws.Cell(row.RowNumber(), 1).Style.Fill.BackgroundColor == Xl.HeaderFill;
                if (header)
                    foreach (var cell in cells.Where(c => c.Style.Alignment.WrapText))
                    {
                        headings++;
                        if (PrintedPage.Whole(printed, cell.GetString()) is { } fault) faults.Add($"{ws.Name}!{cell.Address}: {fault}");
                        else if (PrintedPage.Broken(printed, cell.GetString()) is { } broken) faults.Add($"{ws.Name}!{cell.Address}: {broken}");
                    }
                else if (ws.Tables.FirstOrDefault(t => t.Name == "RegisterTable") is { } register
                         && row.RowNumber() <= register.RangeAddress.LastAddress.RowNumber)
                    // The benefits register's sentences (description, measure, evidence), each whole in its cell.
                    foreach (var cell in cells.Where(c => c.DataType == ClosedXML.Excel.XLDataType.Text && c.GetString().Length > 15))
                    {
                        notes++;
                        if (PrintedPage.Whole(printed, cell.GetString()) is { } fault) faults.Add($"{ws.Name}!{cell.Address}: {fault}");
                    }
                else if (cells.Count == 1 && row.CellsUsed().Count() == 1 && cells[0].DataType == ClosedXML.Excel.XLDataType.Text)
                {
                    notes++;
                    var text = cells[0].GetString();
                    if (PrintedPage.Whole(printed, text) is { } fault) faults.Add($"{ws.Name}!{cells[0].Address}: {fault}");
                    else if (PrintedPage.Fragment(printed, text) is { } cut) faults.Add($"{ws.Name}!{cells[0].Address}: {cut}");
                }
                if (header) continue;
                // A label in the first column beside its figure (a differing assumption's name, a register check), and a
                // figure that is a sentence (the payback month's "not within the period"), whole and drawn: not cut by the
                // cell beside it.
                var first = ws.Cell(row.RowNumber(), 1);
                if (!first.HasFormula && first.DataType == ClosedXML.Excel.XLDataType.Text && first.GetString().Length > 0
                    && row.CellsUsed().Any(c => c.HasFormula || c.Address.ColumnNumber > 1))
                {
                    labels++;
                    if (PrintedPage.Whole(printed, first.GetString()) is { } fault) faults.Add($"{ws.Name}!{first.Address}: {fault}");
                }
                foreach (var cell in row.CellsUsed().Where(c => c.HasFormula && c.CachedValue is string { Length: > 12 } v && v.Any(char.IsLetter)))
                {
                    labels++;
                    if (PrintedPage.Whole(printed, (string)cell.CachedValue) is { } fault) faults.Add($"{ws.Name}!{cell.Address}: {fault}");
                }
                // A wrapped sentence (the Counterfactual sheet's reason not estimated, a note wrapped across the sheet) in a row tall
                // enough: not printed over the rows below; its words each on one line (a word too long for its column is broken).
                foreach (var cell in cells.Where(c => c.Style.Alignment.WrapText && c.GetString().Length > 15))
                {
                    if (PrintedPage.Overprinted(printed, cell.GetString()) is { } fault) faults.Add($"{ws.Name}!{cell.Address}: {fault}");
                    if (PrintedPage.Broken(printed, cell.GetString()) is { } broken) faults.Add($"{ws.Name}!{cell.Address}: {broken}");
                }
            }
        }
        // A month number beside its month ("1" and "2024-01") printed apart, not read as one "12024-01".
        foreach (var page in pages)
            foreach (var (number, month) in page.Words.Zip(page.Words.Skip(1)))
                if (MonthNumber().IsMatch(number.Word) && MonthText().IsMatch(month.Word) && Math.Abs(number.Y0 - month.Y0) < 1
                    && month.X0 - number.X1 < 3)
                    faults.Add($"{page.Sheet}: month number {number.Word} and month {month.Word} printed {month.X0 - number.X1:0.0} pt apart");
        output.WriteLine($"{headings} headings, {notes} notes and {labels} labels checked on {pages.Count} pages");
        Assert.True(headings > 20 && notes > 5, $"only {headings} headings and {notes} notes found");
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    /// <summary>
    /// The body text's size in points, as printed, that the sheets of <see cref="Legible"/> must reach on every page. The
    /// tests' LibreOffice has no Calibri (nor its metric twin Carlito) and sets the workbook in DejaVu Sans, whose digit is about
    /// a third wider: it makes every column that much wider, and so prints a sheet fitted to a page at three quarters of the
    /// scale Excel prints it at (8 pt here is about 10.5 pt in Excel).
    /// </summary>
    internal const double LegiblePoints = 8;

    /// <summary>
    /// The size every page must reach: <see cref="SavingsWorkbook.MinimumScale"/> of 11 pt, at the three quarters of Excel's scale
    /// that LibreOffice prints at here (see <see cref="LegiblePoints"/>), less a little.
    /// </summary>
    internal const double FloorPoints = 5.5;

    /// <summary>
    /// The sheets held to <see cref="LegiblePoints"/>: the consortium's Summary and Assumptions (one page wide, their notes once
    /// run on past their last column, 2.9 and 5.4 pt), the Counterfactual sheet (its model notes likewise, 3.1 pt), Lineage and
    /// Cashable (fitted to a portrait page they were wider than: 5.9 and 6.4 pt), and a council's Summary (one page with its
    /// 11-column table of services: 6.4 pt; now that table on a page of its own, its figure columns as narrow as their figures and
    /// its first column wrapped: 8.1 pt in English and Welsh).
    /// </summary>
    private static IEnumerable<string> Legible(string scope) => scope switch
    {
        "consortium" => [WorkbookContext.Summary, WorkbookContext.Assumptions, WorkbookContext.LineageSheetName],
        "council" => [WorkbookContext.Summary, CounterfactualSheet.SheetName, WorkbookContext.Cashable, WorkbookContext.LineageSheetName],
        _ => [WorkbookContext.Summary, WorkbookContext.Cashable, WorkbookContext.LineageSheetName],
    };

    /// <summary>
    /// The sample Conwy with its counterfactual estimates, as the report command and demo compute them (the sample assumptions
    /// estimate no deadweight, so the figures are <see cref="Results.SampleConwy"/>'s): its workbook has the Counterfactual sheet,
    /// with the model's notes and the reasons an estimate was refused in full.
    /// </summary>
    private static readonly Lazy<Core.Model.SavingsResult> ConwyEstimated = new(() =>
    {
        var consortium = TestSupport.FixtureData.LoadConsortium(Results.SampleDirectory, "north-wales", "North Wales");
        var result = Results.SampleConwy;
        var assumptions = Core.Assumptions.AssumptionSet.Parse(File.ReadAllBytes(Path.Combine(Results.SampleDirectory, "assumptions.json")));
        var estimates = Analytics.Counterfactual.CounterfactualEstimator.ForCouncil(
            consortium.Members.Single(m => m.Code == result.Scope.Id), consortium, assumptions, result.Request);
        Assert.NotEmpty(estimates);
        return result with { Counterfactual = estimates };
    });

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex MonthNumber();

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthText();

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

/// <summary>
/// A page of a workbook as LibreOffice printed it: its sheet (from its footer, "Sheet, page N of M" or in Welsh "…, tudalen N o
/// M"), its text in content-stream order (a wrapped cell's lines one after another), its words with their boxes, the size its
/// text is printed at, and the page rendered in grey at 144 dpi (two pixels a point), to tell a word drawn from a word its cell
/// cut off.
/// </summary>
internal sealed partial class PrintedPage
{
    public required string Sheet { get; init; }
    public required int Number { get; init; }

    /// <summary>
    /// The size in points its body text is printed at: the font size most of its text runs are set in (the page's PDF content,
    /// "/F1 5.893 Tf"), that is the sheet's 11 pt at the scale the sheet is printed at.
    /// </summary>
    public required double Points { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<(string Word, double X0, double Y0, double X1, double Y1)> Words { get; init; }
    public required byte[] Grey { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }

    public static async Task<List<PrintedPage>> ReadAsync(string pdf, string pdftotext, string pdftoppm, string pdfseparate, string dir,
        Func<string, string[], Task<string>> run)
    {
        var texts = (await run(pdftotext, ["-raw", pdf, "-"])).Split('\f');
        var boxes = (await run(pdftotext, ["-raw", "-bbox", pdf, "-"])).Split("<page ").Skip(1).ToList();
        await run(pdftoppm, ["-gray", "-r", "144", pdf, Path.Combine(dir, "page")]);
        var images = Directory.GetFiles(dir, "page*.pgm").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(boxes.Count, images.Count);
        // Each page a PDF of its own, its content stream then the only one that sets text.
        var single = Directory.CreateDirectory(Path.Combine(dir, "single")).FullName;
        await run(pdfseparate, [pdf, Path.Combine(single, "p-%d.pdf")]);
        var pages = new List<PrintedPage>();
        for (var i = 0; i < boxes.Count; i++)
        {
            var footer = Footer().Match(texts[i]);
            Assert.True(footer.Success, $"page {i + 1} has no footer naming its sheet");
            var words = WordBox().Matches(boxes[i]).Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups[5].Value),
                D(m.Groups[1].Value), D(m.Groups[2].Value), D(m.Groups[3].Value), D(m.Groups[4].Value))).ToList();
            var (grey, width, height) = Pgm(await File.ReadAllBytesAsync(images[i]));
            var points = FontSizes(await File.ReadAllBytesAsync(Path.Combine(single, $"p-{i + 1}.pdf")));
            Assert.True(points.Count > 0, $"page {i + 1} sets no text");
            pages.Add(new PrintedPage
            {
                Sheet = footer.Groups[1].Value, Number = i + 1, Points = points.MaxBy(p => p.Value).Key, Text = texts[i], Words = words,
                Grey = grey, Width = width, Height = height,
            });
        }
        return pages;
    }

    /// <summary>How many text runs each font size sets, in a PDF's Flate-compressed streams (LibreOffice compresses every one).</summary>
    internal static Dictionary<double, int> FontSizes(byte[] pdf)
    {
        var sizes = new Dictionary<double, int>();
        var latin1 = System.Text.Encoding.Latin1.GetString(pdf);
        foreach (Match m in StreamStart().Matches(latin1))
        {
            var end = latin1.IndexOf("endstream", m.Index + m.Length, StringComparison.Ordinal);
            if (end < 0) break;
            string content;
            try
            {
                using var zlib = new System.IO.Compression.ZLibStream(
                    new MemoryStream(pdf, m.Index + m.Length, end - m.Index - m.Length), System.IO.Compression.CompressionMode.Decompress);
                using var reader = new StreamReader(zlib, System.Text.Encoding.Latin1);
                content = reader.ReadToEnd();
            }
            catch (InvalidDataException)
            {
                continue;
            }
            foreach (Match tf in SetFont().Matches(content))
            {
                var size = Math.Round(D(tf.Groups[1].Value), 1);
                sizes[size] = sizes.GetValueOrDefault(size) + 1;
            }
        }
        return sizes;
    }

    /// <summary>
    /// Null when every word of <paramref name="text"/>, where it is printed, is printed whole on one line; else the word broken
    /// across lines ("Deadweigh|t": a word too long for its column). A break after a hyphen or a slash is a line break, not a
    /// broken word.
    /// </summary>
    public static string? Broken(IReadOnlyList<PrintedPage> pages, string text)
    {
        var ends = new HashSet<int>();
        var at = 0;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) ends.Add(at += Squash(word).Length);
        foreach (var page in pages)
            foreach (var run in page.Runs(Squash(text)))
            {
                var (length, previous) = (0, "");
                foreach (var w in run)
                {
                    if (previous.Length > 0 && !ends.Contains(length) && !previous.EndsWith('-') && !previous.EndsWith('/'))
                        return $"\"{text}\" has a word broken across lines: {previous}|{w.Word}";
                    length += Squash(w.Word).Length;
                    previous = w.Word;
                }
            }
        return null;
    }

    /// <summary>
    /// Null when <paramref name="text"/> is on one of <paramref name="pages"/> whole and every word of it drawn; else what is wrong.
    /// </summary>
    public static string? Whole(IReadOnlyList<PrintedPage> pages, string text)
    {
        var on = pages.Where(p => Squash(p.Text).Contains(Squash(text), StringComparison.Ordinal)).ToList();
        if (on.Count == 0) return $"\"{text}\" is on no one page whole";
        foreach (var page in on)
            foreach (var run in page.Runs(Squash(text)))
                if (run.All(page.Drawn)) return null;
        var hidden = on.SelectMany(p => p.Runs(Squash(text)).SelectMany(r => r.Where(w => !p.Drawn(w)))).Select(w => w.Word).Distinct();
        return $"\"{text}\" is cut in print: not drawn: {string.Join(" ", hidden)}";
    }

    /// <summary>
    /// Null when every page where <paramref name="text"/>'s first words are printed shows it whole and drawn; else the page
    /// with a cut fragment of it.
    /// </summary>
    public static string? Fragment(IReadOnlyList<PrintedPage> pages, string text)
    {
        // Its first half, four words at least: enough not to be the start of another text ("Digital service costs").
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 5) return null;
        var start = Squash(string.Join(" ", words.Take(Math.Max(4, words.Length / 2))));
        foreach (var page in pages)
            foreach (var run in page.Runs(start))
            {
                // Another text may begin with the same words (drawn, and not followed by the rest): that is no fragment.
                var whole = page.Runs(Squash(text)).FirstOrDefault(r => r[0] == run[0]);
                if (whole is null ? !run.All(page.Drawn) : !whole.All(page.Drawn))
                    return $"\"{text}\" is printed cut on a page of its own (its first words at x {run[0].X0:0}, y {run[0].Y0:0})";
            }
        return null;
    }

    /// <summary>
    /// Null when no word of <paramref name="text"/> where it is printed lies over another word (a wrapped cell's lines run over
    /// the rows below when its row is too short); else the words printed over each other.
    /// </summary>
    public static string? Overprinted(IReadOnlyList<PrintedPage> pages, string text)
    {
        foreach (var page in pages)
            foreach (var run in page.Runs(Squash(text)))
                foreach (var w in run)
                    foreach (var other in page.Words.Where(o => !run.Contains(o)))
                    {
                        var across = Math.Min(w.X1, other.X1) - Math.Max(w.X0, other.X0);
                        var down = Math.Min(w.Y1, other.Y1) - Math.Max(w.Y0, other.Y0);
                        if (across > 1 && down > (w.Y1 - w.Y0) * 0.3)
                            return $"\"{text}\" is printed over other text: \"{w.Word}\" over \"{other.Word}\"";
                    }
        return null;
    }

    /// <summary>Runs of consecutive words whose letters, spaces left out, are <paramref name="squashed"/>.</summary>
    private IEnumerable<List<(string Word, double X0, double Y0, double X1, double Y1)>> Runs(string squashed)
    {
        for (var i = 0; i < Words.Count; i++)
        {
            var (built, run) = ("", new List<(string, double, double, double, double)>());
            for (var k = i; k < Words.Count && built.Length < squashed.Length; k++)
            {
                built += Squash(Words[k].Word);
                run.Add(Words[k]);
                if (!squashed.StartsWith(built, StringComparison.Ordinal)) break;
            }
            if (built == squashed) yield return run;
        }
    }

    /// <summary>
    /// A word is drawn when its box on the rendered page has ink (dark glyphs, or the header's dark fill); a cut one is blank paper.
    /// </summary>
    private bool Drawn((string Word, double X0, double Y0, double X1, double Y1) w)
    {
        // A lone sign ("−", "×") or letter (the Welsh "i", "a") is too thin a mark to judge by its box on a page printed small.
        if (w.Word.Length == 1) return true;
        var (x0, y0) = ((int)Math.Floor(w.X0 * 2), (int)Math.Floor(w.Y0 * 2));
        var (x1, y1) = (Math.Min(Width - 1, (int)Math.Ceiling(w.X1 * 2)), Math.Min(Height - 1, (int)Math.Ceiling(w.Y1 * 2)));
        var (ink, all) = (0, 0);
        for (var y = Math.Max(0, y0); y <= y1; y++)
            for (var x = Math.Max(0, x0); x <= x1; x++)
            {
                all++;
                if (Grey[y * Width + x] < 160) ink++;
            }
        return all > 0 && ink >= Math.Max(3, all * 0.04);
    }

    private static string Squash(string text) => Regex.Replace(text, @"\s+|\u00AD", "");

    private static double D(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static (byte[] Grey, int Width, int Height) Pgm(byte[] file)
    {
        // "P5\n<width> <height>\n255\n" then a byte a pixel.
        var (fields, at) = (new List<string>(), 0);
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)file[at])) at++;
            var begin = at;
            while (!char.IsWhiteSpace((char)file[at])) at++;
            fields.Add(System.Text.Encoding.ASCII.GetString(file, begin, at - begin));
        }
        Assert.Equal("P5", fields[0]);
        var (width, height) = (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture));
        return (file[(at + 1)..(at + 1 + width * height)], width, height);
    }

    [GeneratedRegex(@"^\s*(.+), (?:page|tudalen) \d+ (?:of|o) \d+\s*$", RegexOptions.Multiline)]
    private static partial Regex Footer();

    [GeneratedRegex(@"(?<!end)stream\r?\n")]
    private static partial Regex StreamStart();

    [GeneratedRegex(@"/[A-Za-z0-9]+ ([0-9.]+) Tf")]
    private static partial Regex SetFont();

    [GeneratedRegex("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">(.*?)</word>")]
    private static partial Regex WordBox();
}
