using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Reports.Formatting;

/// <summary>
/// Where each assumed figure came from, in words for the caveats: the default and its source, or the key
/// of the assumptions file (named, with its version) that set it. Read off the resolved assumptions, so a
/// file that sets phone to £4.00 is never described as "defaults from Socitm".
/// </summary>
internal static class AssumptionSources
{
    public const string UnitCostDefaultSource = "Socitm Channel Value Benchmarking, 2011 cohorts, median cost per contact";

    /// <summary>"the assumptions file assumptions.json (version 2025-26-v1)".</summary>
    public static string File(Lineage l) => l.AssumptionsFile is { } f
        ? $"the assumptions file {f} (version {l.AssumptionsVersion})"
        : $"the assumptions (version {l.AssumptionsVersion})";

    /// <summary>
    /// The unit costs used, each with its source: "face to face £8.62 and web £0.15 are the defaults (Socitm ...);
    /// phone £4.00 is set by unit_costs_gbp.phone in the assumptions file a.json (version v2)". Where services or
    /// councils use different values for a channel, each is given with the key that set it.
    /// </summary>
    public static string UnitCosts(SavingsResult r, IEnumerable<(IReadOnlyDictionary<string, decimal> Costs, IReadOnlyDictionary<string, string> Keys)> used)
    {
        var entries = used
            .SelectMany(u => u.Costs.Select(kv => (Channel: kv.Key, Value: kv.Value, Key: u.Keys.GetValueOrDefault(kv.Key))))
            .Distinct()
            .OrderBy(e => Channels.Order(e.Channel)).ThenBy(e => e.Channel, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        var defaults = entries.Where(e => e.Key is null).Select(e => $"{Fmt.Channel(e.Channel).ToLowerInvariant()} {Fmt.Money(e.Value)}").ToList();
        var set = entries.Where(e => e.Key is not null).ToList();
        var parts = new List<string>();
        if (defaults.Count > 0)
            parts.Add($"{Join(defaults)} {(defaults.Count == 1 ? "is the default" : "are the defaults")} ({UnitCostDefaultSource})");
        if (set.Count > 0)
            parts.Add(Join(set.Select(e => $"{Fmt.Channel(e.Channel).ToLowerInvariant()} {Fmt.Money(e.Value)} is set by {e.Key}").ToList()) + $" in {File(r.Lineage)}");
        return string.Join("; ", parts);
    }

    /// <summary>
    /// Where every other category of assumption came from (issue 13), one sentence each: officer hourly costs,
    /// the adjustments (deadweight, attribution, optimism bias), optimism bias on costs, the discount rate and what
    /// counts as cashable. A figure equal to its built-in default is credited to the default and its source;
    /// any other was set in the assumptions file, named with its version. Where services use different values,
    /// the sentence says so and the workbook's Assumptions sheet gives each.
    /// </summary>
    public static IReadOnlyList<string> Others(SavingsResult r, IReadOnlyList<ServiceAssumptions> services)
    {
        var a = r.Assumptions;
        var file = File(r.Lineage);
        var own = services.Count > 0 ? services : [];
        string Varies(bool varies) => varies ? " Some services use their own values: the workbook's Assumptions sheet gives each." : "";
        var sentences = new List<string>();

        // Officer hourly cost: there is no built-in figure; the file gives it.
        var rates = new List<string>();
        if (a.HasHourlyCostDefault) rates.Add($"{Fmt.Money(a.HourlyCostDefault)} an hour by default (officer_hourly_cost_gbp.default)");
        rates.AddRange(a.HourlyCostByGrade.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{Fmt.Money(g.Value)} for grade {g.Key} (officer_hourly_cost_gbp.grades.{g.Key})"));
        sentences.Add(rates.Count == 0
            ? "Officer time: no hourly cost is set, and BenefitsTracker has no default for it."
            : $"Officer time is valued at {Join(rates)}, salary plus on-costs, as set in {file}; there is no built-in default." +
              Varies(own.Any(s => s.HourlyCostDefault != a.HourlyCostDefault || !SameRates(s.HourlyCostByGrade, a.HourlyCostByGrade))));

        // The adjustments, each against its default (none: METHOD.md).
        var d = Core.Assumptions.AssumptionDefaults.Adjustments;
        var adj = a.Adjustments;
        var defaults = new List<string>();
        var set = new List<string>();
        void Adjustment(string label, string key, decimal value, decimal byDefault) =>
            (value == byDefault ? defaults : set).Add(value == byDefault ? $"{label} {Number(value)}" : $"{label} {Number(value)} (adjustments.{key})");
        Adjustment("deadweight", "deadweight", adj.Deadweight, d.Deadweight);
        Adjustment("attribution", "attribution", adj.Attribution, d.Attribution);
        Adjustment("optimism bias", "optimism_bias", adj.OptimismBias, d.OptimismBias);
        var parts = new List<string>();
        if (set.Count > 0) parts.Add($"{Join(set)} {(set.Count == 1 ? "is" : "are")} set in {file}");
        if (defaults.Count > 0) parts.Add($"{Join(defaults)} {(defaults.Count == 1 ? "is the default" : "are the defaults")} (no adjustment, METHOD.md)");
        var estimated = own.Any(s => s.DeadweightEstimated);
        sentences.Add("Adjustments: " + string.Join("; ", parts) + "." +
            (estimated ? " Where a service asks for its deadweight to be estimated, the estimate from the data replaces the assumed figure (see \"Would it have happened anyway?\")." : "") +
            Varies(own.Any(s => s.Adjustments != adj && !s.DeadweightEstimated)));

        if (r.Appraisal is { } appraisal)
            sentences.Add(appraisal.OptimismBiasCosts == 0m
                ? "Optimism bias on costs: none, the default (adjustments.optimism_bias_costs not set)."
                : $"Optimism bias on costs of {Fmt.Percent(appraisal.OptimismBiasCosts)} is set by adjustments.optimism_bias_costs in {file}.");

        if (PriceYears(a, own) is { } prices) sentences.Add(prices);

        sentences.Add(a.DiscountRate == Core.Assumptions.AssumptionDefaults.DiscountRate
            ? $"The discount rate of {Fmt.Percent(a.DiscountRate)} a year is the default (HM Treasury Green Book)."
            : $"The discount rate of {Fmt.Percent(a.DiscountRate)} a year is set by discount_rate in {file} (the Green Book's is 3.5%).");

        var cashDefault = Core.Assumptions.AssumptionDefaults.Cashable;
        var cashSet = a.Cashable.Where(kv => cashDefault.TryGetValue(kv.Key, out var byDefault) && byDefault != kv.Value)
            .Select(kv => $"{kv.Key.Title().ToLowerInvariant()} {(kv.Value ? "counts" : "does not count")} as cashable (cashable.{kv.Key.Key()})").ToList();
        sentences.Add((cashSet.Count == 0
            ? "What counts as cashable is the default (METHOD.md): avoided print and postage are cash; channel shift and officer time are savings in kind."
            : $"What counts as cashable: {Join(cashSet)}, as set in {file}; the other lines keep the default (METHOD.md).") +
            Varies(own.Any(s => cashDefault.Keys.Any(l => s.Cashable.GetValueOrDefault(l) != a.Cashable.GetValueOrDefault(l)))));
        return sentences;
    }

    /// <summary>
    /// Which costs are given in the prices of a price year and how they are uprated (METHOD.md v2, Real prices): "The web
    /// and phone unit costs are in 2010-11 prices (the defaults' year) ... uprated to each month's prices with the GDP
    /// deflators (release)"; null when no cost has a price year.
    /// </summary>
    private static string? PriceYears(ResolvedAssumptions a, IReadOnlyList<ServiceAssumptions> services)
    {
        var all = services.Count > 0
            ? services.Select(s => (s.PriceYears, s.Deflators, s.UnitCostKeys)).ToList()
            : [(a.PriceYears, a.Deflators, a.UnitCostKeys)];
        var entries = all.SelectMany(x => x.PriceYears.Select(kv => (Key: kv.Key, Year: kv.Value,
                Default: kv.Key.StartsWith(Core.Assumptions.InputKeys.UnitCostPrefix, StringComparison.Ordinal)
                    && !x.UnitCostKeys.ContainsKey(kv.Key[Core.Assumptions.InputKeys.UnitCostPrefix.Length..]))))
            .Distinct().OrderBy(e => e.Year).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
        if (entries.Count == 0) return null;
        string Group(IGrouping<Core.Assumptions.FinancialYear, (string Key, Core.Assumptions.FinancialYear Year, bool Default)> g)
        {
            var defaults = g.Where(e => e.Default).Select(e => Fmt.Channel(e.Key[Core.Assumptions.InputKeys.UnitCostPrefix.Length..]).ToLowerInvariant())
                .Distinct().ToList();
            var parts = new List<string>();
            if (defaults.Count > 0)
                parts.Add($"the default {Join(defaults)} unit cost{(defaults.Count == 1 ? "" : "s")} (Socitm's)");
            parts.AddRange(g.Where(e => !e.Default).Select(e => Cost(e.Key)).Distinct());
            return $"{Join(parts)} in {g.Key} prices";
        }
        var groups = entries.GroupBy(e => e.Year).Select(Group).ToList();
        var deflators = all.Select(x => x.Deflators).FirstOrDefault(d => d is not null);
        return deflators is null
            ? $"Price years: {Join(groups)}; no GDP deflator series was given, so these costs are used as given, not uprated."
            : $"Price years: {Join(groups)}. Each is uprated to the prices of the month it values, × D(that month's financial year) ÷ " +
              $"D(its price year), D being the GDP deflator ({deflators.Release}); costs without a price year are in the prices of the months they value.";
    }

    private static string Cost(string key) =>
        key.StartsWith(Core.Assumptions.InputKeys.UnitCostPrefix, StringComparison.Ordinal)
            ? $"the {Fmt.Channel(key[Core.Assumptions.InputKeys.UnitCostPrefix.Length..]).ToLowerInvariant()} unit cost ({key})"
            : key == Core.Assumptions.InputKeys.HourlyDefault ? $"the default hourly cost ({key})"
            : $"grade {key[Core.Assumptions.InputKeys.HourlyGradePrefix.Length..]}'s hourly cost ({key})";

    private static bool SameRates(IReadOnlyDictionary<string, decimal> x, IReadOnlyDictionary<string, decimal> y) =>
        x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Number(decimal value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    private static string Join(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join("", items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
