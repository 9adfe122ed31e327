using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// What a service's baseline period B holds (METHOD.md, Baseline): the channel mix, the closed
/// cases and the print and postage spend, each line measuring its period against one of them.
/// </summary>
internal sealed record ServiceBaseline(ChannelShift.BaselineMix Mix, OfficerTime.Baseline Cases, IReadOnlyDictionary<string, decimal> Spend)
{
    public static ServiceBaseline Of(
        string council, string service, ServiceAssumptions a, ServiceVolumes volumes, ServiceData data,
        Func<string, decimal> unitCost, ICollection<Phrase> notes)
    {
        var (from, to) = (a.BaselineFrom, a.BaselineTo);
        var mix = ChannelShift.Mix(volumes.Baseline, unitCost);
        var cases = OfficerTime.BaselineOf(data.ClosedCases.Where(c => c.Month >= from && c.Month <= to));
        var spend = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var category in CostCategories.Baseline)
            spend[category] = PrintAndPostage.BaselineSpend(data.CostLines, category, from, to);

        // An error when the baseline holds nothing at all, unless no enabled line measures against it.
        var measuresAgainstBaseline = new[] { BenefitLine.ChannelShift, BenefitLine.OfficerTime, BenefitLine.Print, BenefitLine.Postage }
            .Any(a.Lines.Contains);
        if (measuresAgainstBaseline && mix.Volume == 0 && cases.Cases == 0 && spend.Values.All(s => s == 0m))
            throw new MethodException(Phrase.Of("cannot.baseline_empty",
                $"Council {council}, service '{service}': the baseline period {from}..{to} has no completed transactions, " +
                "no closed cases and no print or postage spend, so there is nothing to measure savings against. " +
                $"Load data for those months, or set services.{service}.baseline in the assumptions to months that have data.",
                ("council", council), ("service", service), ("from", from), ("to", to)),
                $"services.{service}.baseline");
        if (mix.Volume == 0 && a.Lines.Contains(BenefitLine.ChannelShift))
            notes.Add(Phrase.Of("note.baseline_no_transactions",
                $"{service}: the baseline {from}..{to} has no completed transactions, so channel shift is zero for this service.",
                ("service", service), ("from", from), ("to", to)));
        if (cases.Cases == 0 && a.Lines.Contains(BenefitLine.OfficerTime))
            notes.Add(Phrase.Of("note.baseline_no_cases",
                $"{service}: the baseline {from}..{to} has no closed cases, so officer time is zero for this service.",
                ("service", service), ("from", from), ("to", to)));
        return new ServiceBaseline(mix, cases, spend);
    }
}
