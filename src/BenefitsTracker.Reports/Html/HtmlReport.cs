using BenefitsTracker.Reports.Charts;

namespace BenefitsTracker.Reports.Html;

internal static class HtmlReport
{
    public static string Render(ReportFacts facts, IReadOnlyList<ReportChart> charts) => "";
}
