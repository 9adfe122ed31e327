using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using static BenefitsTracker.Reports.Html.HtmlWriter;

namespace BenefitsTracker.Reports.Html;

/// <summary>Each benefit line: a summary table, then its method in plain English with the figures that went in.</summary>
internal static class LineSections
{
    public static void Write(HtmlWriter h, ReportFacts f)
    {
        var r = f.Result;
        var T = f.T;
        var rows = r.Lines.Select(l => (IReadOnlyList<string>)[
            T.Line(l.Line), T.YesNo(l.Enabled), Fmt.Money(l.Gross), Fmt.Money(l.Adjusted), T[l.Cashable ? "lines.cashable" : "lines.non_cashable"],
            l.Ci95 is { } ci ? T.Range(Fmt.Money(ci.Low), Fmt.Money(ci.High)) : "-"]).ToList();
        IReadOnlyList<string> total = [T["col.total"], "", Fmt.Money(r.Totals.GrossBenefit), Fmt.Money(r.Totals.AdjustedBenefit), "", ""];
        h.Table(T["lines.caption"],
            [T["col.benefit_line"], T["col.counted"], T["col.gross"], T["col.adjusted"], T["col.treated_as"], T["col.interval_gross"]],
            rows, i => i is 2 or 3, total);
        if (Fmt.MayNotSum(r.Lines.Select(l => l.Gross), r.Totals.GrossBenefit)
            || Fmt.MayNotSum(r.Lines.Select(l => l.Adjusted), r.Totals.AdjustedBenefit))
            h.P(E(T["common.rounding_note"]), "rounding");

        ByService(h, f);

        foreach (var line in r.Lines)
        {
            h.Line($"<h3>{E(T.Line(line.Line))}: {Fmt.Money(line.Adjusted)}</h3>");
            if (!line.Enabled)
            {
                h.P(E(T["lines.not_counted"]));
                continue;
            }
            h.P(E(T["lines.method." + line.Line.Key()]));
            h.P(E(Working(f, line.Line)));
            h.P(E(T.F("lines.summary", ("gross", Fmt.Money(line.Gross)), ("adjusted", Fmt.Money(line.Adjusted)),
                ("treated", T[line.Cashable ? "lines.cashable_lower" : "lines.non_cashable_lower"]))));
        }
    }

