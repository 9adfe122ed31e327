using ClosedXML.Excel;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// One cell of a detail sheet's row, as both writers need it: text, a number, or a formula together with
/// the value the engine computed for it (the cached value a streamed file carries; ClosedXML evaluates its own).
/// </summary>
internal readonly record struct XCell(string? Text, string? Formula, decimal Value, string? Format, bool Lookup = false)
{
    public static XCell Str(string text) => new(text, null, 0m, null);
    public static XCell Num(decimal value, string? format) => new(null, null, value, format);
    public static XCell Calc(string formula, decimal value, string? format) => new(null, formula, value, format);

    /// <summary>A formula over a range (SUMIFS by key): held back from ClosedXML's evaluation when the workbook is saved (see <see
    /// cref="WorkbookContext.Live"/>).</summary>
    public static XCell LookupCalc(string formula, decimal value, string? format) => new(null, formula, value, format, Lookup: true);
}

/// <summary>
/// A detail sheet (Monthly, Officer time, Avoidable contact): a header, one row per item of the result and a
/// total row summing some columns. It is written either all in ClosedXML, or, for a big workbook, as a stub
/// in ClosedXML (header, first row, table, a total row of values) whose rows <see cref="WorkbookStreamer"/>
/// then streams into the saved file (docs/reports.md, big detail sheets).
/// </summary>
internal sealed partial class DetailSheet
{
    public required string Name { get; init; }
    public required string TableName { get; init; }
    public required IReadOnlyList<string> Headers { get; init; }
    /// <summary>Data rows: the sheet's rows 2 .. <see cref="RowCount"/> + 1.</summary>
    public required int RowCount { get; init; }
    /// <summary>
    /// The data rows in order; row <c>i</c> (from 0) is the sheet's row <c>i + 2</c>. Built afresh on each
    /// enumeration: once by ClosedXML's writer, and once more by the streamer when the sheet is streamed.
    /// </summary>
    public required Func<IEnumerable<XCell[]>> Rows { get; init; }
    /// <summary>The columns (1-based) the total row sums.</summary>
    public required IReadOnlyList<int> SummedColumns { get; init; }
    /// <summary>Frozen panes, widths and header height.</summary>
    public required Action<IXLWorksheet> Layout { get; init; }

    /// <summary>The usual layout: the header row frozen and 32 points high, the columns' widths as given.</summary>
    public static Action<IXLWorksheet> HeaderRowLayout(params double[] widths) => ws =>
    {
        ws.SheetView.FreezeRows(1);
        Xl.Widths(ws, widths);
        ws.Row(1).Height = 32;
    };

    public int Columns => Headers.Count;
    public int LastRow => RowCount + 1;
    public int TotalRow => RowCount + 2;

    /// <summary>
    /// Set by <see cref="WriteClosedXml"/> for a stub (the streamer needs it; ClosedXML works it out itself
    /// otherwise): whether every row of a column has the same formula relative to its row (index 1 = column A),
    /// which is when ClosedXML makes it the table's calculated-column formula.
    /// </summary>
    public bool[] SameFormulaInEveryRow { get; private set; } = [];

    /// <summary>Set by <see cref="WriteClosedXml"/>: each column's total over the rows (index 1 = column A).</summary>
    public decimal[] Totals { get; private set; } = [];

    public string TotalFormula(int column) =>
        RowCount > 0 ? $"SUM({Xl.Col(column)}2:{Xl.Col(column)}{LastRow})" : "0";

    /// <summary>
    /// Writes the sheet in ClosedXML. As a stub, only the first data row is written (its cells give the
    /// streamed rows their styles) and the total row holds the totals as values, so that the other sheets'
    /// formulas over it evaluate to the right figures when ClosedXML saves.
    /// </summary>
    public void WriteClosedXml(IXLWorksheet ws, bool stub, WorkbookContext ctx, CancellationToken ct)
    {
        Xl.Header(ws, 1, 1, Headers);
        var formats = new string?[Columns + 1];
        var totals = new decimal[Columns + 1];
        var first = new string?[Columns + 1];
        var same = new bool[Columns + 1];
        var row = 1;
        foreach (var cells in Rows())
        {
            row++;
            if ((row & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
            if (cells.Length != Columns) throw new InvalidOperationException($"{Name}: row {row} has {cells.Length} cells, expected {Columns}");
            for (var c = 1; c <= Columns; c++)
            {
                var cell = cells[c - 1];
                totals[c] += cell.Value;
                if (row == 2)
                {
                    formats[c] = cell.Format;
                    first[c] = stub && cell.Formula is { } f ? Relative(f, row) : null;
                    same[c] = first[c] is not null;
                }
                else if (same[c] && (cell.Formula is null || Relative(cell.Formula, row) != first[c])) same[c] = false;
                if (stub && row == 2) Write(ws.Cell(row, c), cell);
                else if (!stub)
                {
                    // A lookup is saved as its value, its formula put back into the file (a streamed sheet's rows
                    // are written afresh, formulas and all).
                    if (cell is { Lookup: true, Formula: { } lookup } && ctx.HoldBackLookups)
                    {
                        ctx.HoldBack(Name, row, c, lookup);
                        Write(ws.Cell(row, c), cell with { Formula = null });
                    }
                    else Write(ws.Cell(row, c), cell);
                }
            }
        }
        if (row != LastRow) throw new InvalidOperationException($"{Name}: wrote {row - 1} rows, expected {RowCount}");
        SameFormulaInEveryRow = same;
        Totals = totals;
        // A stub's table covers the header and first row: over every row ClosedXML would hold a cell for each
        // (1.2 GB of the 1.3 GB peak at 173,000 rows); the streamer stretches it over the streamed rows.
        Xl.Table(ws, TableName, 1, 1, stub ? Math.Min(LastRow, 2) : LastRow, Columns);
        Xl.TotalRow(ws, TotalRow, 1, Columns, "Total");
        foreach (var c in SummedColumns)
        {
            var cell = ws.Cell(TotalRow, c);
            if (stub) cell.Num(totals[c], formats[c]);
            else cell.Formula(TotalFormula(c), formats[c]);
        }
        Layout(ws);
    }

    /// <summary>A formula with references to its own row made relative ("J7*I7" in row 7 → "J#*I#").</summary>
    internal static string Relative(string formula, int row)
    {
        var own = row.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return OwnRowReference().Replace(formula, m => m.Groups[2].Value == own ? m.Groups[1].Value + "#" : m.Value);
    }

    /// <summary>A cell reference with a relative row: column letters (perhaps $-anchored) then digits, not inside a name.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![A-Za-z0-9_$])(\$?[A-Z]{1,3})([0-9]+)(?![A-Za-z0-9_(])")]
    private static partial System.Text.RegularExpressions.Regex OwnRowReference();

    private static void Write(IXLCell target, XCell cell)
    {
        if (cell.Text is { } text) target.Text(text);
        else if (cell.Formula is { } formula) target.Formula(formula, cell.Format);
        else target.Num(cell.Value, cell.Format);
    }
}
