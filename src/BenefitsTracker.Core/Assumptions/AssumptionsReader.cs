using System.Text.Json;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using static BenefitsTracker.Core.Assumptions.StrictJson;

namespace BenefitsTracker.Core.Assumptions;

/// <summary>Validates an assumptions document (docs/assumptions.md) and reads it into layers.</summary>
internal static class AssumptionsReader
{
    /// <summary>Keys that may appear at the top level and, as overrides, under a council.</summary>
    private static readonly string[] OverridableKeys =
        ["unit_costs_gbp", "digital_channels", "officer_hourly_cost_gbp", "discount_rate", "adjustments", "cashable", "suppression_threshold"];

    private static readonly string[] TopLevelKeys = ["version", .. OverridableKeys, "services", "councils", "consortia",
        .. AppraisalSettingsReader.Keys];

    /// <summary>
    /// A council may override everything but the suppression threshold: suppression applies to outputs
    /// shared beyond one council (the consortium's), which take the top-level threshold, so a council's
    /// own value could not be honoured and is refused rather than ignored.
    /// </summary>
    private static readonly string[] CouncilKeys = [.. OverridableKeys.Where(k => k != "suppression_threshold"), "services"];

    /// <summary>
    /// A service may override everything except the discount rate and suppression threshold, which
    /// apply to a whole report (the NPV of a council, the counts it shares), so a per-service value
    /// could not be honoured and is refused rather than ignored.
    /// </summary>
    internal static readonly string[] ServiceKeys =
        ["go_live", "baseline", "lines", "unit_costs_gbp", "digital_channels", "officer_hourly_cost_gbp", "adjustments", "cashable",
            "targets", "owner", "name"];

    internal static readonly string[] ReportWideKeys = ["discount_rate", "suppression_threshold"];
    /// <summary><c>"deadweight": "estimated"</c>: use the counterfactual estimate where one exists (docs/assumptions.md).</summary>
    public const string EstimatedDeadweight = "estimated";

    private static readonly string[] AdjustmentKeys = ["deadweight", "attribution", "optimism_bias", "optimism_bias_costs"];
    private static readonly string[] CashableKeys = ["channel_shift", "officer_time", "print", "postage"];
    private static readonly string[] OfficerKeys = ["default", "grades"];
    private static readonly string[] BaselineKeys = ["from", "to"];
    private static readonly string[] ConsortiumKeys = ["apportionment", "population_source"];
    private static readonly string[] ApportionmentRules = ["equal", "population", "usage"];

    public static AssumptionDocument Read(JsonElement root)
    {
        var top = Object(root, "", TopLevelKeys);

        if (!top.TryGetValue("version", out var versionElement))
            throw new AssumptionsException("version",
                "is required: name this set of assumptions (e.g. \"2025-26-v1\") so that reports can say which was used");
        var version = NonEmptyString(versionElement, "version");

        var topLayer = ReadLayer(top, "");

        var services = new Dictionary<string, ServiceEntry>(StringComparer.Ordinal);
        if (top.TryGetValue("services", out var servicesElement))
            foreach (var (slug, value) in Object(servicesElement, "services", null))
                services[slug] = ReadService(slug, value);

        var councils = new Dictionary<string, AssumptionLayer>(StringComparer.Ordinal);
        var councilServices = new Dictionary<(string Council, string Service), CouncilServiceEntry>();
        if (top.TryGetValue("councils", out var councilsElement))
            foreach (var (code, value) in Object(councilsElement, "councils", null))
            {
                var path = Join("councils", code);
                if (!CouncilCode.IsValid(code))
                    throw new AssumptionsException(path,
                        $"'{code}' is not an ONS GSS council code (a letter E, W, S or N and eight digits, e.g. W06000003)");
                var entry = Object(value, path, CouncilKeys);
                councils[code] = ReadLayer(entry, path);
                if (entry.TryGetValue("services", out var own))
                    foreach (var (slug, serviceValue) in Object(own, Join(path, "services"), null))
                        councilServices[(code, slug)] = CouncilServiceReader.Read(code, slug, serviceValue, services);
            }

        var consortia = new Dictionary<string, string>(StringComparer.Ordinal);
        var populationSources = new Dictionary<string, string>(StringComparer.Ordinal);
        if (top.TryGetValue("consortia", out var consortiaElement))
            foreach (var (id, value) in Object(consortiaElement, "consortia", null))
            {
                var path = Join("consortia", id);
                var entry = Object(value, path, ConsortiumKeys);
                var rule = AssumptionDefaults.Apportionment;
                if (entry.TryGetValue("apportionment", out var ruleElement))
                {
                    rule = String(ruleElement, Join(path, "apportionment"));
                    if (!ApportionmentRules.Contains(rule, StringComparer.Ordinal))
                        throw new AssumptionsException(Join(path, "apportionment"),
                            $"'{rule}' is not an apportionment rule; use equal, population or usage");
                }
                consortia[id] = rule;
                if (entry.TryGetValue("population_source", out var sourceElement))
                    populationSources[id] = NonEmptyString(sourceElement, Join(path, "population_source"));
            }

        RefuseLookAlikeGrades(topLayer, "", councils.Select(c => (c.Value, Join("councils", c.Key)))
            .Concat(services.Select(s => (s.Value.Overrides, Join("services", s.Key))))
            .Concat(councilServices.Select(cs => (cs.Value.Overrides, Join(Join(Join("councils", cs.Key.Council), "services"), cs.Key.Service)))));
        return new AssumptionDocument(version, topLayer, councils, services, consortia, AppraisalSettingsReader.Read(top))
        {
            CouncilServices = councilServices,
            ConsortiumPopulationSource = populationSources,
        };
    }

