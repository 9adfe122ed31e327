using System.Runtime.CompilerServices;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Disclosure;

/// <summary>
/// What an output shared beyond one council may show of the KPIs (METHOD.md, Consortia: a count below the
/// threshold is "&lt;N" and figures derived from it are withheld). Each KPI rests on a count (transactions for
/// cost per transaction and take-up, recorded starts for completion, ratings for satisfaction): where that
/// count is hidden, so is the KPI. A period's count is shown alone; its months add up to it, so they are a
/// row (<see cref="DisclosureRules.Row{TKey}"/>); members' counts for a service add up to the consortium's,
/// so they are a group (<see cref="DisclosureRules.Group"/>: members withheld whole hidden too, no hidden count alone).
/// A council's own output is not controlled: everything is shown.
/// </summary>
public sealed class KpiDisclosure
{
    private static readonly ConditionalWeakTable<SavingsResult, KpiDisclosure> Views = new();
    private readonly Dictionary<(string Service, int Month, bool YearEarlier, Kpi Kpi), Shown> _own = new();
    private readonly Dictionary<(string Member, string Service, Kpi Kpi), Shown> _members = new();

    /// <summary>The KPI disclosure of <paramref name="result"/>, worked out once per result and shared by every writer.</summary>
    public static KpiDisclosure Of(SavingsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Views.GetValue(result, r => new KpiDisclosure(r));
    }

    private KpiDisclosure(SavingsResult result)
    {
        View = DisclosureView.Of(result);
        if (!View.Controlled) return;
        foreach (var service in result.Kpis)
            foreach (var kpi in Kpis.All)
            {
                foreach (var yearEarlier in new[] { false, true })
                {
                    var period = yearEarlier ? service.YearEarlier : service.Period;
                    if (period is not null) _own[(service.Service, -1, yearEarlier, kpi)] = View.Count(period.Base(kpi));
                    var row = service.Months
                        .Select((m, i) => (i, Figures: yearEarlier ? m.YearEarlier : m.Figures))
                        .Where(x => x.Figures is not null)
                        .Select(x => KeyValuePair.Create(x.i, x.Figures!.Base(kpi)));
                    foreach (var (i, shown) in View.Row(row)) _own[(service.Service, i, yearEarlier, kpi)] = shown;
                }
                var members = result.Members.Select(m => KeyValuePair.Create(m.Scope.Id,
                    m.Kpis.FirstOrDefault(k => k.Service == service.Service)?.Period.Base(kpi) ?? 0)).ToList();
                // A member withheld whole is hidden here too, and must not be the one hidden count (the consortium's less the
                // shown members' would be its own).
                var byCount = View.Row(members);
                var parts = members.Select(m => new GroupPart(m.Key, m.Value, m.Value != 0,
                    View.Member(m.Key) is var whole && whole != Shown.Value ? whole : byCount.GetValueOrDefault(m.Key, Shown.Value))).ToList();
                foreach (var (code, shown) in DisclosureRules.Group(parts)) _members[(code, service.Service, kpi)] = shown;
            }
    }

    /// <summary>The result's disclosure view (threshold, symbols, withheld members).</summary>
    public DisclosureView View { get; }

    /// <summary>How the count under <paramref name="kpi"/> of a service's period is shown (its months: <see cref="Month"/>).</summary>
    public Shown Period(string service, Kpi kpi, bool yearEarlier = false) =>
        _own.GetValueOrDefault((service, -1, yearEarlier, kpi), Shown.Value);

    /// <summary>How the count under <paramref name="kpi"/> in month <paramref name="index"/> of the period is shown.</summary>
    public Shown Month(string service, int index, Kpi kpi, bool yearEarlier = false) =>
        _own.GetValueOrDefault((service, index, yearEarlier, kpi), Shown.Value);

    /// <summary>How a member's count under <paramref name="kpi"/> for a service (over the period) is shown.</summary>
    public Shown Member(string code, string service, Kpi kpi) =>
        _members.GetValueOrDefault((code, service, kpi), Shown.Value);
}
