using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using ClosedXML.Excel;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>What the sheets share while the workbook is built: the result, its units and where each sheet put things.</summary>
internal sealed class WorkbookContext(XLWorkbook workbook, SavingsResult result)
{
    public const string Summary = "Summary", Assumptions = "Assumptions", Baseline = "Baseline", Monthly = "Monthly",
        OfficerTime = "Officer time", AvoidableContact = "Avoidable contact", Spend = "Spend", Cashable = "Cashable",
        Appraisal = "Appraisal", Members = "Members", LineageSheetName = "Lineage";

    public XLWorkbook Workbook { get; } = workbook;
    public SavingsResult Result { get; } = result;
    public IReadOnlyList<ReportUnit> Units { get; } = ReportUnits.Of(result);
    public IReadOnlyList<string> ChannelList { get; private set; } = [];
    public IReadOnlyList<Month> Months { get; } = Month.Range(result.Request.From, result.Request.To).ToList();
    public bool IsConsortium => Result.Scope.Kind == ScopeKind.Consortium;

    /// <summary>Last data row of the officer time and avoidable contact sheets (1 when empty).</summary>
    public int OfficerTimeLastRow { get; set; } = 1;
    public int AvoidableLastRow { get; set; } = 1;

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

    public static string LineFlag(BenefitLine line) => "line_" + line.Key();
    public static string CashableFlag(BenefitLine line) => "cashable_" + line.Key();
    public static string UnitCost(string channel) => "unit_cost_" + ReportUnits.NamePart(channel);
    public static string HourlyCost(string grade) => "hourly_cost_" + ReportUnits.NamePart(grade);

    /// <summary>Monthly field names used as keys into <see cref="MonthlyColumn"/>.</summary>
    public static string Gross(BenefitLine line) => "gross:" + line.Key();
    public static string Adjusted(BenefitLine line) => "adjusted:" + line.Key();
    public static string CashablePart(BenefitLine line) => "cashable:" + line.Key();
}
