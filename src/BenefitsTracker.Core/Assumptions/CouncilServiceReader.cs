using System.Text.Json;
using BenefitsTracker.Core.Domain;
using static BenefitsTracker.Core.Assumptions.StrictJson;

namespace BenefitsTracker.Core.Assumptions;

/// <summary>
/// Reads <c>councils.{GSS}.services.{slug}</c>: a council's own go-live, baseline, lines and overrides
/// for a service the top level describes. <c>"go_live": null</c> says the council has not launched it.
/// </summary>
internal static class CouncilServiceReader
{
    public static CouncilServiceEntry Read(string council, string slug, JsonElement value, IReadOnlyDictionary<string, ServiceEntry> services)
    {
        var path = Join(Join(Join("councils", council), "services"), slug);
        if (!services.ContainsKey(slug))
            throw new AssumptionsException(path,
                $"service '{slug}' is not described under services; " +
                $"add services.{slug} (with its go_live) before overriding it for council {council}");
        if (value.ValueKind == JsonValueKind.Object)
            foreach (var property in value.EnumerateObject())
                if (AssumptionsReader.ReportWideKeys.Contains(property.Name, StringComparer.Ordinal))
                    throw new AssumptionsException(Join(path, property.Name),
                        $"{property.Name} applies to a whole report, not to one service; set it at the top level or under councils.{{GSS}}");
        var entry = Object(value, path, AssumptionsReader.ServiceKeys);
        AssumptionsReader.RefuseServiceCostBias(entry, path);

        var goLiveGiven = entry.TryGetValue("go_live", out var goLiveElement);
        Month? goLive = !goLiveGiven || goLiveElement.ValueKind == JsonValueKind.Null
            ? null
            : AssumptionsReader.GoLive(goLiveElement, Join(path, "go_live"));
        return new CouncilServiceEntry(
            goLiveGiven,
            goLive,
            AssumptionsReader.Baseline(entry, path),
            AssumptionsReader.Lines(entry, path),
            AssumptionsReader.ReadLayer(entry, path));
    }

    /// <summary>
    /// The service's dates and lines for the council: its own entry over the top-level one. A council's
    /// go-live without a baseline takes the 12 months before it; a council that has not launched keeps
    /// the top-level baseline (for the lines that do not depend on launch) and counts no channel shift.
    /// </summary>
    public static (Month? GoLive, Month From, Month To, IReadOnlyList<BenefitLine> Lines) Resolve(ServiceEntry top, CouncilServiceEntry? own)
    {
        if (own is null) return (top.GoLive, top.BaselineFrom, top.BaselineTo, top.Lines);
        var goLive = own.GoLiveGiven ? own.GoLive : top.GoLive;
        var (from, to) = own.Baseline
            ?? (own.GoLiveGiven && own.GoLive is { } g
                ? (g.AddMonths(-AssumptionDefaults.BaselineMonths), g.AddMonths(-1))
                : (top.BaselineFrom, top.BaselineTo));
        var lines = own.Lines ?? top.Lines;
        if (goLive is null) lines = [.. lines.Where(l => l != BenefitLine.ChannelShift)];
        return (goLive, from, to, lines);
    }
}
