using System.Collections.Concurrent;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using Microsoft.ML;

namespace BenefitsTracker.Analytics.Counterfactual;

/// <summary>
/// Estimates what would have happened anyway (docs/method.md, "Would it have happened anyway?"), per
/// council and service with a go-live month, by two methods: the council's own interrupted time
/// series (<c>its</c>) and a comparison with consortium members that launched later or never
/// (<c>peers</c>). Reads the same <see cref="CouncilData"/> the engine reads; the same inputs and
/// options give the same estimates and intervals every time.
/// </summary>
public static class CounterfactualEstimator
{
    public const string Its = CounterfactualEstimate.Its;
    public const string Peers = CounterfactualEstimate.Peers;

    /// <summary>A council's estimates; its consortium's other members (if any) are the peers.</summary>
    public static IReadOnlyList<CounterfactualEstimate> ForCouncil(
        CouncilData council, ConsortiumData? consortium, AssumptionSet assumptions, ReportRequest request, CounterfactualOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(council);
        var others = consortium?.Members.Where(m => m.Code != council.Code).ToList() ?? [];
        return Run([(council, others)], assumptions, request, options ?? CounterfactualOptions.Default);
    }

    /// <summary>Every member's estimates, each compared with the other members, in council code order.</summary>
    public static IReadOnlyList<CounterfactualEstimate> ForConsortium(
        ConsortiumData consortium, AssumptionSet assumptions, ReportRequest request, CounterfactualOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(consortium);
        var members = consortium.Members.OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
        return Run([.. members.Select(m => (m, (IReadOnlyList<CouncilData>)[.. members.Where(o => o.Code != m.Code)]))],
            assumptions, request, options ?? CounterfactualOptions.Default);
    }

