using System.Globalization;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// Which assumptions differ between a consortium's members (METHOD.md, Consortia: each member's figures are
/// computed on its own assumptions, so a reader comparing them needs to know where those differ). Each member's
/// council-level values are compared key by key; then each service's go-live, baseline and lines, and any
/// value a member's service sets apart from that member's own council level.
/// </summary>
public static class AssumptionDifferences
{
    /// <summary>The keys whose values are not the same for every member, in key order.</summary>
    public static IReadOnlyList<AssumptionDifference> Between(IReadOnlyList<SavingsResult> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count < 2) return [];
        var council = members.ToDictionary(m => m.Scope.Id, m => Flatten(m.Assumptions), StringComparer.Ordinal);
        var services = members.ToDictionary(m => m.Scope.Id,
            m => m.Services.ToDictionary(s => s.Service, s => Flatten(s.Assumptions), StringComparer.Ordinal), StringComparer.Ordinal);

        var values = new SortedDictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        void Put(string key, string code, string? value)
        {
            if (!values.TryGetValue(key, out var row)) values[key] = row = new Dictionary<string, string?>(StringComparer.Ordinal);
            row[code] = value;
        }

        foreach (var key in council.Values.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal))
            foreach (var m in members) Put(key, m.Scope.Id, council[m.Scope.Id].GetValueOrDefault(key) ?? "not set");

        foreach (var slug in services.Values.SelectMany(s => s.Keys).Distinct(StringComparer.Ordinal))
        {
            // A service's own key is compared where some member's service sets it apart from its council level;
            // go-live, baseline and lines belong to the service alone and are always compared.
            var keys = services.Values.Where(s => s.ContainsKey(slug)).SelectMany(s => s[slug].Keys).Distinct(StringComparer.Ordinal)
                .Where(k => k is "go_live" or "baseline" or "lines"
                    || members.Any(m => services[m.Scope.Id].TryGetValue(slug, out var own)
                        && own.GetValueOrDefault(k) != council[m.Scope.Id].GetValueOrDefault(k)));
            foreach (var key in keys)
                foreach (var m in members)
                    Put($"services.{slug}.{key}", m.Scope.Id,
                        services[m.Scope.Id].TryGetValue(slug, out var own) ? own.GetValueOrDefault(key) ?? "not set" : null);
        }

        return [.. values
            .Where(kv => kv.Value.Values.Where(v => v is not null).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(kv => new AssumptionDifference(kv.Key,
                [.. members.Select(m => new MemberValue(m.Scope.Id, kv.Value.GetValueOrDefault(m.Scope.Id)))]))];
    }

    /// <summary>A council's values under their keys in the assumptions file.</summary>
    private static Dictionary<string, string> Flatten(ResolvedAssumptions a)
    {
        var d = Common(a.UnitCosts, a.DigitalChannels, a.HasHourlyCostDefault ? a.HourlyCostDefault : null, a.HourlyCostByGrade,
            a.Adjustments, a.Cashable);
        d["discount_rate"] = Number(a.DiscountRate);
        return d;
    }

    /// <summary>A service's values, go-live, baseline and lines included.</summary>
    private static Dictionary<string, string> Flatten(ServiceAssumptions a)
    {
        var d = Common(a.UnitCosts, a.DigitalChannels, a.HasHourlyCostDefault ? a.HourlyCostDefault : null, a.HourlyCostByGrade,
            a.Adjustments, a.Cashable);
        d["go_live"] = a.GoLive ?? "not launched";
        d["baseline"] = $"{a.BaselineFrom} to {a.BaselineTo}";
        d["lines"] = string.Join(", ", a.Lines.Select(l => l.Key()));
        return d;
    }

    private static Dictionary<string, string> Common(
        IReadOnlyDictionary<string, decimal> unitCosts, IReadOnlyList<string> digital, decimal? hourlyDefault,
        IReadOnlyDictionary<string, decimal> grades, Adjustments adjustments, IReadOnlyDictionary<BenefitLine, bool> cashable)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (channel, cost) in unitCosts) d["unit_costs_gbp." + channel] = Pounds(cost);
        d["digital_channels"] = string.Join(", ", digital);
        if (hourlyDefault is { } h) d["officer_hourly_cost_gbp.default"] = Pounds(h);
        foreach (var (grade, cost) in grades) d["officer_hourly_cost_gbp.grades." + grade] = Pounds(cost);
        d["adjustments.deadweight"] = Number(adjustments.Deadweight);
        d["adjustments.attribution"] = Number(adjustments.Attribution);
        d["adjustments.optimism_bias"] = Number(adjustments.OptimismBias);
        foreach (var (line, flag) in cashable) d["cashable." + line.Key()] = flag ? "true" : "false";
        return d;
    }

    private static string Pounds(decimal v) => v.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string Number(decimal v) => v.ToString("0.############", CultureInfo.InvariantCulture);
}