    /// <summary>
    /// A council's services each on their own line (issue 13): take-up, each benefit line's adjusted figure and
    /// the total, then costs by category and service. Not in a consortium's shared report, where a member's
    /// service could be a small number (each member's own report has it).
    /// </summary>
    private static void ByService(HtmlWriter h, ReportFacts f)
    {
        var r = f.Result;
        var T = f.T;
        if (r.Scope.Kind == ScopeKind.Consortium || f.Units.Count == 0) return;
        var lines = BenefitLines.All;
        var na = T["common.na"];
        var rows = f.Units.Select(u =>
        {
            var months = u.Working.Months;
            var transactions = months.Sum(m => m.ByChannel.Values.Sum());
            var digital = months.Sum(m => m.ByChannel.Where(kv => u.Assumptions.DigitalChannels.Contains(kv.Key)).Sum(kv => kv.Value));
            var cells = new List<string> { u.Service, Fmt.Count(transactions),
                transactions == 0 ? na : Fmt.Percent((decimal)digital / transactions) };
            cells.AddRange(lines.Select(l => Fmt.Money(months.Sum(m => m.AdjustedByLine.GetValueOrDefault(l)))));
            cells.Add(Fmt.Money(months.Sum(m => m.AdjustedByLine.Values.Sum())));
            return (IReadOnlyList<string>)cells;
        }).ToList();
        var headers = new List<string> { T["col.service"], T["col.transactions"], T["col.take_up"] };
        headers.AddRange(lines.Select(T.Line));
        headers.Add(T["col.adjusted_benefit"]);
        var total = new List<string> { T["lines.all_services"], Fmt.Count(r.Totals.Transactions),
            r.Totals.DigitalTakeUp is { } tu ? Fmt.Percent(tu) : na };
        total.AddRange(r.Lines.Select(l => Fmt.Money(l.Adjusted)));
        total.Add(Fmt.Money(r.Totals.AdjustedBenefit));
        h.Line($"<h3>{E(T["lines.by_service.heading"])}</h3>");
        h.Table(T["lines.by_service.caption"], headers, rows, i => i > 0, total, cls: HtmlWriter.Compact);
        var byService = f.Units.Select(u => u.Working.Months.Sum(m => m.AdjustedByLine.Values.Sum())).ToList();
        if (Fmt.MayNotSum(byService, r.Totals.AdjustedBenefit)) h.P(E(T["common.rounding_note"]), "rounding");

        // Digital service costs by category and service, as recorded for the period (the Spend sheet's cost lines).
        var digitalCosts = r.Costs.Where(c => !CostCategories.IsBaseline(c.Line.Category)).ToList();
        if (digitalCosts.Count == 0) return;
        var categories = CostCategories.Digital.Where(c => digitalCosts.Any(x => x.Line.Category == c)).ToList();
        var owners = digitalCosts.Select(c => c.Line.Service).Distinct().OrderBy(s => s is null).ThenBy(s => s, StringComparer.Ordinal).ToList();
        var costRows = owners.Select(s =>
        {
            var cells = new List<string> { s ?? T["lines.shared"] };
            cells.AddRange(
                categories.Select(c => Fmt.Money(digitalCosts.Where(x => x.Line.Service == s && x.Line.Category == c).Sum(x => x.InPeriod))));
            cells.Add(Fmt.Money(digitalCosts.Where(x => x.Line.Service == s).Sum(x => x.InPeriod)));
            return (IReadOnlyList<string>)cells;
        }).ToList();
        var costTotal = new List<string> { T["lines.all"] };
        costTotal.AddRange(categories.Select(c => Fmt.Money(digitalCosts.Where(x => x.Line.Category == c).Sum(x => x.InPeriod))));
        costTotal.Add(Fmt.Money(digitalCosts.Sum(x => x.InPeriod)));
        h.Table(T["lines.costs.caption"] +
                (r.Appraisal is { OptimismBiasCosts: not 0m } a ? " " +
                    T.F("lines.costs.optimism", ("percent", Fmt.Percent(a.OptimismBiasCosts))) : ""),
            [T["col.service"], .. categories.Select(T.Category), T["col.total"]], costRows, i => i > 0, costTotal);
    }

