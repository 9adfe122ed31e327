using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Core.GreenBook;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// The one engine (ARCHITECTURE.md): data and assumptions in, one <see cref="SavingsResult"/> out,
/// following METHOD.md. Pure: no I/O, no clock, no randomness beyond the seeded bootstrap.
/// </summary>
public static class SavingsEngine
{
    /// <summary>
    /// A council's savings over the request's period: every service with data (or the one asked
    /// for), summed. Pass the council's consortium to include its share of the consortium's costs.
    /// </summary>
    public static SavingsResult ComputeCouncil(
        CouncilData council, ConsortiumData? consortium, AssumptionSet assumptions, ReportRequest request, Lineage lineage) =>
        WithAppraisal(Council(council, consortium, assumptions, request, lineage, asMember: false).Result, assumptions);

    /// <summary>The Green Book appraisal, computed once from the finished result and carried in it.</summary>
    private static SavingsResult WithAppraisal(SavingsResult result, AssumptionSet assumptions) =>
        result with { Appraisal = GreenBookAppraisal.Compute(result, assumptions) };

    /// <summary>
    /// A consortium: each member computed on its own data and assumptions, then summed; ratios,
    /// payback and NPV recomputed from the sums; members compared with small numbers suppressed.
    /// </summary>
    public static SavingsResult ComputeConsortium(
        ConsortiumData consortium, AssumptionSet assumptions, ReportRequest request, Lineage lineage)
    {
        ArgumentNullException.ThrowIfNull(consortium);
        Validate(request);
        var resolved = assumptions.ForConsortium(consortium.Id);
        var members = Members(consortium, assumptions, request, lineage);
        if (members.Count > 0 && members.All(m => Method.Coverage.Empty(m.Result.Coverage[0], request)))
        {
            IReadOnlyList<Phrase> held = [.. members.Select(m => Phrase.Of("coverage.member_held",
                $"{m.Result.Scope.Id} {Method.Coverage.Held(m.Result.Coverage[0])}",
                ("council", m.Result.Scope.Id), ("held", Method.Coverage.HeldPhrase(m.Result.Coverage[0]))))];
            throw new MethodException(Phrase.Of("cannot.consortium_no_data",
                $"Consortium '{consortium.Id}' has no data at all for {request.From} to {request.To}: the store holds " +
                string.Join("; ", held.Select(h => h.English)) +
                ". A month without data is unknown, not zero; choose a period within the data held.",
                ("consortium", consortium.Id), ("from", request.From), ("to", request.To), ("held", held)));
        }

        var months = MonthFigures.Sum(request.From, request.To, members.Select(m => m.Months));
        var flags = LineFlags.Combine([.. members.Select(m => m.Flags.AsPart())], resolved.Cashable);
        var assembled = ResultAssembly.Assemble(months, flags, Bootstrap.Sum(members.Select(m => m.OfficerSamples)), resolved.DiscountRate);

        // The consortium's cost working: each member's own lines, and each shared line once, whole.
        var costs = members.SelectMany(m => m.Result.Costs.Where(c => c.Owner != consortium.Id)).ToList();
        costs.AddRange(members.SelectMany(m => m.Result.Costs.Where(c => c.Owner == consortium.Id))
            .GroupBy(c => c.Line)
            .Select(g => g.First() with { Share = g.Sum(c => c.Share), InPeriod = g.Sum(c => c.InPeriod) }));

        return WithAppraisal(new SavingsResult
        {
            Scope = new ReportScope(ScopeKind.Consortium, consortium.Id, consortium.Name ?? DisplayName(consortium.Id)),
            Request = request,
            Totals = assembled.Totals,
            Lines = assembled.Lines,
            Months = assembled.Months,
            Services = [],
            Kpis = KpiCalculation.Sum(members.Select(m => m.Result.Kpis), assumptions.TargetsFor),
            Members = [.. members.Select(m => m.Result)],
            Comparison = ConsortiumComparisons.Compare(consortium, [.. members.Select(m => m.Result)], resolved, request),
            Costs = costs,
            Assumptions = resolved,
            Lineage = lineage,
            Coverage = [.. members.SelectMany(m => m.Result.Coverage)],
            NotePhrases = [.. members.SelectMany(m => m.Result.NotePhrases.Select(n =>
                Phrase.Of("note.member", $"{m.Result.Scope.Id}: {n.English}", ("council", m.Result.Scope.Id), ("note", n))))],
        }, assumptions);
    }

    /// <summary>A council's result plus what a consortium needs to sum it: its months, line flags and bootstrap resamples.</summary>
    private sealed record CouncilOutcome(SavingsResult Result, MonthFigures[] Months, LineFlags Flags, decimal[]? OfficerSamples);

