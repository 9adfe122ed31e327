using BenefitsTracker.Core.Domain;
using BenefitsTracker.Reports.Formatting;
using static BenefitsTracker.Reports.Html.HtmlWriter;

namespace BenefitsTracker.Reports.Html;

/// <summary>Each benefit line: a summary table, then its method in plain English with the figures that went in.</summary>
internal static class LineSections
{
    public static void Write(HtmlWriter h, ReportFacts f)
    {
        var r = f.Result;
        var rows = r.Lines.Select(l => (IReadOnlyList<string>)[
            l.Line.Title(), l.Enabled ? "Yes" : "No", Fmt.Money(l.Gross), Fmt.Money(l.Adjusted), l.Cashable ? "Cashable" : "Non-cashable",
            l.Ci95 is { } ci ? $"{Fmt.Money(ci.Low)} to {Fmt.Money(ci.High)}" : "-"]).ToList();
        IReadOnlyList<string> total = ["Total", "", Fmt.Money(r.Totals.GrossBenefit), Fmt.Money(r.Totals.AdjustedBenefit), "", ""];
        h.Table("Benefit lines over the period", ["Benefit line", "Counted", "Gross", "Adjusted", "Treated as", "95% interval (gross)"], rows, i => i is 2 or 3, total);
        if (Fmt.MayNotSum(r.Lines.Select(l => l.Gross), r.Totals.GrossBenefit) || Fmt.MayNotSum(r.Lines.Select(l => l.Adjusted), r.Totals.AdjustedBenefit))
            h.P(E(Fmt.RoundingNote), "rounding");

        foreach (var line in r.Lines)
        {
            h.Line($"<h3>{E(line.Line.Title())}: {Fmt.Money(line.Adjusted)}</h3>");
            if (!line.Enabled)
            {
                h.P("Not counted in this report: the assumptions switch this line off, usually so that the same saving is not counted twice.");
                continue;
            }
            h.P(E(Method(line.Line)));
            h.P(E(Working(f, line.Line)));
            h.P(E($"Gross {Fmt.Money(line.Gross)}; after adjustments {Fmt.Money(line.Adjusted)}, counted as {(line.Cashable ? "cashable" : "non-cashable")}."));
        }
    }

    private static string Method(BenefitLine line) => line switch
    {
        BenefitLine.ChannelShift => "Method: each month's transactions are costed twice, at the baseline channel mix (what they would have cost had nobody moved online) and at the channels people actually used. The difference is the saving in front-office contact cost.",
        BenefitLine.OfficerTime => "Method: had each case closed in the period taken the baseline's mean officer minutes, officers would have spent more time; the minutes not spent, valued at the officer's hourly cost (salary plus on-costs), are the benefit.",
        BenefitLine.Print => "Method: a baseline month's print spend, less what was spent on print each month of the period.",
        BenefitLine.Postage => "Method: a baseline month's postage spend, less what was spent on postage each month of the period.",
        BenefitLine.AvoidableContact => "Method: when someone fails to complete a transaction online and then completes the same service offline within 7 days, the offline contact cost more than the online one would have; that difference counts against the savings.",
        _ => "",
    };

