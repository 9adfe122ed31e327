using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Application.Reporting;

/// <summary>One report's question: whose figures (a council or a consortium), for which months, which service.</summary>
public sealed record ScopeKey(ScopeKind Kind, string Id, Month From, Month To, string? Service)
{
    public ReportRequest Request => new(From, To, Service);

    /// <summary>A folder-safe name, e.g. <c>W06000003_2024-04_2025-03</c>.</summary>
    public string Stem => $"{Id}_{From}_{To}" + (Service is { } s ? "_" + s : "");
}

/// <summary>
/// What a cached result was computed from: the assumptions set (the id of the one ingested last) and the data
/// (the newest ingested file that stored rows for the scope's councils or consortium). Equal fingerprints mean
/// equal figures; an ingest for another council leaves this one's unchanged. <see cref="RepairVersion"/> is the
/// newest job run that corrected stored figures without a file (refresh-rollups): a repair changes every scope's.
/// </summary>
public readonly record struct Fingerprint(long AssumptionsVersion, long DataVersion, long RepairVersion = 0)
{
    public override string ToString() => $"a{AssumptionsVersion}-d{DataVersion}" + (RepairVersion > 0 ? $"-r{RepairVersion}" : "");
}
