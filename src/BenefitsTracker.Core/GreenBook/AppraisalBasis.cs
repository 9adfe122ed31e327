using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Method;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.GreenBook;

/// <summary>
/// The appraisal reduced to a few sums, once, from the result's months (never from the rollups again).
/// Gross benefit is linear in every unit and hourly cost; adjusted benefit is gross × (1 − d) × a × (1 − ob);
/// costs are C × (1 + obc) × the cost factor. So for services grouped by their adjustments, NPV (or net
/// benefit) with each input moved by δ is exactly
/// Σ_groups (1 − d − δd)(a + δa)(1 − ob − δob) × (G + Σ_i δ_i·X_i) − Σ_councils C × (1 + obc + δobc) × (1 + δc),
/// where G is the group's weighted gross and X_i its weighted gross per pound of input i. Switching values,
/// the tornado, the scenarios and every Monte Carlo draw evaluate this; none recomputes a rollup.
/// </summary>
internal sealed class AppraisalBasis
{
    /// <summary>Services that share their adjustments, summed.</summary>
    internal sealed class Group(decimal deadweight, decimal attribution, decimal optimismBias, int inputs)
    {
        public decimal Deadweight { get; } = deadweight;
        public decimal Attribution { get; } = attribution;
        public decimal OptimismBias { get; } = optimismBias;
        /// <summary>Weighted gross: [0] discounted over the horizon (NPV), [1] undiscounted over P (net benefit).</summary>
        public readonly decimal[] Gross = new decimal[2];
        /// <summary>Weighted gross per pound of each price input, same two weightings.</summary>
        public readonly decimal[][] PerUnit = [new decimal[inputs], new decimal[inputs]];
    }

    /// <summary>One council's costs: the uplift applied and the weighted costs before it.</summary>
    internal sealed record CouncilCostSums(string Code, decimal OptimismBiasCosts, decimal NpvCosts, decimal NetCosts);

    public const int Npv = 0, Net = 1;

    public required IReadOnlyList<AppraisalInput> Inputs { get; init; }
    public required IReadOnlyList<Group> Groups { get; init; }
    public required IReadOnlyList<CouncilCostSums> Councils { get; init; }

    public int Index(InputKind kind) => Inputs.ToList().FindIndex(i => i.Kind == kind);

    private int? _d, _a, _ob, _obc, _tc;
    private int D => _d ??= Index(InputKind.Deadweight);
    private int A => _a ??= Index(InputKind.Attribution);
    private int Ob => _ob ??= Index(InputKind.OptimismBias);
    private int Obc => _obc ??= Index(InputKind.OptimismBiasCosts);
    private int Tc => _tc ??= Index(InputKind.TotalCosts);

    /// <summary>NPV (<see cref="Npv"/>) or net benefit (<see cref="Net"/>) with input i moved by delta[i] (zero: as assumed).</summary>
    public decimal Evaluate(ReadOnlySpan<decimal> delta, int weighting)
    {
        var total = 0m;
        foreach (var g in Groups)
        {
            var inner = g.Gross[weighting];
            var perUnit = g.PerUnit[weighting];
            for (var i = 0; i < perUnit.Length; i++)
                if (delta[i] != 0m) inner += delta[i] * perUnit[i];
            var factor = (1m - g.Deadweight - delta[D]) * (g.Attribution + delta[A]) * (1m - g.OptimismBias - delta[Ob]);
            total += factor * inner;
        }
        foreach (var c in Councils)
        {
            var costs = weighting == Npv ? c.NpvCosts : c.NetCosts;
            total -= costs * (1m + c.OptimismBiasCosts + delta[Obc]) * (1m + delta[Tc]);
        }
        return total;
    }

    /// <summary>d NPV / d input, all else as assumed: exact, since NPV is linear in each input alone.</summary>
    public decimal Slope(int input, int weighting)
    {
        var slope = 0m;
        var kind = Inputs[input].Kind;
        foreach (var g in Groups)
        {
            var gross = g.Gross[weighting];
            slope += kind switch
            {
                InputKind.Price => (1m - g.Deadweight) * g.Attribution * (1m - g.OptimismBias) * g.PerUnit[weighting][input],
                InputKind.Deadweight => -g.Attribution * (1m - g.OptimismBias) * gross,
                InputKind.Attribution => (1m - g.Deadweight) * (1m - g.OptimismBias) * gross,
                InputKind.OptimismBias => -(1m - g.Deadweight) * g.Attribution * gross,
                _ => 0m,
            };
        }
        foreach (var c in Councils)
        {
            var costs = weighting == Npv ? c.NpvCosts : c.NetCosts;
            if (kind == InputKind.OptimismBiasCosts) slope -= costs;
            if (kind == InputKind.TotalCosts) slope -= costs * (1m + c.OptimismBiasCosts);
        }
        return slope;
    }

