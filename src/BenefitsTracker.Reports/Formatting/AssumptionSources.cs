using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Localisation;

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
    public static string File(Lineage l, ReportText? text = null)
    {
        var T = text ?? ReportText.En;
        return l.AssumptionsFile is { } f
            ? T.F("sources.file", ("file", f), ("version", l.AssumptionsVersion))
            : T.F("sources.file.unnamed", ("version", l.AssumptionsVersion));
    }

    /// <summary>
    /// The unit costs used, each with its source: "face to face £8.62 and web £0.15 are the defaults (Socitm ...);
    /// phone £4.00 is set by unit_costs_gbp.phone in the assumptions file a.json (version v2)". Where services or
    /// councils use different values for a channel, each is given with the key that set it.
    /// </summary>
    public static string UnitCosts(SavingsResult r,
        IEnumerable<(IReadOnlyDictionary<string, decimal> Costs, IReadOnlyDictionary<string, string> Keys)> used,
        ReportText? text = null)
    {
        var T = text ?? ReportText.En;
        var entries = used
            .SelectMany(u => u.Costs.Select(kv => (Channel: kv.Key, Value: kv.Value, Key: u.Keys.GetValueOrDefault(kv.Key))))
            .Distinct()
            .OrderBy(e => Channels.Order(e.Channel)).ThenBy(e => e.Channel, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        var defaults = entries.Where(e => e.Key is null).Select(e => $"{T.ChannelLower(e.Channel)} {Fmt.Money(e.Value)}").ToList();
        var set = entries.Where(e => e.Key is not null).ToList();
        var parts = new List<string>();
        if (defaults.Count > 0)
            parts.Add(T.F(defaults.Count == 1 ? "sources.unit.default.one" : "sources.unit.default.many", ("costs", T.Join(defaults)),
                ("source", T["sources.unit.default_source"])));
        if (set.Count > 0)
            parts.Add(T.F("sources.unit.set_in",
                ("costs", T.Join(set.Select(e => T.F("sources.unit.set", ("cost", $"{T.ChannelLower(e.Channel)} {Fmt.Money(e.Value)}"),
                ("key", e.Key))).ToList())), ("file", File(r.Lineage, T))));
        return string.Join("; ", parts);
    }

    /// <summary>
    /// Where every other category of assumption came from (issue 13), one sentence each: officer hourly costs,
    /// the adjustments (deadweight, attribution, optimism bias), optimism bias on costs, the discount rate and what
    /// counts as cashable. A figure the file sets is credited to the file (named with its version), even where it equals
    /// the built-in default; one it does not set, to the default and its source. Where services use different values,
    /// the sentence says so and the workbook's Assumptions sheet gives each.
    /// </summary>
    public static IReadOnlyList<string> Others(SavingsResult r, IReadOnlyList<ServiceAssumptions> services, ReportText? text = null)
    {
        var T = text ?? ReportText.En;
        var a = r.Assumptions;
        var file = File(r.Lineage, T);
        var own = services.Count > 0 ? services : [];
        string Varies(bool varies) => varies ? " " + T["sources.varies"] : "";
        var sentences = new List<string>();

        // Officer hourly cost: there is no built-in figure; the file gives it.
        var rates = new List<string>();
        if (a.HasHourlyCostDefault) rates.Add(T.F("sources.officer.default_rate", ("money", Fmt.Money(a.HourlyCostDefault))));
        rates.AddRange(a.HourlyCostByGrade.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => T.F("sources.officer.grade_rate", ("money", Fmt.Money(g.Value)), ("grade", g.Key))));
        sentences.Add(rates.Count == 0
            ? T["sources.officer.none"]
            : T.F("sources.officer", ("rates", T.Join(rates)), ("file", file)) +
              Varies(own.Any(s => s.HourlyCostDefault != a.HourlyCostDefault || !SameRates(s.HourlyCostByGrade, a.HourlyCostByGrade))));

        // The adjustments: set by the file where it gives them (even at the default's value), else the default (none: METHOD.md).
        var adj = a.Adjustments;
        var defaults = new List<string>();
        var set = new List<string>();
        void Adjustment(string key, decimal value)
        {
            var label = T["sources.adjustment." + key];
            if (a.SetBy.TryGetValue("adjustments." + key, out var by)) set.Add($"{label} {Number(value)} ({by})");
            else defaults.Add($"{label} {Number(value)}");
        }
        Adjustment("deadweight", adj.Deadweight);
        Adjustment("attribution", adj.Attribution);
        Adjustment("optimism_bias", adj.OptimismBias);
        var parts = new List<string>();
        if (set.Count > 0)
            parts.Add(T.F(set.Count == 1 ? "sources.adjustments.set.one" : "sources.adjustments.set.many", ("items", T.Join(set)), ("file", file)));
        if (defaults.Count > 0)
            parts.Add(T.F(defaults.Count == 1 ? "sources.adjustments.default.one" : "sources.adjustments.default.many", ("items", T.Join(defaults))));
        var estimated = own.Any(s => s.DeadweightEstimated);
        sentences.Add(T.F("sources.adjustments", ("parts", string.Join("; ", parts))) +
            (estimated ? " " + T["sources.adjustments.estimated"] : "") +
            Varies(own.Any(s => s.Adjustments != adj && !s.DeadweightEstimated)));

        if (r.Appraisal is { } appraisal)
            sentences.Add(appraisal.OptimismBiasCosts == 0m && !a.SetBy.ContainsKey(Core.Assumptions.InputKeys.OptimismBiasCosts)
                ? T["sources.optimism_costs.none"]
                : T.F("sources.optimism_costs", ("percent", Fmt.Percent(appraisal.OptimismBiasCosts)),
                    ("key", a.SetBy.GetValueOrDefault(Core.Assumptions.InputKeys.OptimismBiasCosts, Core.Assumptions.InputKeys.OptimismBiasCosts)),
                    ("file", file)));

        if (PriceYears(a, own, T) is { } prices) sentences.Add(prices);

        sentences.Add(!a.SetBy.ContainsKey("discount_rate")
            ? T.F("sources.discount.default", ("rate", Fmt.Percent(a.DiscountRate)))
            : T.F("sources.discount.set", ("rate", Fmt.Percent(a.DiscountRate)), ("key", a.SetBy["discount_rate"]), ("file", file)));

        var cashDefault = Core.Assumptions.AssumptionDefaults.Cashable;
        var cashSet = a.Cashable.Where(kv => cashDefault.ContainsKey(kv.Key) && a.SetBy.ContainsKey("cashable." + kv.Key.Key()))
            .Select(kv => T.F(kv.Value ? "sources.cashable.counts" : "sources.cashable.does_not_count", ("line", T.Line(kv.Key).ToLowerInvariant()),
                ("key", kv.Key.Key()))).ToList();
        sentences.Add((cashSet.Count == 0
            ? T["sources.cashable.default"]
            : T.F("sources.cashable.set", ("items", T.Join(cashSet)), ("file", file))) +
            Varies(own.Any(s => cashDefault.Keys.Any(l => s.Cashable.GetValueOrDefault(l) != a.Cashable.GetValueOrDefault(l)))));
        return sentences;
    }

    /// <summary>
    /// Which costs are given in the prices of a price year and how they are uprated (METHOD.md v2, Real prices): "The web
    /// and phone unit costs are in 2010-11 prices (the defaults' year) ... uprated to each month's prices with the GDP
    /// deflators (release)"; null when no cost has a price year.
    /// </summary>
    private static string? PriceYears(ResolvedAssumptions a, IReadOnlyList<ServiceAssumptions> services, ReportText T)
    {
        const string unitPrefix = Core.Assumptions.InputKeys.UnitCostPrefix;
        var all = services.Count > 0
            ? services.Select(s => (s.PriceYears, s.Deflators, s.UnitCostKeys)).ToList()
            : [(a.PriceYears, a.Deflators, a.UnitCostKeys)];
        var entries = all.SelectMany(x => x.PriceYears.Select(kv => (Key: kv.Key, Year: kv.Value,
                Default: kv.Key.StartsWith(unitPrefix, StringComparison.Ordinal) && !x.UnitCostKeys.ContainsKey(kv.Key[unitPrefix.Length..]))))
            .Distinct().OrderBy(e => e.Year).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
        if (entries.Count == 0) return null;
        string Cost(string key) =>
            key.StartsWith(unitPrefix, StringComparison.Ordinal)
                ? T.F("sources.prices.unit", ("channel", T.ChannelLower(key[unitPrefix.Length..])), ("key", key))
                : key == Core.Assumptions.InputKeys.HourlyDefault ? T.F("sources.prices.hourly_default", ("key", key))
                : T.F("sources.prices.hourly_grade", ("grade", key[Core.Assumptions.InputKeys.HourlyGradePrefix.Length..]), ("key", key));
        string Group(IGrouping<Core.Assumptions.FinancialYear, (string Key, Core.Assumptions.FinancialYear Year, bool Default)> g)
        {
            var defaults = g.Where(e => e.Default).Select(e => T.ChannelLower(e.Key[unitPrefix.Length..])).Distinct().ToList();
            var parts = new List<string>();
            if (defaults.Count > 0)
                parts.Add(T.F(defaults.Count == 1 ? "sources.prices.defaults.one" : "sources.prices.defaults.many", ("channels", T.Join(defaults))));
            parts.AddRange(g.Where(e => !e.Default).Select(e => Cost(e.Key)).Distinct());
            return T.F("sources.prices.group", ("costs", T.Join(parts)), ("year", g.Key.ToString()));
        }
        var groups = T.Join(entries.GroupBy(e => e.Year).Select(Group).ToList());
        var deflators = all.Select(x => x.Deflators).FirstOrDefault(d => d is not null);
        return deflators is null
            ? T.F("sources.prices.not_uprated", ("groups", groups))
            : T.F("sources.prices.uprated", ("groups", groups), ("release", deflators.Release));
    }

    private static bool SameRates(IReadOnlyDictionary<string, decimal> x, IReadOnlyDictionary<string, decimal> y) =>
        x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Number(decimal value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
