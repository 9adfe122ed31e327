using System.Globalization;
using System.IO.Compression;
using BenefitsTracker.Core.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static BenefitsTracker.Reports.Workbook.WorkbookContext;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// Writes a big Officer time sheet with OpenXmlWriter, row by row, so memory stays bounded whatever the
/// number of rows (docs/reports.md, big detail sheets). ClosedXML has saved the rest of the workbook with
/// a stub of the sheet: its header, its first data row in full (whose cells give every row its style), the
/// hours and gross of the other rows as values (for the other sheets' formulas to evaluate), the table,
/// the total row, widths and frozen header. This copies that package entry by entry into the target,
/// replacing the stub's data rows and total row with rows written here: each formula with its cached
/// value taken from the result (the engine's <see cref="OfficerTimeRow"/>), so the workbook stays live
/// (fullCalcOnLoad is still set) and shows the right numbers before any recalculation.
/// </summary>
internal static class OfficerTimeStreamer
{
    private const int Columns = 11;

    public static void Stream(WorkbookContext ctx, string stubPath, string targetPath)
    {
        var entryName = SheetEntry(stubPath, OfficerTime);
        using var source = ZipFile.OpenRead(stubPath);
        using var targetStream = new FileStream(targetPath, FileMode.Create, FileAccess.Write);
        using var target = new ZipArchive(targetStream, ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            using var input = entry.Open();
            using var output = copy.Open();
            if (entry.FullName == entryName) Rewrite(ctx, input, output);
            else input.CopyTo(output);
        }
    }

    /// <summary>The zip entry of the named worksheet ("xl/worksheets/sheet5.xml").</summary>
    private static string SheetEntry(string path, string sheetName)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var wbPart = doc.WorkbookPart ?? throw new InvalidOperationException("the workbook has no workbook part");
        var sheet = wbPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == sheetName)
            ?? throw new InvalidOperationException($"the workbook has no sheet '{sheetName}'");
        var part = (WorksheetPart)wbPart.GetPartById(sheet.Id!.Value!);
        return part.Uri.OriginalString.TrimStart('/');
    }

    private static void Rewrite(WorkbookContext ctx, Stream input, Stream output)
    {
        var lastRow = 1 + OfficerTimeSheet.RowCount(ctx);
        var totalRow = lastRow + 1;
        var dataStyles = new uint?[Columns + 1];
        var totalStyles = new uint?[Columns + 1];
        using var reader = new TypedOpenXmlPartReader(input);
        using var writer = OpenXmlWriter.Create(output);
        writer.WriteStartDocument(true);
        // Only Read() moves the reader: the stub's rows 2..total are dropped event by event (their cells'
        // style indexes noted on the way), everything else is copied as it comes.
        uint?[]? dropping = null;
        var skip = false;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    var index = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                    var r = index is null ? 0 : int.Parse(index, CultureInfo.InvariantCulture);
                    skip = r >= 2 && r <= totalRow;
                    dropping = r == 2 ? dataStyles : r == totalRow ? totalStyles : null;
                    if (skip) continue;
                }
                else if (skip)
                {
                    skip = false;
                    dropping = null;
                    continue;
                }
            }
            if (skip)
            {
                if (dropping is not null && reader.ElementType == typeof(Cell) && reader.IsStartElement)
                {
                    var col = ColumnIndex(reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value ?? "");
                    var style = reader.Attributes.FirstOrDefault(a => a.LocalName == "s").Value;
                    if (col >= 1 && col <= Columns && style is not null) dropping[col] = uint.Parse(style, CultureInfo.InvariantCulture);
                }
                continue;
            }
            if (reader.ElementType == typeof(SheetData) && reader.IsEndElement)
            {
                WriteRows(ctx, writer, dataStyles, totalStyles, lastRow);
                writer.WriteEndElement();
                continue;
            }
            if (reader.IsStartElement)
            {
                writer.WriteStartElement(reader);
                var text = reader.GetText();
                if (!string.IsNullOrEmpty(text)) writer.WriteString(text);
            }
            else if (reader.IsEndElement)
            {
                writer.WriteEndElement();
            }
        }
        writer.Close();
    }

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

    private static void WriteRows(WorkbookContext ctx, OpenXmlWriter writer, uint?[] dataStyles, uint?[] totalStyles, int lastRow)
    {
        var row = 1;
        long cases = 0;
        decimal minutes = 0m, hours = 0m, gross = 0m;
        foreach (var (u, r) in OfficerTimeSheet.OrderedRows(ctx))
        {
            row++;
            var x = new Row { RowIndex = (uint)row };
            x.Append(
                Text(row, 1, u.Key(r.Month), dataStyles),
                Text(row, 2, r.Month.ToString(), dataStyles),
                Text(row, 3, u.Council, dataStyles),
                Text(row, 4, u.Service, dataStyles),
                Text(row, 5, r.Grade ?? "(none)", dataStyles),
                Number(row, OfficerTimeSheet.CasesCol, r.ClosedCases, dataStyles),
                Number(row, OfficerTimeSheet.MinutesCol, r.OfficerMinutes, dataStyles),
                Formula(row, 8, OfficerTimeSheet.MeanMinutesFormula(u), u.Working.BaselineMeanMinutes ?? 0m, dataStyles),
                Formula(row, 9, OfficerTimeSheet.RateFormula(u, r), r.HourlyCost, dataStyles),
                Formula(row, OfficerTimeSheet.HoursCol, OfficerTimeSheet.HoursFormula(u, row), r.HoursReleased, dataStyles),
                Formula(row, OfficerTimeSheet.GrossCol, OfficerTimeSheet.GrossFormula(row), r.Gross, dataStyles));
            writer.WriteElement(x);
            cases += r.ClosedCases;
            minutes += r.OfficerMinutes;
            hours += r.HoursReleased;
            gross += r.Gross;
        }
        if (row != lastRow) throw new InvalidOperationException($"Officer time: streamed {row - 1} rows, expected {lastRow - 1}");

        var total = lastRow + 1;
        var t = new Row { RowIndex = (uint)total };
        decimal? Sum(int col) => col switch
        {
            OfficerTimeSheet.CasesCol => cases,
            OfficerTimeSheet.MinutesCol => minutes,
            OfficerTimeSheet.HoursCol => hours,
            OfficerTimeSheet.GrossCol => gross,
            _ => null,
        };
        for (var col = 1; col <= Columns; col++)
        {
            if (col == 1) t.Append(Text(total, 1, "Total", totalStyles));
            else if (Sum(col) is { } sum) t.Append(Formula(total, col, $"SUM({Xl.Col(col)}2:{Xl.Col(col)}{lastRow})", sum, totalStyles));
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
        InlineString = new InlineString(new Text(text)),
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