    /// <summary>The councils of a result: itself, or a consortium's members.</summary>
    public static IReadOnlyList<SavingsResult> CouncilsOf(SavingsResult result) =>
        result.Scope.Kind == ScopeKind.Consortium ? result.Members : [result];

    public static AppraisalBasis Build(SavingsResult result, AssumptionSet assumptions, Timeline timeline)
    {
        var councils = CouncilsOf(result);
        var units = councils.SelectMany(c => c.Services.Select(s => (Council: c, Working: s))).ToList();

        // Each service's gross per month, and per pound of each unit and hourly cost, over P.
        var perService = units.Select(u => (u.Working, Derivatives: Derivatives(u.Working, timeline))).ToList();
        var inputs = BuildInputs(result, assumptions, perService.SelectMany(p => p.Derivatives.Keys).Distinct(StringComparer.Ordinal));
        var priceIndex = inputs.Select((input, i) => (input, i)).Where(x => x.input.Kind == InputKind.Price)
            .ToDictionary(x => x.input.Key, x => x.i, StringComparer.Ordinal);

        var groups = new Dictionary<(decimal, decimal, decimal), Group>();
        foreach (var (working, derivatives) in perService)
        {
            var adj = working.Assumptions.Adjustments;
            var key = (adj.Deadweight, adj.Attribution, adj.OptimismBias);
            if (!groups.TryGetValue(key, out var group))
                groups[key] = group = new Group(adj.Deadweight, adj.Attribution, adj.OptimismBias, inputs.Count);
            var gross = new decimal[timeline.Observed];
            for (var t = 0; t < timeline.Observed; t++)
                foreach (var value in working.Months[t].GrossByLine.Values) gross[t] += value;
            Accumulate(group.Gross, gross, timeline);
            foreach (var (input, perMonth) in derivatives)
            {
                var i = priceIndex[input];
                var sums = new decimal[2];
                Accumulate(sums, perMonth, timeline);
                group.PerUnit[Npv][i] += sums[Npv];
                group.PerUnit[Net][i] += sums[Net];
            }
        }

        var costSums = councils.Select(c =>
        {
            var uplift = assumptions.OptimismBiasCostsFor(c.Scope.Id);
            var observed = c.Months.Select(m => m.Costs / (1m + uplift)).ToArray();
            var sums = new decimal[2];
            Accumulate(sums, observed, timeline, projectedMean: RecurringCosts.MonthlyMean(c, timeline));
            return new CouncilCostSums(c.Scope.Id, uplift, sums[Npv], sums[Net]);
        }).ToList();

        return new AppraisalBasis { Inputs = inputs, Groups = [.. groups.Values], Councils = costSums };
    }

    /// <summary>
    /// Adds a monthly series' two weightings into <paramref name="sums"/>: discounted over observed and projected
    /// months (projected at the last-12-month mean, or at <paramref name="projectedMean"/>, with drop-off for benefits),
    /// and undiscounted over the observed months.
    /// </summary>
    private static void Accumulate(decimal[] sums, decimal[] observed, Timeline timeline, decimal? projectedMean = null)
    {
        for (var t = 0; t < observed.Length; t++)
        {
            sums[Npv] += observed[t] * timeline.DiscountFactors[t];
            sums[Net] += observed[t];
        }
        if (timeline.Projected == 0) return;
        if (projectedMean is { } costMean)
        {
            // Costs do not drop off: a recurring cost goes on at its mean.
            for (var j = 0; j < timeline.Projected; j++) sums[Npv] += costMean * timeline.DiscountFactors[timeline.Observed + j];
        }
        else sums[Npv] += timeline.RecentMean(t => observed[t]) * timeline.ProjectedDiscountedWeight;
    }