    /// <summary>
    /// Each member's figures, in code order. Members are independent (each has its own data, assumptions and bootstrap
    /// seed), so they are computed in parallel: a 40-council consortium spends most of its time in the members'
    /// officer time bootstraps. The figures are the same whatever the order they finish in; where members fail, the
    /// first member's failure in code order is the one reported, as it would be one after the other.
    /// </summary>
    private static List<CouncilOutcome> Members(ConsortiumData consortium, AssumptionSet assumptions, ReportRequest request, Lineage lineage)
    {
        var ordered = consortium.Members.OrderBy(m => m.Code, StringComparer.Ordinal).ToArray();
        var outcomes = new CouncilOutcome[ordered.Length];
        var failures = new System.Runtime.ExceptionServices.ExceptionDispatchInfo?[ordered.Length];
        Parallel.For(0, ordered.Length, i =>
        {
            try
            {
                outcomes[i] = Council(ordered[i], consortium, assumptions, request, lineage, asMember: true);
            }
            catch (Exception e)
            {
                failures[i] = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
        });
        foreach (var failure in failures) failure?.Throw();
        return [.. outcomes];
    }

    private static CouncilOutcome Council(
        CouncilData council, ConsortiumData? consortium, AssumptionSet assumptions, ReportRequest request, Lineage lineage, bool asMember)
    {
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(lineage);
        Validate(request);
        if (consortium is not null && !consortium.Members.Any(m => m.Code == council.Code))
            throw new MethodException(Phrase.Of("cannot.not_member",
                $"Council {council.Code} is not a member of consortium '{consortium.Id}', so it has no share of its costs.",
                ("council", council.Code), ("consortium", consortium.Id)));

        var resolved = assumptions.ForCouncil(council.Code, consortium?.Id);
        var services = ServicesInScope(council, request);
        if (services.Count == 0 && request.Service is not null && !asMember)
        {
            var held = ServicesInScope(council, request with { Service = null });
            var elsewhere = held.Count == 0 ? Phrase.Of("cannot.no_service_data.none", "It has no data for any service.")
                : Phrase.Of("cannot.no_service_data.held", $"Its services: {string.Join(", ", held)}.", ("services", string.Join(", ", held)));
            throw new MethodException(Phrase.Of("cannot.no_service_data",
                $"Council {council.Code} ({council.Name}) has no data for service '{request.Service}': " +
                $"no transactions, cases or cost lines. " + elsewhere.English,
                ("council", council.Code), ("name", council.Name), ("service", request.Service ?? ""), ("held", elsewhere)));
        }

        var coverage = Method.Coverage.Of(council, request, services.SelectMany(s => assumptions.ForService(council.Code, s).Lines));
        if (!asMember && Method.Coverage.Empty(coverage, request))
            throw new MethodException(Phrase.Of("cannot.no_data",
                $"Council {council.Code} ({council.Name}) has no data at all for {request.From} to {request.To}: " +
                $"the store holds {Method.Coverage.Held(coverage)}. " +
                "A month without data is unknown, not zero; choose a period within the data held.",
                ("council", council.Code), ("name", council.Name), ("from", request.From), ("to", request.To),
                ("held", Method.Coverage.HeldPhrase(coverage))));
        var outcomes = services
            .Select(s => ServiceCalculation.Compute(council.Code, s, assumptions.ForService(council.Code, s), request, DataFor(council, s), coverage))
            .ToList();

        var kpis = services
            .Select(s => KpiCalculation.ForService(council.Code, s, assumptions.ForService(council.Code, s), request, DataFor(council, s),
                coverage.Of(Feed.Events)))
            .ToList();

        var months = MonthFigures.Sum(request.From, request.To, outcomes.Select(o => o.Months));
        var costs = CouncilCosts.Apply(council, consortium, resolved.Apportionment, services, request, months);
        CostUplift.Apply(months, assumptions.OptimismBiasCostsFor(council.Code));

        var flags = LineFlags.Combine(
            [.. outcomes.Select(o => new LineFlags.Part(o.Working.Assumptions.Lines, o.Working.Assumptions.Cashable))], resolved.Cashable);
        var samples = Bootstrap.Sum(outcomes.Select(o => o.OfficerSamples));
        var assembled = ResultAssembly.Assemble(months, flags, samples, resolved.DiscountRate);

        var result = new SavingsResult
        {
            Scope = new ReportScope(ScopeKind.Council, council.Code, council.Name),
            Request = request,
            Totals = assembled.Totals,
            Lines = assembled.Lines,
            Months = assembled.Months,
            Services = [.. outcomes.Select(o => o.Working)],
            Kpis = kpis,
            Costs = costs,
            Assumptions = resolved,
            Lineage = lineage,
            Coverage = [coverage],
            NotePhrases = [.. outcomes.SelectMany(o => o.Working.NotePhrases)],
        };
        return new CouncilOutcome(result, months, flags, samples);
    }

    /// <summary>Every service with any data for the council (volumes, cases, cost lines, contacts), or only the one asked for.</summary>
    private static IReadOnlyList<string> ServicesInScope(CouncilData council, ReportRequest request)
    {
        var names = council.Volumes.Select(v => v.Service)
            .Concat(council.ClosedCases.Select(c => c.Service))
            .Concat(council.OpenCases.Select(c => c.Service))
            .Concat(council.CostLines.Where(l => l.Service is not null).Select(l => l.Service!))
            .Concat(council.Contacts.Select(c => c.Service))
            .Distinct(StringComparer.Ordinal)
            .Where(s => request.Service is null || s == request.Service)
            .Order(StringComparer.Ordinal);
        return [.. names];
    }

    private static ServiceData DataFor(CouncilData council, string service) => new(
        [.. council.Volumes.Where(v => v.Service == service)],
        [.. council.ClosedCases.Where(c => c.Service == service)],
        [.. council.OpenCases.Where(c => c.Service == service)],
        [.. council.CostLines.Where(l => l.Service == service)],
        [.. council.Contacts.Where(c => c.Service == service)]);

    private static void Validate(ReportRequest request)
    {
        if (request.From > request.To)
            throw new MethodException(Phrase.Of("cannot.period_reversed", $"The report period starts ({request.From}) after it ends ({request.To}).",
                ("from", request.From), ("to", request.To)));
    }

    /// <summary>A readable name from a consortium id when the store has none: "north-wales" → "North Wales".</summary>
    internal static string DisplayName(string id) =>
        string.Join(' ', id.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
