using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// The four service KPIs (GOV.UK Service Manual; METHOD.md, Measures and v2), per service and month:
/// cost per transaction, digital take-up, completion rate and user satisfaction, each beside the same
/// month a year earlier. A month the council's events feed does not reach is unknown, not zero.
/// Cost per transaction counts the service's own digital cost lines only: council-wide and shared
/// consortium lines belong to no one service (the council's headline cost per transaction includes them).
/// </summary>
internal static class KpiCalculation
{
    private const int YearMonths = 12;

    public static ServiceKpis ForService(string council, string service, ServiceAssumptions a, ReportRequest request, ServiceData data,
        FeedCoverage events)
    {
        var volumes = ServiceVolumes.Of(data.Volumes, _ => false, _ => false);
        var costLines = data.CostLines.Where(l => !CostCategories.IsBaseline(l.Category)).ToList();
        decimal U(string channel, Month m) => UnitCosts.Of(a, channel, council, service, m);

        KpiFigures? Of(Month m)
        {
            if (!events.Covers(m)) return null;
            long transactions = 0, digital = 0, completedWhereStarted = 0, startedRecorded = 0, ratings = 0, satisfied = 0;
            var channelCost = 0m;
            var byChannel = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (channel, c) in volumes.In(m))
            {
                transactions += c.Completed;
                if (c.Completed != 0) byChannel[channel] = byChannel.GetValueOrDefault(channel) + c.Completed;
                if (a.DigitalChannels.Contains(channel)) digital += c.Completed;
                if (c.Completed != 0) channelCost += c.Completed * U(channel, m);
                if (c.Started > 0 && Measures.CompletionChannels.Contains(channel))
                {
                    completedWhereStarted += c.Completed;
                    startedRecorded += c.Started;
                }
                ratings += c.Ratings;
                satisfied += c.Satisfied;
            }
            var costs = 0m;
            foreach (var line in costLines) costs += CostSpreading.AmountIn(line, m);
            return new KpiFigures
            {
                ByChannel = byChannel,
                Transactions = transactions,
                DigitalTransactions = digital,
                ChannelCost = channelCost,
                Costs = costs,
                CompletedWhereStarted = completedWhereStarted,
                StartedRecorded = startedRecorded,
                Ratings = ratings,
                Satisfied = satisfied,
            };
        }

        var months = Month.Range(request.From, request.To)
            .Select(m => new KpiMonth(m, Of(m), m.Year > 1900 ? Of(m.AddMonths(-YearMonths)) : null))
            .ToList();
        return new ServiceKpis
        {
            Service = service,
            Period = months.Where(k => k.Figures is not null).Aggregate(KpiFigures.Zero, (sum, k) => sum + k.Figures!),
            YearEarlier = KpiFigures.SumKnown(months.Select(k => k.YearEarlier)),
            Targets = a.Targets,
            Months = months,
        };
    }

    /// <summary>
    /// A consortium's KPIs: each service summed over the members that run it, month by month. A month is
    /// known only where every such member's is (a partial sum would pass for the whole consortium).
    /// </summary>
    public static IReadOnlyList<ServiceKpis> Sum(IEnumerable<IReadOnlyList<ServiceKpis>> members, Func<string, KpiTargets?> targets)
    {
        return [.. members.SelectMany(m => m)
            .GroupBy(k => k.Service, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var parts = g.ToList();
                var months = parts[0].Months.Select((first, i) => new KpiMonth(first.Month,
                    KpiFigures.SumKnown(parts.Select(p => p.Months[i].Figures)),
                    KpiFigures.SumKnown(parts.Select(p => p.Months[i].YearEarlier)))).ToList();
                return new ServiceKpis
                {
                    Service = g.Key,
                    Period = months.Where(k => k.Figures is not null).Aggregate(KpiFigures.Zero, (sum, k) => sum + k.Figures!),
                    YearEarlier = KpiFigures.SumKnown(months.Select(k => k.YearEarlier)),
                    Targets = targets(g.Key),
                    Months = months,
                };
            })];
    }
}
