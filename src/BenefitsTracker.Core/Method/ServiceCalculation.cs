using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// Every benefit line for one service of one council, month by month over P (METHOD.md, Benefit
/// lines): the baseline first, then each month's measures, then each line month by month, then each
/// month's lines counted where their feed reaches and adjusted. Each line's month loop lives in its own
/// file beside its METHOD.md section (ChannelShift, OfficerTime, PrintAndPostage, AvoidableContact).
/// </summary>
internal static class ServiceCalculation
{
    public static ServiceOutcome Compute(string council, string service, ServiceAssumptions a, ReportRequest request, ServiceData data,
        DataCoverage coverage)
    {
        var (from, to) = (request.From, request.To);
        bool InB(Month m) => m >= a.BaselineFrom && m <= a.BaselineTo;
        bool InP(Month m) => m >= from && m <= to;
        bool Enabled(BenefitLine line) => a.Lines.Contains(line);
        // Unit and hourly costs in the prices of the month they value (uprated where a cost has a price year).
        decimal U(string channel) => UnitCosts.Of(a, channel, council, service);
        decimal UIn(string channel, Month m) => UnitCosts.Of(a, channel, council, service, m);
        decimal Rate(string? grade, Month m) => OfficerTime.HourlyCost(a, grade, council, service, m);
        var notes = new List<Phrase>();

        var volumes = ServiceVolumes.Of(data.Volumes, InB, InP);
        // A unit cost is needed for every channel with completed transactions in B or P, whatever the lines.
        foreach (var channel in ChannelShift.InOrder(volumes.Baseline.Keys.Concat(volumes.PeriodChannels))) U(channel);
        var baseline = ServiceBaseline.Of(council, service, a, volumes, data, U, notes);

        // The rows officer time and avoidable contact are summed from; rates are looked up only for grades that appear.
        var periodCases = data.ClosedCases.Where(c => InP(c.Month)).ToList();
        var officerRows = Enabled(BenefitLine.OfficerTime) && baseline.Cases.Cases > 0
            ? OfficerTime.Rows(baseline.Cases, periodCases, Rate)
            : [];
        var samples = officerRows.Count > 0
            ? Bootstrap.ForOfficerTime(council, service, data.ClosedCases.Where(c => InB(c.Month)), periodCases, Rate)
            : null;
        if (a.Deflators is null)
        {
            // Costs with a price year cannot be uprated without a series: say so for the ones this service's figures use.
            var used = volumes.Baseline.Keys.Concat(volumes.PeriodChannels).Select(InputKeys.UnitCost)
                .Concat(officerRows.Select(r => OfficerTime.HourlyCostKey(a, r.Grade)))
                .Where(a.PriceYears.ContainsKey).Distinct().Order(StringComparer.Ordinal).ToList();
            if (used.Count > 0)
                notes.Add(Phrase.Of(used.Count == 1 ? "note.price_year_not_uprated" : "note.price_years_not_uprated",
                    $"{service}: {string.Join(", ", used)} {(used.Count == 1 ? "is" : "are")} given in the prices of a price year, but " +
                    "no GDP deflator series was supplied, so the costs are used as given, not uprated to each month's prices.",
                    ("service", service), ("keys", string.Join(", ", used))));
        }
        var contactRows = Enabled(BenefitLine.AvoidableContact)
            ? AvoidableContact.Rows(AvoidableContact.Match(data.Contacts, [.. a.DigitalChannels]), from, to, UIn)
            : [];

        // Measures (METHOD.md, Measures): each month's volumes, cases and hours released into its sums.
        var months = MonthFigures.For(from, to);
        var channelsShown = ChannelShift.InOrder(volumes.PeriodChannels).ToList();
        var byChannel = new OrderedDictionary<string, long>[months.Length];
        for (var i = 0; i < months.Length; i++)
        {
            var m = months[i].Month;
            byChannel[i] = MonthMeasures.Record(months[i], volumes.In(m), channelsShown, a.DigitalChannels, ch => UIn(ch, m));
            MonthMeasures.RecordCases(months[i], periodCases.Where(c => c.Month == m), data.OpenCases.Where(o => o.Month == m));
        }
        MonthMeasures.RecordHoursReleased(months, officerRows);

        // Benefit lines (METHOD.md, Benefit lines): each line month by month over P.
        var baselineMonths = Month.Count(a.BaselineFrom, a.BaselineTo);
        decimal[] PrintAndPostageLine(string category) => PrintAndPostage.ByMonth(
            Enabled(PrintAndPostage.LineFor(category)), data.CostLines, category, baseline.Spend[category], baselineMonths, from, to);
        var lines = new Dictionary<BenefitLine, decimal[]>
        {
            [BenefitLine.ChannelShift] = ChannelShift.ByMonth(Enabled(BenefitLine.ChannelShift), byChannel, volumes.Baseline,
                i => ch => UIn(ch, months[i].Month)),
            [BenefitLine.OfficerTime] = OfficerTime.ByMonth(officerRows, from, to),
            [BenefitLine.Print] = PrintAndPostageLine(CostCategories.Print),
            [BenefitLine.Postage] = PrintAndPostageLine(CostCategories.Postage),
            [BenefitLine.AvoidableContact] = AvoidableContact.ByMonth(contactRows, from, to),
        };

        var spendCategories = CostCategories.All
            .Where(cat => data.CostLines.Any(l => l.Category == cat && CostSpreading.Overlaps(l, from, to))).ToList();
        var serviceMonths = new List<ServiceMonth>(months.Length);
        for (var i = 0; i < months.Length; i++)
        {
            var figures = months[i];
            // No data is not zero: a month outside the reach of a line's feed is unknown, so the line is not counted there.
            var gross = new OrderedDictionary<BenefitLine, decimal>();
            foreach (var line in BenefitLines.All)
                gross.Add(line, coverage.Of(Coverage.FeedOf(line)).Covers(figures.Month) ? lines[line][i] : 0m);
            serviceMonths.Add(new ServiceMonth
            {
                Month = figures.Month,
                ByChannel = byChannel[i],
                Started = figures.Started,
                Failed = figures.Failed,
                Spend = Spend(data.CostLines, spendCategories, figures.Month),
                GrossByLine = gross,
                AdjustedByLine = Adjust(figures, gross, a),
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
            NotePhrases = notes,
        };
        return new ServiceOutcome(working, months, samples);
    }

    /// <summary>Each line's month adjusted (METHOD.md, Adjustments), recorded in the month's sums as cashable or not.</summary>
    private static OrderedDictionary<BenefitLine, decimal> Adjust(MonthFigures figures, OrderedDictionary<BenefitLine, decimal> gross,
        ServiceAssumptions a)
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

    /// <summary>
    /// The month's spend by category, for every category with a line overlapping P (reports show it; only print and
    /// postage are lines).
    /// </summary>
    private static OrderedDictionary<string, decimal> Spend(IReadOnlyList<CostLine> serviceLines, IEnumerable<string> categories, Month month)
    {
        var spend = new OrderedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var category in categories) spend.Add(category, PrintAndPostage.MonthSpend(serviceLines, category, month));
        return spend;
    }

    private static OrderedDictionary<string, long> Ordered(IReadOnlyDictionary<string, long> volumes)
    {
        var result = new OrderedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var channel in ChannelShift.InOrder(volumes.Keys)) result.Add(channel, volumes[channel]);
        return result;
    }
}
