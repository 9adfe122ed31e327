using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// Turns summed monthly figures into the result's months, lines and totals. Totals are sums of the
/// months, so every monthly table adds up to the headline; ratios, payback and NPV come last, from the sums.
/// </summary>
internal static class ResultAssembly
{
    public sealed record Assembled(IReadOnlyList<MonthResult> Months, IReadOnlyList<LineResult> Lines, Totals Totals);

    public static Assembled Assemble(
        MonthFigures[] months, LineFlags flags, decimal[]? officerSamples, decimal discountRate)
    {
        // Channels with completed transactions anywhere in P appear in every month, in channel order.
        var channels = ChannelShift.InOrder(months.SelectMany(m => m.ByChannel.Where(c => c.Value != 0).Select(c => c.Key))).ToList();

        var results = new List<MonthResult>(months.Length);
        var cumulative = 0m;
        for (var t = 0; t < months.Length; t++)
        {
            var f = months[t];
            var adjusted = f.AdjustedBenefit;
            cumulative += adjusted - f.Costs;
            var byChannel = new OrderedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var channel in channels) byChannel.Add(channel, f.ByChannel.GetValueOrDefault(channel));
            results.Add(new MonthResult
            {
                Month = f.Month,
                Transactions = f.Transactions,
                ByChannel = byChannel,
                Started = f.Started,
                Failed = f.Failed,
                GrossByLine = ByLine(f.Gross),
                AdjustedByLine = ByLine(f.Adjusted),
                GrossBenefit = f.GrossBenefit,
                AdjustedBenefit = adjusted,
                Cashable = f.Cashable,
                NonCashable = f.NonCashable,
                Costs = f.Costs,
                CumulativeNet = cumulative,
                DiscountFactor = 1m / Appraisal.DiscountDivisor(discountRate, t),
                OfficerHoursReleased = f.OfficerHours,
                ClosedCases = f.ClosedCases,
                OfficerMinutes = f.OfficerMinutes,
                OpenCases = f.OpenCases,
            });
        }

        var total = new MonthFigures(months.Length > 0 ? months[0].Month : default);
        foreach (var f in months) total.Add(f);
        var gross = months.Aggregate(0m, (s, f) => s + f.GrossBenefit);
        var adjustedTotal = months.Aggregate(0m, (s, f) => s + f.AdjustedBenefit);
        var net = adjustedTotal - total.Costs;

        var lines = new List<LineResult>(BenefitLines.All.Count);
        for (var i = 0; i < BenefitLines.All.Count; i++)
        {
            var line = BenefitLines.All[i];
            lines.Add(new LineResult(line, flags.Enabled[line], total.Gross[i], total.Adjusted[i], flags.Cashable[line],
                line == BenefitLine.OfficerTime ? Bootstrap.Interval(officerSamples) : null));
        }

        var totals = new Totals
        {
            Transactions = total.Transactions,
            DigitalTransactions = total.DigitalTransactions,
            DigitalTakeUp = Measures.DigitalTakeUp(total.DigitalTransactions, total.Transactions),
            CompletionRate = Measures.CompletionRate(total.CompletedWhereStarted, total.StartedRecorded),
            CostPerTransaction = Measures.CostPerTransaction(total.ChannelCost, total.Costs, total.Transactions),
            GrossBenefit = gross,
            AdjustedBenefit = adjustedTotal,
            Cashable = total.Cashable,
            NonCashable = total.NonCashable,
            Costs = total.Costs,
            NetBenefit = net,
            Roi = Appraisal.Roi(net, total.Costs),
            Bcr = Appraisal.Bcr(adjustedTotal, total.Costs),
            Npv = Appraisal.Npv([.. months.Select(f => f.AdjustedBenefit - f.Costs)], discountRate),
            PaybackMonth = Appraisal.PaybackMonth(months.Select(f => (f.Month, f.AdjustedBenefit - f.Costs))),
            OfficerHoursReleased = total.OfficerHours,
            ClosedCases = total.ClosedCases,
            OpenCases = total.OpenCases,
        };
        return new Assembled(results, lines, totals);
    }

    private static OrderedDictionary<BenefitLine, decimal> ByLine(decimal[] values)
    {
        var result = new OrderedDictionary<BenefitLine, decimal>();
        for (var i = 0; i < BenefitLines.All.Count; i++) result.Add(BenefitLines.All[i], values[i]);
        return result;
    }
}
