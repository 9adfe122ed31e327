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
    /// True when the detail sheets together have more rows than the streaming threshold: ClosedXML then writes
    /// them as stubs and <see cref="WorkbookStreamer"/> streams their rows into the saved file.
    /// </summary>
    public bool Streaming { get; set; }

    /// <summary>
    /// Streaming only: the formulas over detail rows held back from ClosedXML, by sheet and cell ("C2"). ClosedXML
    /// saves the engine's value in each such cell (so that what depends on it evaluates right) and
    /// <see cref="WorkbookStreamer"/> puts the formula back in front of that value.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> HeldBack { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A formula over detail rows, with the engine's figure for it: a live formula in ClosedXML; when
    /// streaming, the value now and the formula put back into the saved file.
    /// </summary>
    public IXLCell Live(IXLWorksheet ws, int row, int column, string formula, decimal value, string format)
    {
        var cell = ws.Cell(row, column);
        if (!Streaming) return cell.Formula(formula, format);
        var sheet = HeldBack.TryGetValue(ws.Name, out var s) ? s : HeldBack[ws.Name] = new(StringComparer.Ordinal);
        sheet[Xl.Col(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture)] = formula;
        return cell.Num(value, format);
    }

    /// <summary>
    /// The detail rows of each service-month key. Monthly formulas add these cells up explicitly:
    /// ClosedXML evaluates a range in time proportional to its whole sheet, which made SUMIFS over
    /// a detail sheet cost seconds; cell references cost microseconds (docs/reports.md, measurements).
    /// </summary>
    public Dictionary<string, List<int>> OfficerTimeRows { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<int>> AvoidableRows { get; } = new(StringComparer.Ordinal);

    /// <summary>Notes that <paramref name="row"/> of a detail sheet belongs to a service-month key.</summary>
    public static void NoteRow(Dictionary<string, List<int>> index, string key, int row)
    {
        if (!index.TryGetValue(key, out var rows)) index[key] = rows = [];
        rows.Add(row);
    }

    /// <summary>A sum of explicit cells ("'Officer time'!$K$5+'Officer time'!$K$6"), or 0 when there are none.</summary>
    public static string SumOf(string sheet, IEnumerable<int> rows, int column)
    {
        var terms = rows.Select(r => Xl.Cell(sheet, r, column)).ToList();
        return terms.Count == 0 ? "0" : string.Join("+", terms);
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