    private static string Working(ReportFacts f, BenefitLine line)
    {
        var T = f.T;
        var units = f.Units.Where(u => u.Assumptions.Lines.Contains(line)).ToList();
        var months = f.Result.Request.MonthCount;
        switch (line)
        {
            case BenefitLine.ChannelShift:
                // One service of one council: its baseline mix. Not in a consortium's shared report, where a
                // member's baseline shares would show its own (possibly small) counts.
                if (units.Count == 1 && f.SuppressBelow is null)
                {
                    var w = units[0].Working;
                    var total = w.BaselineVolumes.Values.Sum();
                    var mix = string.Join(", ",
                        w.BaselineVolumes.Select(kv => $"{T.ChannelLower(kv.Key)} {(total == 0 ? "0.0%" : Fmt.Percent((decimal)kv.Value / total))}"));
                    var costs = string.Join(", ", w.Assumptions.UnitCosts.Where(kv => w.BaselineVolumes.ContainsKey(kv.Key))
                        .Select(kv => $"{T.ChannelLower(kv.Key)} {Fmt.Money(kv.Value)}"));
                    return T.F("lines.working.channel_shift.one", ("from", T.MonthShort(w.Assumptions.BaselineFrom)),
                        ("to", T.MonthShort(w.Assumptions.BaselineTo)),
                        ("mix", mix), ("costs", costs),
                        ("average", "£" + w.BaselineMixUnitCost.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)),
                        ("transactions", f.CountText(f.Result.Totals.Transactions)));
                }
                var where = T[f.SuppressBelow is null ? "lines.working.channel_shift.where.workbook" : "lines.working.channel_shift.where.own"];
                return T.F("lines.working.channel_shift.many", ("n", units.Count), ("where", where),
                    ("transactions", f.CountText(f.Result.Totals.Transactions)));
            case BenefitLine.OfficerTime:
            {
                var baseCases = units.Sum(u => u.Working.BaselineMeanMinutes is null ? 0 : u.Working.BaselineClosedCases);
                var baseMinutes = units.Sum(u => (u.Working.BaselineMeanMinutes ?? 0m) * u.Working.BaselineClosedCases);
                var rows = units.SelectMany(u => u.Working.OfficerTime).ToList();
                var n = rows.Sum(x => x.ClosedCases);
                var t = rows.Sum(x => x.OfficerMinutes);
                var hours = rows.Sum(x => x.HoursReleased);
                var rates = rows.Select(x => x.HourlyCost).Distinct().Order().Select(Fmt.Money).ToList();
                if (baseCases == 0) return T["lines.working.officer.no_baseline"];
                // Figures derived from a hidden count are withheld with it (a consortium's shared report).
                var baseline = f.IsSuppressed(baseCases)
                    ? T.F("lines.working.officer.baseline_withheld", ("cases", f.CountText(baseCases)))
                    : T.F("lines.working.officer.baseline", ("minutes", Fmt.Number(baseMinutes / baseCases, 1)), ("cases", f.CountText(baseCases)));
                var period = f.IsSuppressed(n)
                    ? T.F("lines.working.officer.period_withheld", ("cases", f.CountText(n)))
                    : T.F("lines.working.officer.period", ("cases", f.CountText(n)), ("minutes", Fmt.Number(t, 0)));
                var valued = rates.Count == 0 ? T["lines.working.officer.the_hourly_cost"]
                    : T.F("lines.working.officer.an_hour", ("rates", string.Join(" " + T["common.or"] + " ", rates)));
                return baseline + " " + period + " " + T.F("lines.working.officer.released", ("hours", Fmt.Number(hours, 1)), ("valued", valued));
            }
            case BenefitLine.Print:
            case BenefitLine.Postage:
            {
                var category = line == BenefitLine.Print ? CostCategories.Print : CostCategories.Postage;
                var baseline = units.Sum(u => u.Working.BaselineSpend.GetValueOrDefault(category));
                var perMonth = units.Sum(u =>
                    u.Working.BaselineSpend.GetValueOrDefault(category) / Month.Count(u.Assumptions.BaselineFrom, u.Assumptions.BaselineTo));
                var period = units.Sum(u => u.Working.Months.Sum(m => m.Spend.GetValueOrDefault(category)));
                return T.F("lines.working.spend", ("baseline", Fmt.Money(baseline)), ("per_month", Fmt.Money(perMonth)), ("months", months),
                    ("would", Fmt.Money(perMonth * months)), ("spent", Fmt.Money(period)));
            }
            case BenefitLine.AvoidableContact:
            {
                var pairs = units.SelectMany(u => u.Working.AvoidableContact).ToList();
                if (pairs.Count == 0) return T["lines.working.avoidable.none"];
                var groups = pairs.GroupBy(p => (p.DigitalChannel, p.OfflineChannel))
                    .Select(g => (Key: $"{g.Key.DigitalChannel}>{g.Key.OfflineChannel}", g.Key.DigitalChannel, g.Key.OfflineChannel,
                        Count: g.Sum(p => p.Count), g.First().UnitDifference))
                    .ToList();
                // The total is shown, so the pairs follow the engine's rule for a row: small ones hidden, then the smallest others until the hidden
                // add up to the threshold.
                var hidden = f.Disclosure.Row(groups.Select(g => KeyValuePair.Create(g.Key, g.Count)));
                var kinds = string.Join("; ", groups.Select(g =>
                    T.F("lines.working.avoidable.kind",
                        ("count", hidden.TryGetValue(g.Key, out var shown) ? f.Disclosure.Symbol(shown) : Fmt.Count(g.Count)),
                        ("from", T.ChannelLower(g.DigitalChannel)), ("to", T.ChannelLower(g.OfflineChannel))) +
                    (f.SuppressBelow is null ? " " + T.F("lines.working.avoidable.each", ("money", Fmt.Money(g.UnitDifference))) : "")));
                return T.F("lines.working.avoidable", ("count", f.CountText(pairs.Sum(p => p.Count))), ("kinds", kinds));
            }
            default:
                return "";
        }
    }
}
