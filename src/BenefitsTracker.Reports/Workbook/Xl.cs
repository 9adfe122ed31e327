using ClosedXML.Excel;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>Small helpers for writing cells, so every sheet formats the same way.</summary>
internal static class Xl
{
    // Every number format gives negatives a true minus sign (U+2212, issue 13), not the hyphen a spreadsheet
    // program writes by default: "−£2.68", "−30.5%". Literal text is quoted, as both Excel and LibreOffice read it.
    public const string MoneyFormat = "\"£\"#,##0.00;\"−£\"#,##0.00";
    public const string RateFormat = "\"£\"#,##0.00##;\"−£\"#,##0.00##";
    public const string UnitRateFormat = "\"£\"#,##0.0000;\"−£\"#,##0.0000";
    public const string RatioFormat = "0.00;\"−\"0.00";
    public const string FractionFormat = "0.0000;\"−\"0.0000";
    public const string PercentFormat = "0.0%;\"−\"0.0%";
    public const string CountFormat = "#,##0;\"−\"#,##0";
    public const string HoursFormat = "#,##0.00;\"−\"#,##0.00";
    public const string MinutesFormat = "#,##0.##;\"−\"#,##0.##";
    public const string OneDecimalFormat = "#,##0.0;\"−\"#,##0.0";
    /// <summary>A change in money: "+£0.60", "−£0.60", and "£0.00" for no change (never "+£0.00").</summary>
    public const string MoneyChangeFormat = "\"+£\"#,##0.00;\"−£\"#,##0.00;\"£\"0.00";
    /// <summary>A change in a rate: "+12.0%", "−30.5%", "0.0%" for no change.</summary>
    public const string PercentChangeFormat = "+0.0%;\"−\"0.0%;0.0%";
    /// <summary>1 shows as Yes, 0 as No: flags stay numbers so SUMPRODUCT can use them.</summary>
    public const string YesNoFormat = "\"Yes\";\"Yes\";\"No\"";

    public static readonly XLColor HeaderFill = XLColor.FromHtml("#1F3864");
    public static readonly XLColor OverrideFill = XLColor.FromHtml("#FFF2CC");
    public static readonly XLColor TotalFill = XLColor.FromHtml("#D9E1F2");

    /// <summary>Column letters for a 1-based index: 1 → A, 27 → AA.</summary>
    public static string Col(int column)
    {
        var s = "";
        for (var c = column; c > 0; c = (c - 1) / 26) s = (char)('A' + (c - 1) % 26) + s;
        return s;
    }

    public static string Abs(int row, int column) => $"${Col(column)}${row}";

    /// <summary>An absolute range on another sheet: 'Officer time'!$K$2:$K$40.</summary>
    public static string Range(string sheet, int row1, int col1, int row2, int col2) =>
        $"'{sheet}'!{Abs(row1, col1)}:{Abs(row2, col2)}";

    public static string Cell(string sheet, int row, int column) => $"'{sheet}'!{Abs(row, column)}";

    /// <summary>Text that stays text (ClosedXML would otherwise read "2024-01" as a date).</summary>
    public static IXLCell Text(this IXLCell cell, string? text)
    {
        cell.SetValue(text ?? "");
        cell.DataType = XLDataType.Text;
        return cell;
    }

    public static IXLCell Num(this IXLCell cell, decimal value, string? format = null)
    {
        cell.SetValue((double)value);
        if (format is not null) cell.Style.NumberFormat.Format = format;
        return cell;
    }

    public static IXLCell Num(this IXLCell cell, long value, string? format = CountFormat)
    {
        cell.SetValue((double)value);
        if (format is not null) cell.Style.NumberFormat.Format = format;
        return cell;
    }

    public static IXLCell Formula(this IXLCell cell, string formula, string? format = null)
    {
        cell.FormulaA1 = formula;
        if (format is not null) cell.Style.NumberFormat.Format = format;
        return cell;
    }

    public static void Header(IXLWorksheet ws, int row, int firstColumn, IReadOnlyList<string> headers)
    {
        for (var i = 0; i < headers.Count; i++) ws.Cell(row, firstColumn + i).Text(headers[i]);
        var range = ws.Range(row, firstColumn, row, firstColumn + headers.Count - 1);
        range.Style.Font.Bold = true;
        range.Style.Font.FontColor = XLColor.White;
        range.Style.Fill.BackgroundColor = HeaderFill;
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    /// <summary>An Excel table with filters over a header row and its data (none when there is no data).</summary>
    public static void Table(IXLWorksheet ws, string name, int headerRow, int firstColumn, int lastRow, int lastColumn)
    {
        if (lastRow <= headerRow) return;
        var table = ws.Range(headerRow, firstColumn, lastRow, lastColumn).CreateTable(name);
        table.ShowAutoFilter = true;
        table.Theme = XLTableTheme.TableStyleLight9;
        // Keep our own header colours readable on top of the table style.
        Header(ws, headerRow, firstColumn, Enumerable.Range(firstColumn, lastColumn - firstColumn + 1)
            .Select(c => ws.Cell(headerRow, c).GetString()).ToList());
    }

    public static void TotalRow(IXLWorksheet ws, int row, int firstColumn, int lastColumn, string label)
    {
        ws.Cell(row, firstColumn).Text(label);
        var range = ws.Range(row, firstColumn, row, lastColumn);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = TotalFill;
        range.Style.Border.TopBorder = XLBorderStyleValues.Thin;
    }

    public static void Widths(IXLWorksheet ws, params double[] widths)
    {
        for (var i = 0; i < widths.Length; i++) ws.Column(i + 1).Width = widths[i];
    }

    public static void Name(XLWorkbook wb, string name, IXLRange range, string? comment = null)
    {
        var n = wb.NamedRanges.Add(name, range);
        if (comment is not null) n.Comment = comment;
    }
}