    /// <summary>Costs belong to the council, not to one service's benefit lines, so a service's own cost uplift could not be honoured.</summary>
    internal static void RefuseServiceCostBias(Dictionary<string, JsonElement> entry, string path)
    {
        if (entry.TryGetValue("adjustments", out var adjustments) && adjustments.ValueKind == JsonValueKind.Object
            && adjustments.TryGetProperty("optimism_bias_costs", out _))
            throw new AssumptionsException(Join(path, "adjustments.optimism_bias_costs"),
                "optimism bias on costs applies to a council's costs, not to one service; set it at the top level or under councils.{GSS}");
    }

    /// <summary>
    /// Grades that differ only in case or punctuation (PO1 and po1, S-1 and S_1) are refused wherever they appear
    /// in the file: outputs name each grade's rate by its letters and digits (the workbook's hourly_cost_po1), so two
    /// such grades would be one name for two rates, and the reader would not know which applies.
    /// </summary>
    private static void RefuseLookAlikeGrades(AssumptionLayer top, string topPath, IEnumerable<(AssumptionLayer Layer, string Path)> others)
    {
        var seen = new Dictionary<string, (string Grade, string Path)>(StringComparer.Ordinal);
        foreach (var (layer, path) in others.Prepend((top, topPath)))
        {
            if (layer.HourlyCostByGrade is not { } grades) continue;
            var gp = Join(Join(path, "officer_hourly_cost_gbp"), "grades");
            foreach (var grade in grades.Keys)
            {
                var key = GradeKey(grade);
                if (seen.TryGetValue(key, out var first) && first.Grade != grade)
                    throw new AssumptionsException(Join(gp, grade),
                        $"grade '{grade}' differs from '{first.Grade}' (at {first.Path}) " +
                        $"only in case or punctuation; spell each grade one way throughout");
                seen.TryAdd(key, (grade, Join(gp, grade)));
            }
        }
    }

    /// <summary>A grade's letters and digits, lower-case; anything else counts as one separator.</summary>
    internal static string GradeKey(string grade)
    {
        var sb = new System.Text.StringBuilder(grade.Length);
        foreach (var c in grade) sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        return sb.ToString();
    }

    private static ServiceEntry ReadService(string slug, JsonElement value)
    {
        var path = Join("services", slug);
        if (slug.Length == 0) throw new AssumptionsException(path, "a service needs a name (its slug)");
        if (value.ValueKind == JsonValueKind.Object)
            foreach (var property in value.EnumerateObject())
                if (ReportWideKeys.Contains(property.Name, StringComparer.Ordinal))
                    throw new AssumptionsException(Join(path, property.Name),
                        $"{property.Name} applies to a whole report, not to one service; set it at the top level or under councils.{{GSS}}");
        var entry = Object(value, path, ServiceKeys);
        RefuseServiceCostBias(entry, path);

        if (!entry.TryGetValue("go_live", out var goLiveElement))
            throw new AssumptionsException(Join(path, "go_live"),
                $"service '{slug}' has no go_live month (YYYY-MM): the month its digital service went live");
        var goLive = GoLive(goLiveElement, Join(path, "go_live"));

        var (from, to) = Baseline(entry, path) ?? (goLive.AddMonths(-AssumptionDefaults.BaselineMonths), goLive.AddMonths(-1));
        var lines = Lines(entry, path) ?? BenefitLines.All;
        return new ServiceEntry(slug, goLive, from, to, lines, ReadLayer(entry, path));
    }