    private static string Working(ReportFacts f, BenefitLine line)
    {
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
                    var mix = string.Join(", ", w.BaselineVolumes.Select(kv => $"{Fmt.Channel(kv.Key).ToLowerInvariant()} {(total == 0 ? "0.0%" : Fmt.Percent((decimal)kv.Value / total))}"));
                    var costs = string.Join(", ", w.Assumptions.UnitCosts.Where(kv => w.BaselineVolumes.ContainsKey(kv.Key)).Select(kv => $"{Fmt.Channel(kv.Key).ToLowerInvariant()} {Fmt.Money(kv.Value)}"));
                    return $"In the baseline ({Fmt.MonthShort(w.Assumptions.BaselineFrom)} to {Fmt.MonthShort(w.Assumptions.BaselineTo)}) the mix was {mix}; at unit costs of {costs}, an average of £{w.BaselineMixUnitCost:0.0000} a transaction. The period had {f.CountText(f.Result.Totals.Transactions)} transactions.";
                }
                var where = f.SuppressBelow is null ? "the workbook's Baseline sheet shows each one" : "each council's own report shows its services' mixes";
                return $"Each of the {units.Count} services is measured against its own baseline mix ({where}). The period had {f.CountText(f.Result.Totals.Transactions)} transactions.";
            case BenefitLine.OfficerTime:
            {
                var baseCases = units.Sum(u => u.Working.BaselineMeanMinutes is null ? 0 : u.Working.BaselineClosedCases);
                var baseMinutes = units.Sum(u => (u.Working.BaselineMeanMinutes ?? 0m) * u.Working.BaselineClosedCases);
                var rows = units.SelectMany(u => u.Working.OfficerTime).ToList();
                var n = rows.Sum(x => x.ClosedCases);
                var t = rows.Sum(x => x.OfficerMinutes);
                var hours = rows.Sum(x => x.HoursReleased);
                var rates = rows.Select(x => x.HourlyCost).Distinct().Order().Select(Fmt.Money).ToList();
                if (baseCases == 0) return "No cases closed in the baseline, so there is nothing to compare with and this line is zero.";
                // Figures derived from a hidden count are withheld with it (a consortium's shared report).
                var baseline = f.IsSuppressed(baseCases)
                    ? $"Baseline cases: {f.CountText(baseCases)}, so their mean minutes are withheld. "
                    : $"Baseline cases took {Fmt.Number(baseMinutes / baseCases, 1)} minutes each on average ({f.CountText(baseCases)} cases). ";
                var period = f.IsSuppressed(n)
                    ? $"In the period {f.CountText(n)} cases closed (their minutes withheld): "
                    : $"In the period {f.CountText(n)} cases closed, taking {Fmt.Number(t, 0)} minutes in all: ";
                return baseline + period + $"{Fmt.Number(hours, 1)} officer hours released, " +
                    $"valued at {(rates.Count == 0 ? "the hourly cost" : string.Join(" or ", rates) + " an hour")}.";
            }
            case BenefitLine.Print:
            case BenefitLine.Postage:
            {
                var category = line == BenefitLine.Print ? CostCategories.Print : CostCategories.Postage;
                var baseline = units.Sum(u => u.Working.BaselineSpend.GetValueOrDefault(category));
                var perMonth = units.Sum(u => u.Working.BaselineSpend.GetValueOrDefault(category) / Month.Count(u.Assumptions.BaselineFrom, u.Assumptions.BaselineTo));
                var period = units.Sum(u => u.Working.Months.Sum(m => m.Spend.GetValueOrDefault(category)));
                return $"Baseline spend {Fmt.Money(baseline)}, {Fmt.Money(perMonth)} a month; {months} months at that rate would have cost {Fmt.Money(perMonth * months)}, and {Fmt.Money(period)} was spent.";
            }
            case BenefitLine.AvoidableContact:
            {
                var pairs = units.SelectMany(u => u.Working.AvoidableContact).ToList();
                if (pairs.Count == 0) return "No failed online attempt was followed by an offline transaction within 7 days (this needs user_ref on events).";
                var groups = pairs.GroupBy(p => (p.DigitalChannel, p.OfflineChannel))
                    .Select(g => (Key: $"{g.Key.DigitalChannel}>{g.Key.OfflineChannel}", g.Key.DigitalChannel, g.Key.OfflineChannel, Count: g.Sum(p => p.Count), g.First().UnitDifference))
                    .ToList();
                // The total is shown, so the pairs follow the engine's rule for a row: small ones hidden, then the smallest others until the hidden add up to the threshold.
                var hidden = f.Disclosure.Row(groups.Select(g => KeyValuePair.Create(g.Key, g.Count)));
                var kinds = string.Join("; ", groups.Select(g =>
                    $"{(hidden.TryGetValue(g.Key, out var shown) ? f.Disclosure.Symbol(shown) : Fmt.Count(g.Count))} from {Fmt.Channel(g.DigitalChannel).ToLowerInvariant()} to {Fmt.Channel(g.OfflineChannel).ToLowerInvariant()}" +
                    (f.SuppressBelow is null ? $" at {Fmt.Money(g.UnitDifference)} each" : "")));
                return $"{f.CountText(pairs.Sum(p => p.Count))} such contacts: {kinds}.";
            }
            default:
                return "";
        }
    }
}
