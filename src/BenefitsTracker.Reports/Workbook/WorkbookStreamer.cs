using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// Writes the rows of big detail sheets with OpenXmlWriter, row by row, so memory stays bounded whatever the
/// number of rows (docs/reports.md, big detail sheets). ClosedXML has saved the workbook with a stub of each
/// detail sheet (<see cref="DetailSheet.WriteClosedXml"/>: its header, its first data row in full, whose cells
/// give every row its style, the table, and a total row of values) and with the engine's values in the cells
/// whose formulas add up detail rows (<see cref="WorkbookContext.Live"/>), so everything else evaluated to the
/// right figures. This copies that package entry by entry into the target: each detail sheet's rows 2 to total
/// replaced with rows written here, each formula with its cached value from the result; each held-back
/// formula put back in front of its value. The workbook stays live (fullCalcOnLoad is still set) and shows
/// the right numbers before any recalculation.
/// </summary>
internal static partial class WorkbookStreamer
{
    public static void Stream(WorkbookContext ctx, IReadOnlyList<DetailSheet> details, string stubPath, string targetPath, CancellationToken ct)
    {
        var (entries, tableSheets) = SheetEntries(stubPath);
        var detailByEntry = details.ToDictionary(d => entries[d.Name], StringComparer.Ordinal);
        var heldBackByEntry = ctx.HeldBack.ToDictionary(h => entries[h.Key], h => h.Value, StringComparer.Ordinal);
        var tables = details.ToDictionary(d => d.TableName, StringComparer.Ordinal);
        var putBack = 0;
        var stretched = new HashSet<string>(StringComparer.Ordinal);
        using var source = ZipFile.OpenRead(stubPath);
        using var targetStream = new FileStream(targetPath, FileMode.Create, FileAccess.Write);
        using var target = new ZipArchive(targetStream, ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            ct.ThrowIfCancellationRequested();
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            using var input = entry.Open();
            using var output = copy.Open();
            if (detailByEntry.TryGetValue(entry.FullName, out var detail)) Rewrite(input, output, detail, null, ct);
            else if (heldBackByEntry.TryGetValue(entry.FullName, out var heldBack)) putBack += Rewrite(input, output, null, heldBack, ct);
            else if (entry.FullName.StartsWith("xl/tables/", StringComparison.Ordinal))
            {
                var heldBackOnSheet = tableSheets.TryGetValue(entry.FullName, out var sheet) ? ctx.HeldBack.GetValueOrDefault(sheet) : null;
                if (Table(input, output, tables, heldBackOnSheet) is { } name) stretched.Add(name);
            }
            else if (entry.FullName == "xl/workbook.xml") AbsolutePrintTitles(input, output);
            else input.CopyTo(output);
        }
        // Nothing may be lost on the way: a formula not put back, or a table left over two rows, would be
        // a quiet error in the finance officer's workbook.
        var heldBackCount = ctx.HeldBack.Values.Sum(h => h.Count);
        if (putBack != heldBackCount)
            throw new InvalidOperationException(
                $"savings.xlsx: {heldBackCount - putBack} of {heldBackCount} held-back formulas found no cell to go back into");
        foreach (var d in details.Where(d => d.RowCount > 0 && !stretched.Contains(d.TableName)))
            throw new InvalidOperationException($"savings.xlsx: the table {d.TableName} of sheet '{d.Name}' was not found to stretch over its rows");
    }

    /// <summary>
    /// A table part. A detail sheet's: the stub's covers the header and first row only (ClosedXML would
    /// otherwise hold a cell for every row of it); here it is stretched over every streamed row, and its name
    /// returned. A table with held-back cells (Spend, Appraisal): its calculated-column formulas are given back
    /// where ClosedXML would have written them. Other tables are copied as they are. Null unless stretched.
    /// </summary>
    private static string? Table(Stream input, Stream output, Dictionary<string, DetailSheet> tables, Dictionary<string, string>? heldBack)
    {
        var doc = System.Xml.Linq.XDocument.Load(input);
        var root = doc.Root ?? throw new InvalidOperationException("a table part without a table");
        var ns = root.Name.Namespace;
        var columns = root.Descendants(ns + "tableColumn").ToList();
        var stretched = (string?)root.Attribute("name") is { } name && tables.ContainsKey(name) ? name : null;
        if (stretched is not null)
        {
            var detail = tables[stretched];
            var reference = $"A1:{Xl.Col(detail.Columns)}{detail.LastRow.ToString(CultureInfo.InvariantCulture)}";
            root.SetAttributeValue("ref", reference);
            foreach (var filter in root.Elements(ns + "autoFilter")) filter.SetAttributeValue("ref", reference);
            // With one data row ClosedXML takes each formula for its column's ("calculated column"); it stays only
            // where every row has the same formula relative to its row, as ClosedXML does over all the rows.
            for (var i = 0; i < columns.Count; i++)
                if (i + 1 >= detail.SameFormulaInEveryRow.Length || !detail.SameFormulaInEveryRow[i + 1])
                    System.Xml.Linq.Extensions.Remove(columns[i].Elements(ns + "calculatedColumnFormula"));
        }
        else if (heldBack is not null && (string?)root.Attribute("ref") is { } range)
        {
            // ClosedXML saw values in these cells; over all the rows it would have marked a column whose
            // held-back formulas are the same relative to their rows (month sums by SUMIFS, beyond 200 services).
            var (firstColumn, firstRow, lastRow) = Bounds(range);
            for (var i = 0; i < columns.Count; i++)
            {
                var col = Xl.Col(firstColumn + i);
                var formulas = Enumerable.Range(firstRow + 1, lastRow - firstRow)
                    .Select(r => heldBack.TryGetValue(col + r.ToString(CultureInfo.InvariantCulture), out var f) ? DetailSheet.Relative(f, r) : null)
                    .Distinct().ToList();
                if (lastRow > firstRow && formulas is [{ } _] && !columns[i].Elements(ns + "calculatedColumnFormula").Any())
                    columns[i].AddFirst(new System.Xml.Linq.XElement(ns + "calculatedColumnFormula",
                        heldBack[col + (firstRow + 1).ToString(CultureInfo.InvariantCulture)]));
            }
        }
        doc.Save(output, System.Xml.Linq.SaveOptions.DisableFormatting);
        return stretched;
    }

