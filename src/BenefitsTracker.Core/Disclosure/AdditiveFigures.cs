using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Disclosure;

/// <summary>
/// Every figure of a member's result that adds up to the consortium's (a total or a line): the figures
/// a reader could subtract. Keyed by a stable name ("totals.adjusted", "lines.print.gross").
/// Ratios, payback and medians are not sums and cannot be subtracted.
/// </summary>
public static class AdditiveFigures
{
    /// <summary>Every additive figure of <paramref name="r"/>, by its stable name, in a fixed order.</summary>
    public static IReadOnlyDictionary<string, decimal> Of(SavingsResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var t = r.Totals;
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["totals.transactions"] = t.Transactions,
            ["totals.digital_transactions"] = t.DigitalTransactions,
            ["totals.gross"] = t.GrossBenefit,
            ["totals.adjusted"] = t.AdjustedBenefit,
            ["totals.cashable"] = t.Cashable,
            ["totals.non_cashable"] = t.NonCashable,
            ["totals.costs"] = t.Costs,
            ["totals.net"] = t.NetBenefit,
            ["totals.npv"] = t.Npv,
            ["totals.officer_hours"] = t.OfficerHoursReleased,
            ["totals.closed_cases"] = t.ClosedCases,
            ["totals.open_cases"] = t.OpenCases,
        };
        foreach (var line in r.Lines)
        {
            figures[$"lines.{line.Line.Key()}.gross"] = line.Gross;
            figures[$"lines.{line.Line.Key()}.adjusted"] = line.Adjusted;
        }
        return figures;
    }
}