    private static IReadOnlyList<CounterfactualEstimate> Run(
        IReadOnlyList<(CouncilData Council, IReadOnlyList<CouncilData> Others)> councils, AssumptionSet assumptions, ReportRequest request,
        CounterfactualOptions o)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(request);
        var work = new List<(CouncilData Council, IReadOnlyList<CouncilData> Others, string Service)>();
        foreach (var (council, others) in councils)
            foreach (var service in council.Volumes.Select(v => v.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                if ((request.Service is null || request.Service == service) && assumptions.HasService(service))
                    work.Add((council, others, service));

        // Each (council, service) is independent and seeded by its names, so running them in parallel
        // changes nothing but the time. An MLContext is not shared between threads.
        var results = new IReadOnlyList<CounterfactualEstimate>[work.Count];
        // A council's series of a service is read once, not once for every council it is a peer of (a 40-council
        // consortium would build each 39 times). Building one is deterministic, so a race only repeats the work.
        var seriesCache = new ConcurrentDictionary<(string Council, string Service, string Digital), ServiceSeries>();
        using var ml = new ThreadLocal<MLContext>(() => new MLContext(seed: 0));
        Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (council, others, service) = work[i];
            results[i] = ForService(council, others, service, assumptions, request, o, ml.Value!, seriesCache);
        });
        return [.. results.SelectMany(r => r)];
    }

    private static IReadOnlyList<CounterfactualEstimate> ForService(
        CouncilData council, IReadOnlyList<CouncilData> others, string service, AssumptionSet assumptions, ReportRequest request,
        CounterfactualOptions o, MLContext ml,
        ConcurrentDictionary<(string Council, string Service, string Digital), ServiceSeries> seriesCache)
    {
        var a = assumptions.ForService(council.Code, service);
        if (a.GoLive is null) return []; // not launched: no effect to estimate; it serves as a peer
        var goLive = Month.Parse(a.GoLive);
        var digitalKey = string.Join('\u001f', a.DigitalChannels.Order(StringComparer.Ordinal));
        ServiceSeries SeriesOf(CouncilData c) =>
            seriesCache.GetOrAdd((c.Code, service, digitalKey), _ => ServiceSeries.Of(c, service, a.DigitalChannels));
        var series = SeriesOf(council);
        var pre = series.Months.Where(m => m < goLive).ToList();
        var post = series.Months.Where(m => m >= goLive && m >= request.From && m <= request.To).ToList();
        var assumed = a.Adjustments.Deadweight;

        CounterfactualEstimate Refuse(string method, Phrase reason) => new()
        {
            Council = council.Code, Service = service, Method = method, GoLive = goLive, Refused = reason.English, RefusedReason = reason,
            MonthsBefore = pre.Count, MonthsAfter = post.Count, AssumedDeadweight = assumed,
        };
        IReadOnlyList<CounterfactualEstimate> RefuseBoth(Phrase reason) => [Refuse(Its, reason), Refuse(Peers, reason)];

        if (pre.Count < o.MinimumMonthsBefore)
            return RefuseBoth(Phrase.Of("refused.too_few_before",
                $"{pre.Count} {(pre.Count == 1 ? "month" : "months")} of data before go-live ({goLive}); " +
                $"an estimate needs at least {o.MinimumMonthsBefore}",
                ("months", pre.Count), ("go_live", goLive), ("minimum", o.MinimumMonthsBefore)));
        if (post.Count == 0)
            return RefuseBoth(Phrase.Of("refused.none_after",
                $"no months of data from go-live ({goLive}) within the period {request.From} to {request.To}",
                ("go_live", goLive), ("from", request.From), ("to", request.To)));
        if (pre.Sum(series.Offline) <= 0)
            return RefuseBoth(Phrase.Of("refused.no_offline",
                "no offline channel: no offline transactions before go-live, so there is no shift to estimate"));
        var (valuation, refused) = ShiftValuation.Create(series, a.UnitCosts, a.BaselineFrom, a.BaselineTo, pre);
        if (valuation is null) return RefuseBoth(refused!);

        var input = new EstimateInput(council.Code, service, goLive, series, pre, post, valuation,
            SeededRandom.For(o.Seed, council.Code, service, Its));
        var its = InterruptedTimeSeries.Estimate(input, ml, o, out var ownNoise);

        var peers = others
            .Where(p => p.Volumes.Any(v => v.Service == service))
            .Select(p =>
            {
                var pa = assumptions.ForService(p.Code, service);
                return new Peer(p.Code, SeriesOf(p), pa.GoLive is null ? null : Month.Parse(pa.GoLive));
            })
            .ToList();
        var byPeers = peers.Count == 0
            ? (null, Phrase.Of("refused.no_other_council", "no other council in a consortium with this service to compare with"))
            : PeerComparison.Estimate(
                input with { Seed = SeededRandom.For(o.Seed, council.Code, service, Peers), OwnNoiseVariance = ownNoise }, peers, o);

        return [Result(Its, its), Result(Peers, byPeers)];

        CounterfactualEstimate Result(string method, (RawEstimate? Estimate, Phrase? Refused) outcome)
        {
            if (outcome.Estimate is not { } e) return Refuse(method, outcome.Refused!);
            if (e.Deadweight is null)
                return Refuse(method, Phrase.Of("refused.no_shift",
                    "no channel-shift benefit was observed after go-live, so there is no share of it to call deadweight"));
            var months = pre.Select((m, i) => new CounterfactualMonth(m, (decimal)series.Offline(m), Round(e.PreFitted[i], 1), null, null, false))
                .Concat(e.Post.Select((m, t) => new CounterfactualMonth(m, (decimal)series.Offline(m), Round(e.Projected[t], 1),
                    Round(e.Band[t].Low, 1), Round(e.Band[t].High, 1), true)))
                .ToList();
            var (dwLow, dwHigh) = e.DeadweightCi!.Value;
            return new CounterfactualEstimate
            {
                Council = council.Code, Service = service, Method = method, GoLive = goLive,
                EstimatedDeadweight = Round(Math.Clamp(e.Deadweight.Value, 0, 1), 4),
                DeadweightCi95 = new Interval(Round(Math.Clamp(dwLow, 0, 1), 4), Round(Math.Clamp(dwHigh, 0, 1), 4)),
                UnboundedDeadweight = Round(e.Deadweight.Value, 4),
                DeadweightNote = BoundsNote(e.Deadweight.Value, dwLow, dwHigh),
                DeadweightNotes = BoundsNotes(e.Deadweight.Value, dwLow, dwHigh),
                EffectTransactions = Round(e.Effect, 1),
                EffectCi95 = new Interval(Round(e.EffectCi.Low, 1), Round(e.EffectCi.High, 1)),
                MonthsBefore = pre.Count, MonthsAfter = e.Post.Count, AssumedDeadweight = assumed,
                Model = e.Model, Resampling = e.Resampling, Months = months,
            };
        }
    }

    /// <summary>
    /// Deadweight is a share of the observed shift, so 0 to 1. The ratio can fall outside: below 0
    /// where the counterfactual moves the mix back towards the costlier channels (the projected digital
    /// share falls), above 1 where it moves the mix further than was observed. Either says the data
    /// hold no evidence of deadweight beyond that bound, not a share beyond it; the estimate and
    /// interval are held at the bound and this note says so.
    /// </summary>
    public static string? BoundsNote(double estimate, double low, double high)
    {
        var notes = BoundsNotes(estimate, low, high);
        if (notes.Count == 0) return null;
        var text = string.Join("; ", notes.Select(n => n.English));
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    /// <summary>The parts of <see cref="BoundsNote"/>, each a <see cref="Phrase"/> (for a report in another language).</summary>
    public static IReadOnlyList<Phrase> BoundsNotes(double estimate, double low, double high)
    {
        var notes = new List<Phrase>();
        if (estimate < 0)
            notes.Add(Phrase.Of("bounds.below_zero",
                $"the ratio is {Pct(estimate)}: without the service the mix would have moved back towards the costlier " +
                "channels, so none of the observed shift would have happened anyway; shown as 0%", ("ratio", Pct(estimate))));
        else if (estimate > 1)
            notes.Add(Phrase.Of("bounds.above_one",
                $"the ratio is {Pct(estimate)}: the counterfactual moves the mix further than was observed, so all of " +
                "the observed shift would have happened anyway; shown as 100%", ("ratio", Pct(estimate))));
        if (low < 0 && estimate >= 0)
            notes.Add(Phrase.Of("bounds.low_end", $"the interval's lower end ({Pct(low)}) is shown as 0%, a share cannot be below it",
                ("low", Pct(low))));
        if (high > 1 && estimate <= 1)
            notes.Add(Phrase.Of("bounds.high_end", $"the interval's upper end ({Pct(high)}) is shown as 100%, a share cannot be above it",
                ("high", Pct(high))));
        if (estimate < 0 && high > 0) notes.Add(Phrase.Of("bounds.reaches", $"the interval reaches {Pct(high)}", ("high", Pct(high))));
        if (estimate > 1 && low < 1) notes.Add(Phrase.Of("bounds.reaches_down", $"the interval reaches down to {Pct(low)}", ("low", Pct(low))));
        return notes;
        static string Pct(double v) => (v * 100).ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture) + "%";
    }

    private static decimal Round(double value, int places) =>
        double.IsFinite(value) ? Math.Round((decimal)Math.Clamp(value, -1e15, 1e15), places, MidpointRounding.AwayFromZero) : 0m;
}