    /// <summary>
    /// d gross / d input for each month of P, for every unit and hourly cost the service's figures use
    /// (METHOD.md lines 1, 2 and 4; print and postage use none).
    /// </summary>
    private static Dictionary<string, decimal[]> Derivatives(ServiceWorking w, Timeline timeline)
    {
        var result = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
        decimal[] Of(string key) => result.TryGetValue(key, out var v) ? v : result[key] = new decimal[timeline.Observed];
        int MonthIndex(Month m) => m.Index - timeline.From.Index;
        // A cost given in its price year values month m at u × D(fy(m)) / D(py): the derivative carries that factor.
        decimal F(string key, Month m) => Prices.Factor(w.Assumptions.PriceYears, w.Assumptions.Deflators, key, m);

        // Channel shift: V_m × V_B(ch) / ΣV_B − V_m(ch) per pound of u(ch).
        var baselineTotal = w.BaselineVolumes.Values.Sum();
        if (w.Assumptions.Lines.Contains(BenefitLine.ChannelShift) && baselineTotal > 0)
            for (var t = 0; t < timeline.Observed; t++)
            {
                var month = w.Months[t];
                var volume = month.ByChannel.Values.Sum();
                foreach (var (channel, count) in w.BaselineVolumes)
                    if (count != 0)
                        Of(InputKeys.UnitCost(channel))[t] += (decimal)volume * count / baselineTotal * F(InputKeys.UnitCost(channel), month.Month);
                foreach (var (channel, count) in month.ByChannel)
                    if (count != 0) Of(InputKeys.UnitCost(channel))[t] -= count * F(InputKeys.UnitCost(channel), month.Month);
            }

        // Officer time: hours released per pound of the hourly rate that valued them.
        foreach (var row in w.OfficerTime)
        {
            var key = OfficerTime.HourlyCostKey(w.Assumptions, row.Grade);
            Of(key)[MonthIndex(row.Month)] += row.HoursReleased * F(key, row.Month);
        }

        // Avoidable contact: −count × (u(offline) − u(digital)).
        foreach (var row in w.AvoidableContact)
        {
            Of(InputKeys.UnitCost(row.OfflineChannel))[MonthIndex(row.Month)] -= row.Count * F(InputKeys.UnitCost(row.OfflineChannel), row.Month);
            Of(InputKeys.UnitCost(row.DigitalChannel))[MonthIndex(row.Month)] += row.Count * F(InputKeys.UnitCost(row.DigitalChannel), row.Month);
        }
        return result;
    }

    /// <summary>The inputs in a fixed order: unit costs by channel, hourly costs, the adjustments, costs.</summary>
    private static List<AppraisalInput> BuildInputs(SavingsResult result, AssumptionSet assumptions, IEnumerable<string> priceKeys)
    {
        var a = result.Assumptions;
        var services = AppraisalBasis.CouncilsOf(result).SelectMany(c => c.Services).ToList();
        decimal UnitCost(string channel) =>
            a.UnitCosts.TryGetValue(channel, out var u) ? u
            : services.Select(s => s.Assumptions.UnitCosts.GetValueOrDefault(channel)).FirstOrDefault();
        decimal Grade(string grade) =>
            a.HourlyCostByGrade.TryGetValue(grade, out var h) ? h
            : services.Select(s => s.Assumptions.HourlyCostByGrade.GetValueOrDefault(grade)).FirstOrDefault();

        var keys = priceKeys.ToList();
        var list = new List<AppraisalInput>();
        foreach (var key in keys.Where(k => k.StartsWith(InputKeys.UnitCostPrefix, StringComparison.Ordinal))
                     .OrderBy(k => Channels.Order(k[InputKeys.UnitCostPrefix.Length..])).ThenBy(k => k, StringComparer.Ordinal))
        {
            var channel = key[InputKeys.UnitCostPrefix.Length..];
            list.Add(new AppraisalInput(key, $"Unit cost: {channel.Replace('_', ' ')}", InputKind.Price, UnitCost(channel), 0m,
                StrictJson.MaxUnitCost));
        }
        if (keys.Contains(InputKeys.HourlyDefault))
            list.Add(new AppraisalInput(InputKeys.HourlyDefault, "Officer hourly cost (default)", InputKind.Price, a.HourlyCostDefault, 0m,
                StrictJson.MaxUnitCost));
        foreach (var key in keys.Where(k => k.StartsWith(InputKeys.HourlyGradePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var grade = key[InputKeys.HourlyGradePrefix.Length..];
            list.Add(new AppraisalInput(key, $"Officer hourly cost: grade {grade}", InputKind.Price, Grade(grade), 0m, StrictJson.MaxUnitCost));
        }
        list.Add(new AppraisalInput(InputKeys.Deadweight, "Deadweight", InputKind.Deadweight, a.Adjustments.Deadweight, 0m, 1m));
        list.Add(new AppraisalInput(InputKeys.Attribution, "Attribution", InputKind.Attribution, a.Adjustments.Attribution, 0m, 1m));
        list.Add(new AppraisalInput(InputKeys.OptimismBias, "Optimism bias (benefits)", InputKind.OptimismBias, a.Adjustments.OptimismBias, 0m, 1m));
        var obcScope = result.Scope.Kind == ScopeKind.Council ? result.Scope.Id : null;
        list.Add(new AppraisalInput(InputKeys.OptimismBiasCosts, "Optimism bias (costs)", InputKind.OptimismBiasCosts,
            assumptions.OptimismBiasCostsFor(obcScope), 0m, null));
        list.Add(new AppraisalInput(InputKeys.TotalCosts, "Total costs (× recorded)", InputKind.TotalCosts, 1m, 0m, null));
        return list;
    }
}
