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

/// <summary>Every benefit line for one service of one council, month by month over P (METHOD.md, Benefit lines).</summary>
internal static class ServiceCalculation
{
    public static ServiceOutcome Compute(string council, string service, ServiceAssumptions a, ReportRequest request, ServiceData data)
    {
        var (bFrom, bTo) = (a.BaselineFrom, a.BaselineTo);
        var baselineMonths = Month.Count(bFrom, bTo);
        bool InB(Month m) => m >= bFrom && m <= bTo;
        bool InP(Month m) => m >= request.From && m <= request.To;
        bool Enabled(BenefitLine line) => a.Lines.Contains(line);
        decimal U(string channel) => UnitCosts.Of(a, channel, council, service);
        var notes = new List<string>();

        // Volumes by (month, channel), so that duplicate rollup rows cannot double a cell's starts.
        var cells = new SortedDictionary<(int Month, string Channel), (long Completed, long Started, long Failed)>();
        foreach (var v in data.Volumes)
        {
            var key = (v.Month.Index, v.Channel);
            var c = cells.GetValueOrDefault(key);
            cells[key] = (c.Completed + v.Completed, c.Started + v.Started, c.Failed + v.Failed);
        }

        var baselineVolumes = new Dictionary<string, long>(StringComparer.Ordinal);
        var periodChannels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ((index, channel), c) in cells)
        {
            var month = Month.FromIndex(index);
            if (c.Completed == 0) continue;
            if (InB(month)) baselineVolumes[channel] = baselineVolumes.GetValueOrDefault(channel) + c.Completed;
            if (InP(month)) periodChannels.Add(channel);
        }
        // A unit cost is needed for every channel with completed transactions in B or P, whatever the lines.
        foreach (var channel in ChannelShift.InOrder(baselineVolumes.Keys.Concat(periodChannels))) U(channel);

