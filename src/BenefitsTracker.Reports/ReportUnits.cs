using System.Text;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Reports;

/// <summary>
/// One service of one council: the grain at which METHOD.md computes every line. A council report has
/// one unit per service; a consortium report one per member and service.
/// </summary>
internal sealed record ReportUnit(int Index, string Council, string CouncilName, ServiceWorking Working, string Prefix)
{
    public string Service => Working.Service;
    public ServiceAssumptions Assumptions => Working.Assumptions;

    /// <summary>The text key that joins a unit's month across sheets ("W06000004 garden-waste 2024-01").</summary>
    public string Key(Month month) => $"{Council} {Service} {month}";
}

internal static class ReportUnits
{
    public static IReadOnlyList<ReportUnit> Of(SavingsResult result)
    {
        var raw = new List<(string Code, string Name, ServiceWorking W)>();
        if (result.Scope.Kind == ScopeKind.Consortium)
            foreach (var member in result.Members)
                foreach (var w in member.Services) raw.Add((member.Scope.Id, member.Scope.Name, w));
        else
            foreach (var w in result.Services) raw.Add((result.Scope.Id, result.Scope.Name, w));

        var consortium = result.Scope.Kind == ScopeKind.Consortium;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var units = new List<ReportUnit>(raw.Count);
        foreach (var (code, name, w) in raw)
        {
            var prefix = NamePart((consortium ? code + "_" : "") + w.Service);
            if (!char.IsLetter(prefix[0])) prefix = "s_" + prefix;
            var unique = prefix;
            for (var n = 2; !used.Add(unique); n++) unique = prefix + "_" + n;
            units.Add(new ReportUnit(units.Count, code, name, w, unique));
        }
        return units;
    }

    /// <summary>A spreadsheet-name-safe fragment: letters, digits and underscores.</summary>
    public static string NamePart(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        return sb.Length == 0 ? "x" : sb.ToString();
    }

    /// <summary>Every channel any unit uses (volumes, unit costs, digital list, avoidable contact), in report order.</summary>
    public static IReadOnlyList<string> Channels(SavingsResult result, IReadOnlyList<ReportUnit> units)
    {
        var set = new HashSet<string>(result.Assumptions.UnitCosts.Keys, StringComparer.Ordinal);
        foreach (var u in units)
        {
            set.UnionWith(u.Assumptions.UnitCosts.Keys);
            set.UnionWith(u.Working.BaselineVolumes.Keys);
            foreach (var m in u.Working.Months) set.UnionWith(m.ByChannel.Keys);
            foreach (var a in u.Working.AvoidableContact) { set.Add(a.DigitalChannel); set.Add(a.OfflineChannel); }
        }
        foreach (var m in result.Months) set.UnionWith(m.ByChannel.Keys);
        return set.OrderBy(Core.Domain.Channels.Order).ThenBy(c => c, StringComparer.Ordinal).ToList();
    }
}