    /// <summary>The <c>baseline</c> of a service entry, if given: both months, from not after to.</summary>
    internal static (Month From, Month To)? Baseline(Dictionary<string, JsonElement> entry, string path)
    {
        if (!entry.TryGetValue("baseline", out var baselineElement)) return null;
        var baselinePath = Join(path, "baseline");
        var baseline = Object(baselineElement, baselinePath, BaselineKeys);
        foreach (var key in BaselineKeys)
            if (!baseline.ContainsKey(key))
                throw new AssumptionsException(Join(baselinePath, key), "is required when a baseline is given (both from and to, YYYY-MM)");
        var from = Month(baseline["from"], Join(baselinePath, "from"));
        var to = Month(baseline["to"], Join(baselinePath, "to"));
        if (from > to)
            throw new AssumptionsException(Join(baselinePath, "from"), $"the baseline starts ({from}) after it ends ({to})");
        return (from, to);
    }

    /// <summary>The <c>lines</c> of a service entry, if given, in METHOD.md order.</summary>
    internal static IReadOnlyList<BenefitLine>? Lines(Dictionary<string, JsonElement> entry, string path)
    {
        if (!entry.TryGetValue("lines", out var linesElement)) return null;
        var linesPath = Join(path, "lines");
        var list = new List<BenefitLine>();
        var items = Array(linesElement, linesPath);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{linesPath}[{i}]";
            var name = String(items[i], itemPath);
            if (!BenefitLines.TryParse(name, out var line))
                throw new AssumptionsException(itemPath,
                    $"'{name}' is not a benefit line; use {string.Join(", ", BenefitLines.All.Select(l => l.Key()))}");
            if (list.Contains(line)) throw new AssumptionsException(itemPath, $"'{name}' is listed twice");
            list.Add(line);
        }
        // Keep METHOD.md order whatever order the file lists them in.
        return [.. BenefitLines.All.Where(list.Contains)];
    }

    /// <summary>A go-live month: 1901-01 or later, as its default baseline is the 12 months before.</summary>
    internal static Month GoLive(JsonElement element, string path)
    {
        var goLive = Month(element, path);
        if (goLive.Year < 1901)
            throw new AssumptionsException(path,
                $"{goLive} is too early: go_live must be 1901-01 or later (its default baseline is the 12 months before)");
        return goLive;
    }

    /// <summary>Reads the overridable keys present in <paramref name="values"/> (already checked for unknown keys).</summary>
    internal static AssumptionLayer ReadLayer(Dictionary<string, JsonElement> values, string path)
    {
        var layer = AssumptionLayer.Empty;
        // Each money value this level sets, by input key, with its price year (null: the prices of the months it values).
        var priceYears = new Dictionary<string, FinancialYear?>(StringComparer.Ordinal);

        if (values.TryGetValue("unit_costs_gbp", out var unitCosts))
        {
            var p = Join(path, "unit_costs_gbp");
            var costs = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var (channel, value) in Object(unitCosts, p, null))
            {
                if (!Channels.IsKnown(channel))
                    throw new AssumptionsException(Join(p, channel), $"'{channel}' is not a channel; use {string.Join(", ", Channels.All)}");
                (costs[channel], var year) = PricedCost(value, Join(p, channel));
                priceYears[InputKeys.UnitCost(channel)] = year;
            }
            layer = layer with { UnitCosts = costs };
        }

        if (values.TryGetValue("digital_channels", out var digital))
        {
            var p = Join(path, "digital_channels");
            var list = new List<string>();
            var items = Array(digital, p);
            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = $"{p}[{i}]";
                var channel = String(items[i], itemPath);
                if (!Channels.IsKnown(channel))
                    throw new AssumptionsException(itemPath, $"'{channel}' is not a channel; use {string.Join(", ", Channels.All)}");
                if (list.Contains(channel)) throw new AssumptionsException(itemPath, $"'{channel}' is listed twice");
                list.Add(channel);
            }
            layer = layer with { DigitalChannels = list };
        }

        if (values.TryGetValue("officer_hourly_cost_gbp", out var officer))
        {
            var p = Join(path, "officer_hourly_cost_gbp");
            var entry = Object(officer, p, OfficerKeys);
            if (entry.TryGetValue("default", out var byDefault))
            {
                var (value, year) = PricedCost(byDefault, Join(p, "default"));
                layer = layer with { HourlyCostDefault = value };
                priceYears[InputKeys.HourlyDefault] = year;
            }
            if (entry.TryGetValue("grades", out var gradesElement))
            {
                var gp = Join(p, "grades");
                var grades = new Dictionary<string, decimal>(StringComparer.Ordinal);
                foreach (var (grade, value) in Object(gradesElement, gp, null))
                {
                    if (grade.Length == 0) throw new AssumptionsException(gp, "a grade needs a name");
                    (grades[grade], var year) = PricedCost(value, Join(gp, grade));
                    priceYears[InputKeys.HourlyGrade(grade)] = year;
                }
                layer = layer with { HourlyCostByGrade = grades };
            }
        }

        if (values.TryGetValue("discount_rate", out var discount))
            layer = layer with { DiscountRate = Rate(discount, Join(path, "discount_rate")) };

        if (values.TryGetValue("adjustments", out var adjustments))
        {
            var p = Join(path, "adjustments");
            var entry = Object(adjustments, p, AdjustmentKeys);
            if (entry.TryGetValue("deadweight", out var d))
                layer = d.ValueKind == JsonValueKind.String
                    ? d.GetString() == EstimatedDeadweight
                        ? layer with { DeadweightEstimated = true }
                        : throw new AssumptionsException(Join(p, "deadweight"),
                            $"\"{d.GetString()}\" is not a deadweight: give a fraction from 0 to 1 (0.1 for 10%) " +
                            $"or \"{EstimatedDeadweight}\" to use the counterfactual estimate")
                    : layer with { Deadweight = Rate(d, Join(p, "deadweight")), DeadweightEstimated = false };
            if (entry.TryGetValue("attribution", out var a)) layer = layer with { Attribution = Rate(a, Join(p, "attribution")) };
            if (entry.TryGetValue("optimism_bias", out var o)) layer = layer with { OptimismBias = Rate(o, Join(p, "optimism_bias")) };
            // Not capped at 1: the Green Book's upper bounds for costs reach 200% for some projects.
            if (entry.TryGetValue("optimism_bias_costs", out var oc))
                layer = layer with { OptimismBiasCosts = NonNegative(oc, Join(p, "optimism_bias_costs")) };
        }

        if (values.TryGetValue("cashable", out var cashable))
        {
            var p = Join(path, "cashable");
            if (cashable.ValueKind == JsonValueKind.Object && cashable.TryGetProperty("avoidable_contact", out _))
                throw new AssumptionsException(Join(p, "avoidable_contact"),
                    "avoidable contact always takes the cashability of channel_shift (METHOD.md); set cashable.channel_shift instead");
            var flags = new Dictionary<BenefitLine, bool>();
            foreach (var (key, value) in Object(cashable, p, CashableKeys))
            {
                // Object() has refused every key but CashableKeys, so this holds; a line added there but not to BenefitLines would stop here.
                if (!BenefitLines.TryParse(key, out var line)) throw new AssumptionsException(Join(p, key), "not a benefit line");
                flags[line] = Bool(value, Join(p, key));
            }
            layer = layer with { Cashable = flags };
        }

        if (values.TryGetValue("targets", out var targets))
        {
            var p = Join(path, "targets");
            var entry = Object(targets, p, [.. Kpis.All.Select(k => k.Key())]);
            decimal? Target(Kpi kpi, bool rate) => entry.TryGetValue(kpi.Key(), out var v)
                ? rate ? Rate(v, Join(p, kpi.Key())) : UnitCost(v, Join(p, kpi.Key()))
                : null;
            layer = layer with
            {
                Targets = new KpiTargets(Target(Kpi.CostPerTransaction, false), Target(Kpi.DigitalTakeUp, true),
                    Target(Kpi.CompletionRate, true), Target(Kpi.UserSatisfaction, true)),
            };
        }

        if (values.TryGetValue("owner", out var owner))
            layer = layer with { Owner = NonEmptyString(owner, Join(path, "owner")) };
        if (values.TryGetValue("name", out var name))
            layer = layer with { Name = NonEmptyString(name, Join(path, "name")) };

        if (values.TryGetValue("suppression_threshold", out var threshold))
            layer = layer with { SuppressionThreshold = PositiveInteger(threshold, Join(path, "suppression_threshold")) };

        return priceYears.Count == 0 ? layer : layer with { PriceYears = priceYears };
    }
}