        var mix = ChannelShift.Mix(baselineVolumes, U);
        var baselineCases = OfficerTime.BaselineOf(data.ClosedCases.Where(c => InB(c.Month)));
        var baselineSpend = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var category in CostCategories.Baseline)
            baselineSpend[category] = PrintAndPostage.BaselineSpend(data.CostLines, category, bFrom, bTo);

        // An error when the baseline holds nothing at all, unless no enabled line measures against it.
        var measuresAgainstBaseline = new[] { BenefitLine.ChannelShift, BenefitLine.OfficerTime, BenefitLine.Print, BenefitLine.Postage }.Any(Enabled);
        if (measuresAgainstBaseline && mix.Volume == 0 && baselineCases.Cases == 0 && baselineSpend.Values.All(s => s == 0m))
            throw new MethodException(
                $"Council {council}, service '{service}': the baseline period {bFrom}..{bTo} has no completed transactions, " +
                "no closed cases and no print or postage spend, so there is nothing to measure savings against. " +
                $"Load data for those months, or set services.{service}.baseline in the assumptions to months that have data.",
                $"services.{service}.baseline");
        if (mix.Volume == 0 && Enabled(BenefitLine.ChannelShift))
            notes.Add($"{service}: the baseline {bFrom}..{bTo} has no completed transactions, so channel shift is zero for this service.");
        if (baselineCases.Cases == 0 && Enabled(BenefitLine.OfficerTime))
            notes.Add($"{service}: the baseline {bFrom}..{bTo} has no closed cases, so officer time is zero for this service.");

        // Officer time, grade by grade; rates are looked up only for grades that appear.
        var periodCases = data.ClosedCases.Where(c => InP(c.Month)).ToList();
        var officerRows = Enabled(BenefitLine.OfficerTime) && baselineCases.Cases > 0
            ? OfficerTime.Rows(baselineCases, periodCases, g => OfficerTime.HourlyCost(a, g, council, service))
            : [];
        decimal[]? samples = null;
        if (officerRows.Count > 0)
        {
            var baselineBins = data.ClosedCases.Where(c => InB(c.Month))
                .GroupBy(c => c.OfficerMinutes).OrderBy(g => g.Key)
                .Select(g => new Bootstrap.BaselineBin(g.Key, g.Sum(c => c.Count))).ToList();
            var periodBins = periodCases
                .GroupBy(c => (c.OfficerMinutes, Rate: OfficerTime.HourlyCost(a, c.Grade, council, service)))
                .OrderBy(g => g.Key.OfficerMinutes).ThenBy(g => g.Key.Rate)
                .Select(g => new Bootstrap.PeriodBin(g.Key.OfficerMinutes, g.Key.Rate, g.Sum(c => c.Count))).ToList();
            samples = Bootstrap.Resample(Bootstrap.SeedFor(council, service), baselineBins, periodBins);
        }

        var contactRows = Enabled(BenefitLine.AvoidableContact)
            ? AvoidableContact.Rows(AvoidableContact.Match(data.Contacts, [.. a.DigitalChannels]), request.From, request.To, U)
            : [];

        var channelsShown = ChannelShift.InOrder(periodChannels).ToList();
        var spendCategories = CostCategories.All
            .Where(cat => data.CostLines.Any(l => l.Category == cat && CostSpreading.Overlaps(l, request.From, request.To))).ToList();

        var cellsByMonth = cells.GroupBy(c => c.Key.Month)
            .ToDictionary(g => g.Key, g => g.Select(c => (c.Key.Channel, c.Value)).ToList());
        var months = MonthFigures.For(request.From, request.To);
        var serviceMonths = new List<ServiceMonth>(months.Length);
        foreach (var figures in months)
        {
            var m = figures.Month;
            var byChannel = new OrderedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var channel in channelsShown) byChannel.Add(channel, 0);
            foreach (var (channel, c) in cellsByMonth.GetValueOrDefault(m.Index, []))
            {
                if (c.Completed != 0) byChannel[channel] = c.Completed;
                figures.Started += c.Started;
                figures.Failed += c.Failed;
                figures.Transactions += c.Completed;
                if (a.DigitalChannels.Contains(channel)) figures.DigitalTransactions += c.Completed;
                if (c.Completed != 0) figures.ChannelCost += c.Completed * U(channel);
                if (c.Started > 0 && Measures.CompletionChannels.Contains(channel))
                {
                    figures.CompletedWhereStarted += c.Completed;
                    figures.StartedRecorded += c.Started;
                }
            }
            foreach (var (channel, count) in byChannel) figures.ByChannel[channel] = count;

            foreach (var c in periodCases.Where(c => c.Month == m))
            {
                figures.ClosedCases += c.Count;
                figures.OfficerMinutes += c.Count * c.OfficerMinutes;
            }
            foreach (var o in data.OpenCases.Where(o => o.Month == m)) figures.OpenCases += o.Count;

            var spend = new OrderedDictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var category in spendCategories)
                spend.Add(category, PrintAndPostage.MonthSpend(data.CostLines, category, m));

            var gross = new OrderedDictionary<BenefitLine, decimal>();
            foreach (var line in BenefitLines.All) gross.Add(line, 0m);
            if (Enabled(BenefitLine.ChannelShift)) gross[BenefitLine.ChannelShift] = ChannelShift.Benefit(byChannel, mix, U);
            foreach (var row in officerRows.Where(r => r.Month == m))
            {
                gross[BenefitLine.OfficerTime] += row.Gross;
                figures.OfficerHours += row.HoursReleased;
            }
            foreach (var category in CostCategories.Baseline)
            {
                var line = PrintAndPostage.LineFor(category);
                if (Enabled(line))
                    gross[line] = PrintAndPostage.Benefit(baselineSpend[category], baselineMonths, PrintAndPostage.MonthSpend(data.CostLines, category, m));
            }
            foreach (var row in contactRows.Where(r => r.Month == m)) gross[BenefitLine.AvoidableContact] += row.Gross;

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
            BaselineVolumes = Ordered(baselineVolumes),
            BaselineMixUnitCost = mix.UnitCost,
            BaselineMeanMinutes = baselineCases.MeanMinutes,
            BaselineClosedCases = baselineCases.Cases,
            BaselineSpend = baselineSpend,
            Months = serviceMonths,
            OfficerTime = officerRows,
            AvoidableContact = contactRows,
            OfficerTimeCi95 = Bootstrap.Interval(samples),
            Notes = notes,
        };
        return new ServiceOutcome(working, months, samples);
    }

    private static OrderedDictionary<string, long> Ordered(Dictionary<string, long> volumes)
    {
        var result = new OrderedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var channel in ChannelShift.InOrder(volumes.Keys)) result.Add(channel, volumes[channel]);
        return result;
    }
}
