using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// METHOD.md, Adjustments and appraisal: costs C are the digital service cost lines in P (licence,
/// implementation, hosting, support, other), spread by month, plus for a consortium member its
/// apportioned share of the consortium's own cost lines. Print and postage are baseline spend, not costs.
/// </summary>
internal static class CouncilCosts
{
    /// <summary>
    /// Whether a cost line belongs to the report: a service's line when no service is asked for or
    /// when it is that service; a council-wide (or consortium-wide) line only when no service is asked for.
    /// </summary>
    public static bool InScope(CostLine line, ReportRequest request) =>
        line.Service is null ? request.Service is null : request.Service is null || line.Service == request.Service;

    /// <summary>
    /// Spreads the digital costs in scope into <paramref name="months"/> and lists the working:
    /// own digital lines, the consortium's shared lines with this council's share, then the baseline
    /// (print, postage) lines of the services in scope, for reference.
    /// </summary>
    public static IReadOnlyList<CostWorking> Apply(
        CouncilData council, ConsortiumData? consortium, string? apportionment, IReadOnlyCollection<string> services,
        ReportRequest request, MonthFigures[] months)
    {
        var working = new List<CostWorking>();

        foreach (var line in Sorted(council.CostLines.Where(l => IsDigitalInScope(l, request))))
            working.Add(Spread(line, council.Code, 1m, request, months));

        if (consortium is not null)
        {
            var shared = Sorted(consortium.SharedCosts.Where(l => IsDigitalInScope(l, request))).ToList();
            if (shared.Count > 0)
            {
                var share = Apportionment.Shares(apportionment ?? AssumptionsDefaultRule, consortium, request)[council.Code];
                foreach (var line in shared) working.Add(Spread(line, consortium.Id, share, request, months));
            }
        }

        foreach (var line in Sorted(council.CostLines.Where(l =>
                     CostCategories.IsBaseline(l.Category) && l.Service is not null && services.Contains(l.Service))))
            working.Add(Describe(line, council.Code, request));

        return working;
    }

    /// <summary>Each member's share of shared costs under a consortium's rule (for the comparison table).</summary>
    public static decimal ShareOf(string councilCode, ConsortiumData consortium, string rule, ReportRequest request) =>
        consortium.SharedCosts.Any(l => IsDigitalInScope(l, request))
            ? Apportionment.Shares(rule, consortium, request)[councilCode]
            : 0m;

    private const string AssumptionsDefaultRule = Apportionment.Equal;

    private static bool IsDigitalInScope(CostLine line, ReportRequest request) =>
        !CostCategories.IsBaseline(line.Category) && InScope(line, request) && CostSpreading.Overlaps(line, request.From, request.To);

    private static CostWorking Spread(CostLine line, string owner, decimal share, ReportRequest request, MonthFigures[] months)
    {
        var inPeriod = 0m;
        foreach (var figures in months)
        {
            var amount = CostSpreading.AmountIn(line, figures.Month) * share;
            figures.Costs += amount;
            inPeriod += amount;
        }
        return new CostWorking(line, owner, CostSpreading.MonthCount(line), CostSpreading.MonthlyAmount(line), share, inPeriod);
    }

    /// <summary>A baseline spend line: listed with its spread so a reader can check S_B, carrying nothing into C.</summary>
    private static CostWorking Describe(CostLine line, string owner, ReportRequest request) =>
        new(line, owner, CostSpreading.MonthCount(line), CostSpreading.MonthlyAmount(line), 1m,
            CostSpreading.AmountIn(line, request.From, request.To));

    private static int CategoryOrder(string category)
    {
        for (var i = 0; i < CostCategories.All.Count; i++) if (CostCategories.All[i] == category) return i;
        return CostCategories.All.Count;
    }

    private static IEnumerable<CostLine> Sorted(IEnumerable<CostLine> lines) => lines
        .OrderBy(l => l.Service ?? "", StringComparer.Ordinal)
        .ThenBy(l => CategoryOrder(l.Category))
        .ThenBy(l => l.PeriodStart)
        .ThenBy(l => l.Reference ?? "", StringComparer.Ordinal)
        .ThenBy(l => l.Amount);
}
