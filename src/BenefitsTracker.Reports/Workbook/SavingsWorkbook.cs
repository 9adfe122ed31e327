using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using ClosedXML.Excel;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// savings.xlsx: the finance officer's workbook. Data on the detail sheets, every figure a live formula
/// over that data and the named assumptions, saved with evaluated values and a full recalculation on open.
/// A consortium's workbook is shared beyond one council and built differently: see <see cref="ConsortiumWorkbook"/>.
/// </summary>
public static class SavingsWorkbook
{
    /// <summary>
    /// Workbooks whose detail sheets (Monthly, Officer time, Avoidable contact) have more data rows than this
    /// between them have those sheets streamed with OpenXmlWriter rather than built in ClosedXML (docs/reports.md:
    /// at 43,200 rows ClosedXML alone took 15 s and 1.3 GB, at 158,400 rows 158 s and 5.3 GB).
    /// </summary>
    public const int StreamThreshold = 20_000;

    public static void Write(SavingsResult result, string path, CancellationToken ct = default) =>
        Write(result, path, StreamThreshold, ct);

    /// <summary>
    /// As <see cref="Write(SavingsResult, string, CancellationToken)"/> with the streaming threshold given: 0
    /// streams every council's detail sheets, <see cref="int.MaxValue"/> none (tests and the benchmark).
    /// The workbook is written beside <paramref name="path"/> under a temporary name and moved into place
    /// when whole, so a failed or cancelled write leaves the previous file, and no part-written one.
    /// </summary>
    public static void Write(SavingsResult result, string path, int streamThreshold, CancellationToken ct = default)
    {
        var options = new SaveOptions { EvaluateFormulasBeforeSaving = true, ValidatePackage = false };
        using var wb = new XLWorkbook();
        var ctx = new WorkbookContext(wb, result) { HoldBackLookups = true };
        var details = Fill(ctx, detailRows => detailRows > streamThreshold, ct);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileNameWithoutExtension(full)}.{Environment.ProcessId}");
        var partial = temporary + ".partial.xlsx";
        var stub = temporary + ".stub.xlsx";
        try
        {
            // Saved by ClosedXML, then copied with the held-back lookups put back (and, when streaming, the
            // detail sheets' rows streamed in).
            wb.SaveAs(stub, options);
            ct.ThrowIfCancellationRequested();
            WorkbookStreamer.Stream(ctx, ctx.Streaming ? details : [], stub, partial, ct);
            ct.ThrowIfCancellationRequested();
            File.Move(partial, full, overwrite: true);
        }
        finally
        {
            File.Delete(stub);
            File.Delete(partial);
        }
    }

    /// <summary>How many data rows the workbook's detail sheets would hold between them (0 for a consortium).</summary>
    public static long DetailRows(SavingsResult result)
    {
        if (result.Scope.Kind == ScopeKind.Consortium) return 0;
        var units = ReportUnits.Of(result);
        return (long)units.Count * Month.Count(result.Request.From, result.Request.To)
            + units.Sum(u => (long)u.Working.OfficerTime.Count + u.Working.AvoidableContact.Count);
    }

    /// <summary>The whole workbook in ClosedXML (no streaming: every sheet is built in memory).</summary>
    public static XLWorkbook Build(SavingsResult result, CancellationToken ct = default)
    {
        var wb = new XLWorkbook();
        try
        {
            Fill(new WorkbookContext(wb, result), _ => false, ct);
            return wb;
        }
        catch
        {
            wb.Dispose();
            throw;
        }
    }

    /// <summary>Columns beyond which a sheet prints landscape.</summary>
    internal const int PortraitColumns = 6;

    /// <summary>
    /// Print set-up (issue 13): A4, every sheet fitted to as few pages across as keep it readable (see
    /// <see cref="PagesWide"/>), its header row repeated at the top of every page and its first column at the left when
    /// it spans pages, landscape where wider than <see cref="PortraitColumns"/> columns or than a portrait page; the Summary on
    /// one page (a council's, its tables by service on the next: one page wide).
    /// </summary>
    internal static void PrintSetup(IXLWorksheet ws)
    {
        var ps = ws.PageSetup;
        ps.PaperSize = XLPaperSize.A4Paper;
        var columns = ws.LastColumnUsed()?.ColumnNumber() ?? 1;
        // Landscape too where the columns are wider than a portrait page: fitted to its width, Lineage (40 + 70 + 14 + 14) and
        // Cashable printed at about 70%, and the text of both at under 6.5 pt in LibreOffice.
        var wider = Enumerable.Range(1, columns).Sum(c => PrintedWidth(ws.Column(c))) > PageWidthUnits(XLPageOrientation.Portrait);
        ps.PageOrientation = columns > PortraitColumns || wider || ws.Name == Summary ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        ps.Margins.Left = ps.Margins.Right = 0.4;
        ps.Margins.Top = ps.Margins.Bottom = 0.5;
        ps.CenterHorizontally = true;
        ps.Footer.Center.AddText(ws.Name.Replace("&", "&&", StringComparison.Ordinal) + ", page ");
        ps.Footer.Center.AddText(XLHFPredefinedText.PageNumber);
        ps.Footer.Center.AddText(" of ");
        ps.Footer.Center.AddText(XLHFPredefinedText.NumberOfPages);
        // Every header row, the first and those of the tables below it, tall enough for its headings.
        foreach (var row in HeaderRows(ws)) FitHeaderHeight(ws, row, columns);
        CentreMonthNumbers(ws, columns);
        if (ws.Name == Summary)
        {
            // One page; a council's, whose tables by service begin a page of their own (SummaryByService), one page wide.
            ps.FitToPages(1, ps.RowBreaks.Count > 0 ? 0 : 1);
            // Narrower side margins give a council's Summary, whose width is its table of services, a larger print.
            if (ps.RowBreaks.Count > 0) ps.Margins.Left = ps.Margins.Right = 0.25;
            FitNotes(ws, 1, columns);
            return;
        }
        // As many pages wide as keep the print at MinimumScale or more; the first column (month, key or member) repeats at
        // the left of every page, and pages run across before down, so a printed row block reads left to right.
        var wide = PagesWide(ws, columns, ps.PageOrientation);
        ps.FitToPages(wide, 0);
        if (wide > 1)
        {
            ps.SetColumnsToRepeatAtLeft(1, 1);
            ps.PageOrder = XLPageOrderValues.OverThenDown;
        }
        // The first header row (Xl.Header's fill) within the sheet's first rows repeats on every page.
        var header = Enumerable.Range(1, 10).FirstOrDefault(r => ws.Cell(r, 1).Style.Fill.BackgroundColor == Xl.HeaderFill);
        if (header > 0) ps.SetRowsToRepeatAtTop(1, header);
        FitNotes(ws, wide, wide > 1 ? FirstPageColumns(ws, columns, wide, ps.PageOrientation) : columns);
    }

    /// <summary>
    /// Centres the month numbers under every "Month no." heading: right-aligned against the left-aligned month beside them,
    /// 1 and 2024-01 printed as one "12024-01". A style only; the numbers stay numbers.
    /// </summary>
    internal static void CentreMonthNumbers(IXLWorksheet ws, int columns)
    {
        foreach (var header in HeaderRows(ws))
            for (var c = 1; c <= columns; c++)
            {
                if (ws.Cell(header, c).GetString() != MonthNoHeading) continue;
                for (var r = header + 1; ws.Cell(r, c).DataType == XLDataType.Number && !ws.Cell(r, c).IsEmpty(); r++)
                    ws.Cell(r, c).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            }
    }

    internal const string MonthNoHeading = "Month no.";

    /// <summary>
    /// Wraps the text of <paramref name="cols"/> in <paramref name="row"/> at the top of their cells and makes the row tall enough
    /// for the longest (counted as <see cref="FitNotes"/> counts, with the Welsh workbook's room): a text too long for its column
    /// no longer runs into the next cell or is cut by it, and a wrapped one no longer overprints the rows below. Call after the
    /// sheet's column widths are set.
    /// </summary>
    internal static void FitWrapped(IXLWorksheet ws, int row, params int[] cols)
    {
        var height = 0.0;
        foreach (var c in cols)
        {
            var cell = ws.Cell(row, c);
            cell.Style.Alignment.WrapText = true;
            cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            if (cell.HasFormula) continue;
            var points = cell.Style.Font.FontSize;
            var lines = WrappedLines(cell.GetString(), LineChars(ws.Column(c).Width, points));
            if (lines > 1) height = Math.Max(height, LinesHeight(lines, points));
        }
        if (ws.Row(row).Height < height) ws.Row(row).Height = height;
        for (var c = 1; c <= (ws.LastColumnUsed()?.ColumnNumber() ?? 1); c++)
            ws.Cell(row, c).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    /// <summary>The rows that begin with a header (Xl.Header's fill in the first column).</summary>
    internal static IEnumerable<int> HeaderRows(IXLWorksheet ws) =>
        ws.Column(1).CellsUsed(XLCellsUsedOptions.All).Where(c => c.Style.Fill.BackgroundColor == Xl.HeaderFill)
            .Select(c => c.Address.RowNumber).Distinct().ToList();

    /// <summary>
    /// A title, note or caption written in the first column with nothing beside it, printed whole and once, at the sheet's scale.
    /// On a sheet printed more than one page across, left in the first column it ran on across the empty cells beside it: off the
    /// first page's right edge, and on the pages to the right, where the first column repeats, cut at that column's edge ("Cost
    /// lines in s"), or run into their own columns ("switchinues."). Merged from the first column, it would still be cut there. So
    /// it is moved to the second column and merged from there across the rest of the first page (<paramref name="firstPage"/>
    /// columns), wrapped, with its row made tall enough for its lines (room left for the Welsh workbook, which keeps these merges
    /// and heights): the first page shows it whole, and the pages to the right a blank row. On a sheet one page wide
    /// (<paramref name="pagesWide"/> 1, <paramref name="firstPage"/> its columns) it stays in the first column, merged across the
    /// sheet's columns and wrapped there: run on past the last column, a note widened what the spreadsheet program prints, and
    /// fitting that width to the page shrank the whole sheet (the Counterfactual sheet's "Model: …" notes to 3 pt, the consortium
    /// Summary's disclosure note to under 3 pt).
    /// </summary>
    internal static void FitNotes(IXLWorksheet ws, int pagesWide, int firstPage)
    {
        var from = pagesWide > 1 ? 2 : 1;
        if (firstPage <= from) return;
        var width = Enumerable.Range(from, firstPage - from + 1).Sum(c => PrintedWidth(ws.Column(c))) - CellPadding;
        foreach (var cell in ws.Column(1).CellsUsed(XLCellsUsedOptions.Contents).ToList())
        {
            if (cell.HasFormula || cell.DataType != XLDataType.Text || cell.IsMerged() || cell.Style.Fill.BackgroundColor == Xl.HeaderFill)
                continue;
            var row = cell.Address.RowNumber;
            var text = cell.GetString();
            var points = cell.Style.Font.FontSize;
            if (text.Length <= LineChars(ws.Column(1).Width, points) || !ws.Cell(row, 2).IsEmpty()) continue;
            if (ws.Row(row).CellsUsed(XLCellsUsedOptions.Contents).Any(c => c.Address.ColumnNumber > 1)) continue;
            if (ws.Tables.Any(t => t.RangeAddress.FirstAddress.RowNumber <= row && row <= t.RangeAddress.LastAddress.RowNumber)) continue;
            var note = ws.Cell(row, from);
            if (from != 1)
            {
                note.Style = cell.Style;
                note.Text(text);
                cell.Clear();
            }
            var range = ws.Range(row, from, row, firstPage);
            range.Merge();
            range.Style.Alignment.WrapText = true;
            range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            var height = LinesHeight(WrappedLines(text, LineChars(width, points)), points);
            if (ws.Row(row).Height < height) ws.Row(row).Height = height;
        }
    }

    /// <summary>
    /// Characters of <paramref name="points"/>-point text a line of a cell <paramref name="units"/> wide holds (its content width
    /// in column-width units: <see cref="IXLColumn.Width"/>, or a merged range's <see cref="PrintedWidth"/>s less one
    /// <see cref="CellPadding"/>), counted with the Welsh workbook's room (<see cref="WelshHeadroom"/>): the one count by which a
    /// wrapped note (<see cref="FitNotes"/>), a wrapped cell (<see cref="FitWrapped"/>) and a register row
    /// (<see cref="RegisterSheet.FitRows"/>) are made tall enough for their lines.
    /// </summary>
    internal static int LineChars(double units, double points) =>
        Math.Max(1, (int)(units * NoteCharsPerUnit * 11 / points / WelshHeadroom));

    /// <summary>The height in points of a row of <paramref name="lines"/> lines of <paramref name="points"/>-point text.</summary>
    internal static double LinesHeight(int lines, double points) => lines * LinePoints * points / 11 + 4;

    /// <summary>A column's padding, in units of its width (5 pixels of a 7-pixel digit): printed, but holding no text.</summary>
    internal const double CellPadding = 5.0 / 7;

    /// <summary>
    /// Characters of 11-point text a unit of column width holds, counted low so that a wrapped note's row is never too short: a
    /// unit is a digit's width, and prose (spaces, narrow letters) averages a little less.
    /// </summary>
    internal const double NoteCharsPerUnit = 1.05;

    /// <summary>
    /// The columns that print on a sheet's first page across, counted safely: the page's width at the scale
    /// <see cref="IXLPageSetup.FitToPages"/> prints the sheet at, less a fifth for the difference between these widths and the
    /// spreadsheet program's (LibreOffice, its fonts wider than Calibri, put 7 of the Comparison sheet's 14 columns on its first
    /// page where these widths would have put 8). The pages to the right repeat the first column (<see cref="PrintSetup"/>).
    /// </summary>
    internal const double FirstPageShare = 0.8;

    internal static int FirstPageColumns(IXLWorksheet ws, int columns, int pagesWide, XLPageOrientation orientation)
    {
        var widths = Enumerable.Range(1, columns).Select(c => PrintedWidth(ws.Column(c))).ToList();
        var page = PageWidthUnits(orientation);
        var scale = Math.Min(1, pagesWide * page / (widths.Sum() + (pagesWide - 1) * widths[0]));
        var (fits, used) = (0, 0.0);
        foreach (var w in widths)
        {
            used += w;
            if (used > page / scale * FirstPageShare) break;
            fits++;
        }
        return Math.Max(1, fits);
    }

    /// <summary>
    /// Makes a header row tall enough for its wrapped headings, so none is cut off on screen or in print ("Adjusted: Avoidable
    /// contact (failed online, then phoning)" lost its last words in a row of fixed height). Lines are counted by wrapping each
    /// heading's words at <see cref="HeaderCharsPerUnit"/> characters per unit of its column's width, with room for the Welsh
    /// workbook's headings (made from this one with the same row heights), which run up to about a quarter longer.
    /// </summary>
    internal static void FitHeaderHeight(IXLWorksheet ws, int row, int columns)
    {
        var lines = 1;
        for (var c = 1; c <= columns; c++)
        {
            var cell = ws.Cell(row, c);
            if (!cell.Style.Alignment.WrapText || cell.HasFormula) continue;
            var perLine = Math.Max(1, (int)(ws.Column(c).Width * HeaderCharsPerUnit / WelshHeadroom));
            lines = Math.Max(lines, WrappedLines(cell.GetString(), perLine));
        }
        var height = lines * LinePoints + 4;
        if (ws.Row(row).Height < height) ws.Row(row).Height = height;
    }

    /// <summary>Bold 11-point characters per unit of column width (a unit is a digit's width; bold letters average about that).</summary>
    internal const double HeaderCharsPerUnit = 1.0;

    /// <summary>How much longer a Welsh heading may run than its English.</summary>
    internal const double WelshHeadroom = 1.25;

    /// <summary>The height of a line of 11-point text, in points.</summary>
    internal const double LinePoints = 15;

    /// <summary>Lines <paramref name="text"/> takes wrapped at word boundaries <paramref name="perLine"/> characters wide.</summary>
    internal static int WrappedLines(string text, int perLine)
    {
        if (string.IsNullOrWhiteSpace(text)) return 1;
        var lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            var (count, used) = (1, 0);
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var need = used == 0 ? word.Length : used + 1 + word.Length;
                if (need <= perLine) { used = need; continue; }
                if (used > 0) count++;
                count += (word.Length - 1) / perLine;
                used = (word.Length - 1) % perLine + 1;
            }
            lines += count;
        }
        return lines;
    }

    /// <summary>The smallest print scale a sheet is fitted to: below about 70% a table's figures are too small to read on A4.</summary>
    internal const double MinimumScale = 0.7;

    /// <summary>
    /// What an A4 page holds at 100%, in column-width units (one unit is a digit's width, about 7 pixels at 96 dpi, plus
    /// 5 pixels of padding per column): 11.69 in less 0.8 in of margins landscape, 8.27 in less 0.8 in portrait, at 96 dpi.
    /// </summary>
    internal static double PageWidthUnits(XLPageOrientation orientation) =>
        (orientation == XLPageOrientation.Landscape ? 11.69 - 0.8 : 8.27 - 0.8) * 96 / 7;

    /// <summary>A column's printed width in the units of <see cref="PageWidthUnits"/> (hidden columns print nothing).</summary>
    internal static double PrintedWidth(IXLColumn column) => column.IsHidden ? 0 : column.Width + CellPadding;

    /// <summary>Pages across that keep the sheet's print at <see cref="MinimumScale"/> or more.</summary>
    internal static int PagesWide(IXLWorksheet ws, int columns, XLPageOrientation orientation)
    {
        var width = Enumerable.Range(1, columns).Sum(c => PrintedWidth(ws.Column(c)));
        return Math.Max(1, (int)Math.Ceiling(width * MinimumScale / PageWidthUnits(orientation)));
    }

    /// <summary>Fills every sheet; returns the detail sheets, streamed later when <paramref name="stream"/> says so of their row count.</summary>
    private static IReadOnlyList<DetailSheet> Fill(WorkbookContext ctx, Func<long, bool> stream, CancellationToken ct)
    {
        var wb = ctx.Workbook;
        IReadOnlyList<DetailSheet> details = [];
        if (ctx.IsConsortium)
        {
            // Shared beyond one council: members' figures as values, no member's monthly data (see ConsortiumWorkbook).
            foreach (var name in ConsortiumWorkbook.SheetNames) wb.AddWorksheet(name);
            ConsortiumWorkbook.Write(ctx, ct);
        }
        else
        {
            ctx.Init();
            // Sheets in reading order; filled below in dependency order.
            string[] names = [Summary, Assumptions, Baseline, Monthly, OfficerTime, AvoidableContact, Spend, Cashable, Appraisal,
                GreenBookSheet.SheetName, KpiSheet.SheetName, RegisterSheet.SheetName, LineageSheetName];
            foreach (var name in names) wb.AddWorksheet(name);
            // Only where a cost has a price year, after the Assumptions it uprates.
            if (PricesSheet.Needed(ctx)) wb.AddWorksheet(PricesSheet.SheetName, wb.Worksheet(Assumptions).Position + 1);
            // Only where there are estimates, before Lineage; written first so that its names exist for the Assumptions sheet.
            var counterfactual = ctx.Result.Counterfactual.Count > 0;
            if (counterfactual)
            {
                wb.AddWorksheet(CounterfactualSheet.SheetName, wb.Worksheet(LineageSheetName).Position);
                CounterfactualSheet.Write(ctx);
            }

            // The detail sheets first: Monthly's formulas need the Officer time and Avoidable contact rows.
            details = [OfficerTimeSheet.Define(ctx), AvoidableContactSheet.Define(ctx), MonthlySheet.Define(ctx)];
            ctx.Streaming = stream(details.Sum(d => (long)d.RowCount));
            foreach (var d in details) d.WriteClosedXml(ctx.Sheet(d.Name), ctx.Streaming, ctx, ct);

            Action<WorkbookContext>[] steps =
            [
                AssumptionsSheet.Write, PricesSheet.Write, BaselineSheet.Write, SpendSheet.Write, AppraisalSheet.Write, CashableSheet.Write,
                SummarySheet.Write, GreenBookSheet.Write, KpiSheet.Write, RegisterSheet.Write, LineageSheet.Write,
            ];
            foreach (var step in steps)
            {
                ct.ThrowIfCancellationRequested();
                step(ctx);
            }
        }
        foreach (var ws in wb.Worksheets) PrintSetup(ws);
        wb.FullCalculationOnLoad = true;
        wb.ForceFullCalculation = true;
        return details;
    }
}
