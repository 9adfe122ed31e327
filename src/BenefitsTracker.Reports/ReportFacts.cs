using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Reports;

/// <summary>
/// Figures the HTML page and the charts both show that are read off the result rather than stored in it
/// (digital volumes per month, baseline minutes per case), and the small-number rule for shared outputs.
/// </summary>
internal sealed class ReportFacts
{
    public ReportFacts(SavingsResult result, ReportText? text = null)
    {
        Result = result;
        T = text ?? ReportText.En;
        Units = ReportUnits.Of(result);
        Disclosure = DisclosureView.Of(result);
        SuppressBelow = Disclosure.Controlled ? Disclosure.Threshold : null;
        ChannelsInPeriod = result.Months.SelectMany(m => m.ByChannel.Where(kv => kv.Value != 0).Select(kv => kv.Key)).Distinct()
            .OrderBy(Channels.Order).ThenBy(c => c, StringComparer.Ordinal).ToList();

        var digital = new long[result.Months.Count];
        var index = result.Months.Select((m, i) => (m.Month, i)).ToDictionary(x => x.Month, x => x.i);
        if (Units.Count > 0)
        {
            foreach (var u in Units)
                foreach (var sm in u.Working.Months)
                    if (index.TryGetValue(sm.Month, out var i))
                        digital[i] += sm.ByChannel.Where(kv => u.Assumptions.DigitalChannels.Contains(kv.Key)).Sum(kv => kv.Value);
        }
        else
        {
            for (var i = 0; i < result.Months.Count; i++)
                digital[i] = result.Months[i].ByChannel.Where(kv => result.Assumptions.DigitalChannels.Contains(kv.Key)).Sum(kv => kv.Value);
        }
        DigitalByMonth = digital;

        var cases = Units.Sum(u => u.Working.BaselineMeanMinutes is null ? 0 : u.Working.BaselineClosedCases);
        var minutes = Units.Sum(u => (u.Working.BaselineMeanMinutes ?? 0m) * u.Working.BaselineClosedCases);
        BaselineMinutesPerCase = cases > 0 ? minutes / cases : null;
        BaselineClosedCases = cases;
    }

    public SavingsResult Result { get; }
    /// <summary>The language the page and charts are written in (issue 15).</summary>
    public ReportText T { get; }
    public IReadOnlyList<ReportUnit> Units { get; }
    /// <summary>What may be shown (decided in Core): rendered here, never decided.</summary>
    public DisclosureView Disclosure { get; }
    /// <summary>For a consortium (shared beyond one council), counts below this are shown as "&lt;N".</summary>
    public int? SuppressBelow { get; }
    public IReadOnlyList<string> ChannelsInPeriod { get; }
    /// <summary>Digital transactions each month, counting each service's own digital channels.</summary>
    public IReadOnlyList<long> DigitalByMonth { get; }
    public decimal? BaselineMinutesPerCase { get; }
    public long BaselineClosedCases { get; }

    /// <summary>The view's rule for a lone count, for a consortium; nothing is hidden in a council's report.</summary>
    public bool IsSuppressed(long count) => Disclosure.Count(count) != Shown.Value;

    /// <summary>
    /// Whether month i's digital count (and so its take-up) is withheld: when it is small, when the month's
    /// total is, or when it would give a hidden channel away. With the shown channels known, the digital count
    /// less the shown digital channels is the sum of the hidden digital ones, and the total less the digital
    /// count and the shown other channels the sum of the hidden others: a lone hidden cell on either side
    /// would be found by subtraction.
    /// </summary>
    public bool DigitalWithheld(int i)
    {
        if (SuppressBelow is null) return false;
        if (IsSuppressed(DigitalByMonth[i]) || IsSuppressed(Result.Months[i].Transactions)) return true;
        var hidden = HiddenChannels(i).Keys;
        var digital = hidden.Count(Result.Assumptions.DigitalChannels.Contains);
        return digital == 1 || hidden.Count() - digital == 1;
    }

    /// <summary>
    /// Month i's digital count as shown: "&lt;10" when small, "[c]" when hidden to protect a channel, where <see cref="DigitalWithheld"/>.
    /// </summary>
    public string DigitalText(int i) => !DigitalWithheld(i) ? Fmt.Count(DigitalByMonth[i])
        : IsSuppressed(DigitalByMonth[i]) ? Disclosure.SmallSymbol : Confidential;

    /// <summary>The channels of month i that are hidden, each "&lt;N" or "[c]" (the view's rule).</summary>
    public IReadOnlyDictionary<string, Shown> HiddenChannels(int i) => Disclosure.Channels(i);

    /// <summary>Month i's count of <paramref name="channel"/> as shown.</summary>
    public string ChannelText(int i, string channel) => HiddenChannels(i).TryGetValue(channel, out var s)
        ? Disclosure.Symbol(s) : CountText(Result.Months[i].ByChannel.GetValueOrDefault(channel));

    /// <summary>"[c]": a figure withheld to protect a small one, or worked out from one.</summary>
    public static string Confidential => DisclosureView.ConfidentialSymbol;

    /// <summary>A count as shown: "&lt;10" when suppressed.</summary>
    public string CountText(long count) => IsSuppressed(count) ? Disclosure.SmallSymbol : Fmt.Count(count);

    /// <summary>Digital take-up in month i, null when there are no transactions or the count is suppressed.</summary>
    public decimal? TakeUp(int i)
    {
        var m = Result.Months[i];
        if (m.Transactions == 0 || DigitalWithheld(i)) return null;
        return (decimal)DigitalByMonth[i] / m.Transactions;
    }

    public decimal? MinutesPerCase(int i)
    {
        var m = Result.Months[i];
        return m.ClosedCases == 0 || IsSuppressed(m.ClosedCases) ? null : m.OfficerMinutes / m.ClosedCases;
    }

    /// <summary>Month i's officer minutes as shown: withheld with its closed cases when they are hidden.</summary>
    public string OfficerMinutesText(int i)
    {
        var m = Result.Months[i];
        return IsSuppressed(m.ClosedCases) ? Confidential : Fmt.Number(m.OfficerMinutes, 0);
    }

    /// <summary>The baseline's mean minutes per case, null when none or when its case count is hidden.</summary>
    public decimal? BaselineMinutesShown => IsSuppressed(BaselineClosedCases) ? null : BaselineMinutesPerCase;
}
