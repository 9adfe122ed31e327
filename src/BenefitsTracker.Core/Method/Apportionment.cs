using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// METHOD.md, Consortia: how costs recorded against a consortium are shared among its members.
/// equal: 1/n each; population: pop_i / Σ pop; usage: the member's completed transactions in P
/// over the consortium's (within the report's service scope).
/// </summary>
public static class Apportionment
{
    /// <summary>The rules' keys as the assumptions file writes them (<c>consortia.{id}.apportionment</c>).</summary>
    public const string Equal = "equal", Population = "population", Usage = "usage";
    /// <summary>Every rule the file may name.</summary>
    public static readonly IReadOnlyList<string> Rules = [Equal, Population, Usage];

    /// <summary>Each member's share (council code → fraction); the shares add up to 1.</summary>
    public static IReadOnlyDictionary<string, decimal> Shares(string rule, ConsortiumData consortium, ReportRequest request)
    {
        var members = consortium.Members.OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
        if (members.Count == 0)
            throw new MethodException(Phrase.Of("cannot.no_members", $"Consortium '{consortium.Id}' has no member councils to share its costs among.",
                ("consortium", consortium.Id)));

        var weights = rule switch
        {
            Equal => members.Select(m => (m.Code, Weight: 1m)).ToList(),
            Population => members.Select(m => (m.Code, Weight: (decimal)PopulationOf(m, consortium.Id))).ToList(),
            Usage => members.Select(m => (m.Code, Weight: (decimal)TransactionsIn(m, request))).ToList(),
            _ => throw new MethodException(Phrase.Of("cannot.not_a_rule",
                $"Consortium '{consortium.Id}': '{rule}' is not an apportionment rule; use equal, population or usage.",
                ("consortium", consortium.Id), ("rule", rule)),
                $"consortia.{consortium.Id}.apportionment"),
        };

        var total = weights.Sum(w => w.Weight);
        if (total == 0m)
            throw new MethodException(Phrase.Of(request.Service is null ? "cannot.no_usage" : "cannot.no_usage_of_service",
                $"Consortium '{consortium.Id}' shares its costs by usage, but its members have no completed transactions " +
                $"in {request.From}..{request.To}{(request.Service is null ? "" : $" for service '{request.Service}'")}, " +
                $"so there is nothing to share them by.",
                ("consortium", consortium.Id), ("from", request.From), ("to", request.To), ("service", request.Service ?? "")),
                $"consortia.{consortium.Id}.apportionment");

        var shares = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (code, weight) in weights) shares[code] = weight / total;
        return shares;
    }

    private static long PopulationOf(CouncilData member, string consortiumId) =>
        member.Population is > 0 and var population
            ? population
            : throw new MethodException(Phrase.Of("cannot.no_population",
                $"Consortium '{consortiumId}' shares its costs by population, but council {member.Code} ({member.Name}) has no population. " +
                "Load its mid-year population estimate (councils file, column population).",
                ("consortium", consortiumId), ("council", member.Code), ("name", member.Name)));

    /// <summary>Completed transactions in P, in the report's service scope.</summary>
    internal static long TransactionsIn(CouncilData member, ReportRequest request)
    {
        long total = 0;
        foreach (var v in member.Volumes)
            if (v.Month >= request.From && v.Month <= request.To && (request.Service is null || v.Service == request.Service))
                total += v.Completed;
        return total;
    }
}
