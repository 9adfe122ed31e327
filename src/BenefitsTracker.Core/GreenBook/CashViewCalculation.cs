using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.GreenBook;

/// <summary>
/// METHOD.md v2, Cash view: cashable net = cashable adjusted − C; cashable ROI = cashable net ÷ C;
/// cashable payback: the first month of P whose cumulative (cashable adjusted − cost) is at least zero.
/// C here is the costs after optimism bias on costs, as in the full figures.
/// </summary>
internal static class CashViewCalculation
{
    public static CashView Of(SavingsResult result)
    {
        var t = result.Totals;
        var net = t.Cashable - t.Costs;
        return new CashView(net, Appraisal.Roi(net, t.Costs), Appraisal.PaybackMonth(result.Months.Select(m => (m.Month, m.Cashable - m.Costs))));
    }
}
