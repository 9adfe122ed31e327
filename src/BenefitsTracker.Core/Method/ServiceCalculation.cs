using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>The rows of one council's data that belong to one service.</summary>
internal sealed record ServiceData(
    IReadOnlyList<ChannelVolume> Volumes,
    IReadOnlyList<ClosedCases> ClosedCases,
    IReadOnlyList<OpenCases> OpenCases,
    IReadOnlyList<CostLine> CostLines,
    IReadOnlyList<ContactEvent> Contacts);

/// <summary>A service's figures: its working for reports, its months for summing, its bootstrap resamples.</summary>
internal sealed record ServiceOutcome(ServiceWorking Working, MonthFigures[] Months, decimal[]? OfficerSamples);

/// <summary>
/// Every benefit line for one service of one council, month by month over P (METHOD.md, Benefit
/// lines): the baseline first, then each line's rows, then each month's measures and line values.
/// Each line's arithmetic lives in its own file (ChannelShift, OfficerTime, PrintAndPostage, AvoidableContact).
/// </summary>
internal static class ServiceCalculation
{
    public static ServiceOutcome Compute(string council, string service, ServiceAssumptions a, ReportRequest request, ServiceData data, DataCoverage coverage)
    {
        bool InB(Month m) => m >= a.BaselineFrom && m <= a.BaselineTo;
        bool InP(Month m) => m >= request.From && m <= request.To;
        bool Enabled(BenefitLine line) => a.Lines.Contains(line);
        decimal U(string channel) => UnitCosts.Of(a, channel, council, service);
        decimal Rate(string? grade) => OfficerTime.HourlyCost(a, grade, council, service);
        var notes = new List<string>();

        var volumes = ServiceVolumes.Of(data.Volumes, InB, InP);
        // A unit cost is needed for every channel with completed transactions in B or P, whatever the lines.
        foreach (var channel in ChannelShift.InOrder(volumes.Baseline.Keys.Concat(volumes.PeriodChannels))) U(channel);
        var baseline = ServiceBaseline.Of(council, service, a, volumes, data, U, notes);

        // Officer time, grade by grade; rates are looked up only for grades that appear.
        var periodCases = data.ClosedCases.Where(c => InP(c.Month)).ToList();
        var officerRows = Enabled(BenefitLine.OfficerTime) && baseline.Cases.Cases > 0
            ? OfficerTime.Rows(baseline.Cases, periodCases, Rate)
            : [];
        var samples = officerRows.Count > 0
            ? Bootstrap.ForOfficerTime(council, service, data.ClosedCases.Where(c => InB(c.Month)), periodCases, Rate)
            : null;
        var contactRows = Enabled(BenefitLine.AvoidableContact)
            ? AvoidableContact.Rows(AvoidableContact.Match(data.Contacts, [.. a.DigitalChannels]), request.From, request.To, U)
            : [];

        var channelsShown = ChannelShift.InOrder(volumes.PeriodChannels).ToList();
        var spendCategories = CostCategories.All
            .Where(cat => data.CostLines.Any(l => l.Category == cat && CostSpreading.Overlaps(l, request.From, request.To))).ToList();
        var baselineMonths = Month.Count(a.BaselineFrom, a.BaselineTo);

        var months = MonthFigures.For(request.From, request.To);
        var serviceMonths = new List<ServiceMonth>(months.Length);
        foreach (var figures in months)
        {
            var m = figures.Month;
            var byChannel = MonthMeasures.Record(figures, volumes.In(m), channelsShown, a.DigitalChannels, U);
            MonthMeasures.RecordCases(figures, periodCases.Where(c => c.Month == m), data.OpenCases.Where(o => o.Month == m));

            var spend = new OrderedDictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var category in spendCategories)
                spend.Add(category, PrintAndPostage.MonthSpend(data.CostLines, category, m));

            var gross = new OrderedDictionary<BenefitLine, decimal>();
            foreach (var line in BenefitLines.All) gross.Add(line, 0m);
            if (Enabled(BenefitLine.ChannelShift)) gross[BenefitLine.ChannelShift] = ChannelShift.Benefit(byChannel, baseline.Mix, U);
            foreach (var row in officerRows.Where(r => r.Month == m))
            {
                gross[BenefitLine.OfficerTime] += row.Gross;
                figures.OfficerHours += row.HoursReleased;
            }
            foreach (var category in CostCategories.Baseline)
            {
                var line = PrintAndPostage.LineFor(category);
                if (Enabled(line))
                    gross[line] = PrintAndPostage.Benefit(baseline.Spend[category], baselineMonths, PrintAndPostage.MonthSpend(data.CostLines, category, m));
            }
            foreach (var row in contactRows.Where(r => r.Month == m)) gross[BenefitLine.AvoidableContact] += row.Gross;
            // No data is not zero: a month outside the reach of a line's feed is unknown, so the line is not counted there.
            foreach (var line in BenefitLines.All)
                if (!coverage.Of(Coverage.FeedOf(line)).Covers(m)) gross[line] = 0m;

            var adjusted = Adjust(figures, gross, a);
            serviceMonths.Add(new ServiceMonth
            {
                Month = m,
                ByChannel = byChannel,
                Started = figures.Started,
                Failed = figures.Failed,
                Spend = spend,
                GrossByLine = gross,
                AdjustedByLine = adjusted,
            });
        }

        var working = new ServiceWorking
        {
            Service = service,
            Assumptions = a,
            BaselineVolumes = Ordered(volumes.Baseline),
            BaselineMixUnitCost = baseline.Mix.UnitCost,
            BaselineMeanMinutes = baseline.Cases.MeanMinutes,
            BaselineClosedCases = baseline.Cases.Cases,
            BaselineSpend = baseline.Spend,
            Months = serviceMonths,
            OfficerTime = officerRows,
            AvoidableContact = contactRows,
            OfficerTimeCi95 = Bootstrap.Interval(samples),
            Notes = notes,
        };
        return new ServiceOutcome(working, months, samples);
    }

    /// <summary>Each line's month adjusted (METHOD.md, Adjustments), recorded in the month's sums as cashable or not.</summary>
    private static OrderedDictionary<BenefitLine, decimal> Adjust(MonthFigures figures, OrderedDictionary<BenefitLine, decimal> gross, ServiceAssumptions a)
    {
        var adjusted = new OrderedDictionary<BenefitLine, decimal>();
        for (var i = 0; i < BenefitLines.All.Count; i++)
        {
            var line = BenefitLines.All[i];
            var value = Appraisal.Adjust(gross[line], a.Adjustments);
            adjusted.Add(line, value);
            figures.Gross[i] = gross[line];
            figures.Adjusted[i] = value;
            if (a.Cashable[line]) figures.Cashable += value; else figures.NonCashable += value;
        }
        return adjusted;
    }

    private static OrderedDictionary<string, long> Ordered(IReadOnlyDictionary<string, long> volumes)
    {
        var result = new OrderedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var channel in ChannelShift.InOrder(volumes.Keys)) result.Add(channel, volumes[channel]);
        return result;
    }
}