    /// <summary>
    /// The print titles written absolute, as Excel writes them: ClosedXML writes <c>'Green Book'!A:A,'Green Book'!1:4</c>,
    /// and LibreOffice repeats no column from the relative <c>A:A</c> (rows it does), so a sheet printed two pages across
    /// lost its month column on the second page.
    /// </summary>
    private static void AbsolutePrintTitles(Stream input, Stream output)
    {
        var doc = System.Xml.Linq.XDocument.Load(input);
        var ns = doc.Root?.Name.Namespace ?? throw new InvalidOperationException("the workbook part has no workbook");
        foreach (var name in doc.Descendants(ns + "definedName").Where(n => (string?)n.Attribute("name") == "_xlnm.Print_Titles"))
            name.Value = PrintTitleRange().Replace(name.Value, "!$$$1:$$$2");
        doc.Save(output, System.Xml.Linq.SaveOptions.DisableFormatting);
    }

    /// <summary>A whole-column or whole-row range after its sheet name: <c>!A:A</c>, <c>!1:4</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"!([A-Z]+|[0-9]+):([A-Z]+|[0-9]+)")]
    private static partial System.Text.RegularExpressions.Regex PrintTitleRange();

    /// <summary>"B1:L37" → first column 2, first row 1, last row 37.</summary>
    private static (int FirstColumn, int FirstRow, int LastRow) Bounds(string range)
    {
        var parts = range.Split(':');
        static int Row(string cell) => int.Parse(cell.AsSpan(cell.IndexOfAny("0123456789".ToCharArray())), CultureInfo.InvariantCulture);
        return (ColumnIndex(parts[0]), Row(parts[0]), Row(parts[^1]));
    }

