using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using ClosedXML.Excel;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>What the sheets share while the workbook is built: the result, its units and where each sheet put things.</summary>
internal sealed class WorkbookContext(XLWorkbook workbook, SavingsResult result)
{
    public const string Summary = "Summary", Assumptions = "Assumptions", Baseline = "Baseline", Monthly = "Monthly",
        OfficerTime = "Officer time", AvoidableContact = "Avoidable contact", Spend = "Spend", Cashable = "Cashable",
        Appraisal = "Appraisal", Members = "Members", Comparison = "Comparison", LineageSheetName = "Lineage";

    public XLWorkbook Workbook { get; } = workbook;
    public SavingsResult Result { get; } = result;
    public IReadOnlyList<ReportUnit> Units { get; } = ReportUnits.Of(result);
    public IReadOnlyList<string> ChannelList { get; private set; } = [];
    public IReadOnlyList<Month> Months { get; } = Month.Range(result.Request.From, result.Request.To).ToList();
    public bool IsConsortium => Result.Scope.Kind == ScopeKind.Consortium;

    /// <summary>Last data row of the officer time sheet (1 when empty).</summary>
    public int OfficerTimeLastRow { get; set; } = 1;

    /// <summary>
    /// Assumptions: each benefit line's column of per-service cashable flags (1 or 0), as an absolute range over
    /// the services' rows, for the Cashable sheet's "Counted as cashable" formula.
    /// </summary>
    public Dictionary<BenefitLine, string> CashableFlagRange { get; } = [];

    /// <summary>Last data row of the avoidable contact sheet (1 when empty).</summary>
    public int AvoidableLastRow { get; set; } = 1;

    /// <summary>
    /// True when the detail sheets together have more rows than the streaming threshold: ClosedXML then writes
    /// them as stubs and <see cref="WorkbookStreamer"/> streams their rows into the saved file.
    /// </summary>
    public bool Streaming { get; set; }

    /// <summary>
    /// Whether lookups over ranges (SUMIFS by key or month) are held back from ClosedXML: true when the
    /// workbook is saved (<see cref="SavingsWorkbook.Write(SavingsResult, string, int, CancellationToken)"/>).
    /// ClosedXML 0.95.4 evaluates a range in time proportional to its whole sheet: SUMIFS by key in every
    /// Monthly row made a 10-service council take 74 s and 6.9 GB to save (docs/reports.md).
    /// </summary>
    public bool HoldBackLookups { get; init; }

    /// <summary>
    /// The formulas held back from ClosedXML, by sheet and cell ("C2"). ClosedXML saves the engine's value in
    /// each such cell (so that what depends on it evaluates right) and <see cref="WorkbookStreamer"/> puts the
    /// formula back in front of that value in the saved file.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> HeldBack { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A lookup formula over a range, with the engine's figure for it: held back (the value now, the formula
    /// put back into the saved file) when <see cref="HoldBackLookups"/>, else a live formula in ClosedXML.
    /// </summary>
    public IXLCell Live(IXLWorksheet ws, int row, int column, string formula, decimal value, string format)
    {
        var cell = ws.Cell(row, column);
        if (!HoldBackLookups) return cell.Formula(formula, format);
        HoldBack(ws.Name, row, column, formula);
        return cell.Num(value, format);
    }

    /// <summary>
    /// A formula ClosedXML cannot evaluate (MEDIAN, in 0.95.4), with the engine's figure for it: the value in
    /// ClosedXML always, the formula put back into the saved file when <see cref="HoldBackLookups"/>. Without a
    /// figure the cell is the text "n/a" (a number cell is what a held-back formula goes in front of).
    /// </summary>
    public IXLCell Unevaluated(IXLWorksheet ws, int row, int column, string formula, decimal? value, string format)
    {
        var cell = ws.Cell(row, column);
        if (value is not { } v) return cell.Text("n/a");
        if (HoldBackLookups) HoldBack(ws.Name, row, column, formula);
        return cell.Num(v, format);
    }

    /// <summary>Notes a formula to be put back into the saved file at a cell ClosedXML holds a value in.</summary>
    public void HoldBack(string sheetName, int row, int column, string formula)
    {
        var sheet = HeldBack.TryGetValue(sheetName, out var s) ? s : HeldBack[sheetName] = new(StringComparer.Ordinal);
        sheet[Xl.Col(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture)] = formula;
    }

    /// <summary>Monthly: data rows 2..MonthlyLastRow, totals on MonthlyTotalRow; column of each field.</summary>
    public int MonthlyLastRow { get; set; } = 1;
    public int MonthlyTotalRow { get; set; }
    public Dictionary<string, int> MonthlyColumn { get; } = new(StringComparer.Ordinal);

    /// <summary>Spend and Appraisal: one row per month of the period, row 2 = first month.</summary>
    public int SpendDigitalTotalColumn { get; set; }
    public int PeriodTotalRow => Months.Count + 2;

    public IXLWorksheet Sheet(string name) => Workbook.Worksheet(name);

    public void Init() => ChannelList = ReportUnits.Channels(Result, Units);

    /// <summary>The per-unit name of an assumption or baseline figure ("garden_waste_unit_cost_web").</summary>
    public static string UnitName(ReportUnit unit, string what) => unit.Prefix + "_" + what;

    public static string DigitalFlag(string channel) => "digital_" + ReportUnits.NamePart(channel);
    public static string LineFlag(BenefitLine line) => "line_" + line.Key();
    public static string CashableFlag(BenefitLine line) => "cashable_" + line.Key();
    public static string UnitCost(string channel) => "unit_cost_" + ReportUnits.NamePart(channel);
    public static string HourlyCost(string grade) => "hourly_cost_" + ReportUnits.NamePart(grade);

    /// <summary>Monthly field names used as keys into <see cref="MonthlyColumn"/>.</summary>
    public static string Gross(BenefitLine line) => "gross:" + line.Key();
    public static string Adjusted(BenefitLine line) => "adjusted:" + line.Key();
    public static string CashablePart(BenefitLine line) => "cashable:" + line.Key();
}