    /// <summary>
    /// Each worksheet's zip entry by sheet name ("Officer time" → "xl/worksheets/sheet5.xml"), and each table
    /// part's entry with the name of its sheet.
    /// </summary>
    private static (Dictionary<string, string> Sheets, Dictionary<string, string> TableSheets) SheetEntries(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var wbPart = doc.WorkbookPart ?? throw new InvalidOperationException("the workbook has no workbook part");
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sheet in wbPart.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            var part = (WorksheetPart)wbPart.GetPartById(sheet.Id!.Value!);
            entries[sheet.Name!.Value!] = part.Uri.OriginalString.TrimStart('/');
            foreach (var table in part.TableDefinitionParts) tables[table.Uri.OriginalString.TrimStart('/')] = sheet.Name!.Value!;
        }
        return (entries, tables);
    }

    /// <summary>
    /// Copies a worksheet's XML event by event. With <paramref name="detail"/>, its rows 2 to total are dropped
    /// (their cells' style indexes noted on the way) and written afresh at the end of sheetData; with
    /// <paramref name="heldBack"/>, each listed cell gets its formula back in front of its value (returns how many did).
    /// </summary>
    private static int Rewrite(Stream input, Stream output, DetailSheet? detail, Dictionary<string, string>? heldBack, CancellationToken ct)
    {
        var putBack = 0;
        var columns = detail?.Columns ?? 0;
        var totalRow = detail?.TotalRow ?? 0;
        var dataStyles = new uint?[columns + 1];
        var totalStyles = new uint?[columns + 1];
        using var reader = new TypedOpenXmlPartReader(input);
        using var writer = OpenXmlWriter.Create(output);
        writer.WriteStartDocument(true);
        // Only Read() moves the reader: dropped rows are skipped event by event, everything else copied as it comes.
        uint?[]? noting = null;
        var skip = false;
        while (reader.Read())
        {
            if (detail is not null && reader.ElementType == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    var r = int.Parse(Attribute(reader, "r") ?? "0", CultureInfo.InvariantCulture);
                    skip = r >= 2 && r <= totalRow;
                    noting = r == totalRow ? totalStyles : r == 2 ? dataStyles : null;
                    if (skip) continue;
                }
                else if (skip)
                {
                    skip = false;
                    noting = null;
                    continue;
                }
            }
            if (skip)
            {
                if (noting is not null && reader.ElementType == typeof(Cell) && reader.IsStartElement)
                {
                    var col = ColumnIndex(Attribute(reader, "r") ?? "");
                    if (col >= 1 && col <= columns && Attribute(reader, "s") is { } style)
                        noting[col] = uint.Parse(style, CultureInfo.InvariantCulture);
                }
                continue;
            }
            if (detail is not null && reader.ElementType == typeof(SheetData) && reader.IsEndElement)
            {
                WriteRows(detail, writer, dataStyles, totalStyles, ct);
                writer.WriteEndElement();
                continue;
            }
            if (reader.IsStartElement)
            {
                writer.WriteStartElement(reader);
                if (heldBack is not null && reader.ElementType == typeof(Cell) && Attribute(reader, "r") is { } at
                    && heldBack.TryGetValue(at, out var formula))
                {
                    writer.WriteElement(new CellFormula(formula));
                    putBack++;
                }
                var text = reader.GetText();
                if (!string.IsNullOrEmpty(text)) writer.WriteString(text);
            }
            else if (reader.IsEndElement)
            {
                writer.WriteEndElement();
            }
        }
        writer.Close();
        return putBack;
    }

    private static string? Attribute(OpenXmlReader reader, string name) =>
        reader.Attributes.FirstOrDefault(a => a.LocalName == name).Value;

    private static int ColumnIndex(string reference)
    {
        var col = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z') break;
            col = col * 26 + (ch - 'A' + 1);
        }
        return col;
    }

    /// <summary>The data rows from the result, then the total row: SUM formulas with the rows' totals cached.</summary>
    private static void WriteRows(DetailSheet detail, OpenXmlWriter writer, uint?[] dataStyles, uint?[] totalStyles, CancellationToken ct)
    {
        var totals = new decimal[detail.Columns + 1];
        var row = 1;
        foreach (var cells in detail.Rows())
        {
            row++;
            if (cells.Length != detail.Columns)
                throw new InvalidOperationException($"{detail.Name}: row {row} has {cells.Length} cells, expected {detail.Columns}");
            if ((row & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
            var x = new Row { RowIndex = (uint)row };
            for (var c = 1; c <= detail.Columns; c++)
            {
                var cell = cells[c - 1];
                totals[c] += cell.Value;
                x.Append(cell switch
                {
                    { Text: { } text } => Text(row, c, text, dataStyles),
                    { Formula: { } formula } => Formula(row, c, formula, cell.Value, dataStyles),
                    _ => Number(row, c, cell.Value, dataStyles),
                });
            }
            writer.WriteElement(x);
        }
        if (row != detail.LastRow) throw new InvalidOperationException($"{detail.Name}: streamed {row - 1} rows, expected {detail.RowCount}");
        // The stub's total row (which the other sheets' formulas read) holds the same totals as the rows streamed.
        foreach (var c in detail.SummedColumns)
            if (totals[c] != detail.Totals[c]) throw new InvalidOperationException($"{detail.Name}: column {Xl.Col(c)} streamed {totals[c]}, the " +
                $"stub's total was {detail.Totals[c]}");

        var total = detail.TotalRow;
        var t = new Row { RowIndex = (uint)total };
        for (var col = 1; col <= detail.Columns; col++)
        {
            if (col == 1) t.Append(Text(total, 1, "Total", totalStyles));
            else if (detail.SummedColumns.Contains(col)) t.Append(Formula(total, col, detail.TotalFormula(col), totals[col], totalStyles));
            else t.Append(new Cell { CellReference = Ref(total, col), StyleIndex = Style(totalStyles, col) });
        }
        writer.WriteElement(t);
    }

    private static string Ref(int row, int col) => Xl.Col(col) + row.ToString(CultureInfo.InvariantCulture);

    private static UInt32Value? Style(uint?[] styles, int col) => styles[col] is { } s ? new UInt32Value(s) : null;

    private static Cell Text(int row, int col, string text, uint?[] styles) => new()
    {
        CellReference = Ref(row, col),
        StyleIndex = Style(styles, col),
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text)
        {
            // Kept as written, as a shared string would keep it.
            Space = text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? SpaceProcessingModeValues.Preserve : null,
        }),
    };

    private static Cell Number(int row, int col, decimal value, uint?[] styles) => new()
    {
        CellReference = Ref(row, col),
        StyleIndex = Style(styles, col),
        CellValue = new CellValue(Value(value)),
    };

    private static Cell Formula(int row, int col, string formula, decimal cached, uint?[] styles) => new()
    {
        CellReference = Ref(row, col),
        StyleIndex = Style(styles, col),
        CellFormula = new CellFormula(formula),
        CellValue = new CellValue(Value(cached)),
    };

    private static string Value(decimal value) => ((double)value).ToString("R", CultureInfo.InvariantCulture);
}
