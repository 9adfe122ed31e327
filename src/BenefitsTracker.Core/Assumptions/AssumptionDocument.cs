namespace BenefitsTracker.Core.Assumptions;

/// <summary>The whole file, validated.</summary>
internal sealed record AssumptionDocument(
    string Version,
    AssumptionLayer TopLevel,
    IReadOnlyDictionary<string, AssumptionLayer> Councils,
    IReadOnlyDictionary<string, ServiceEntry> Services,
    IReadOnlyDictionary<string, string> ConsortiumApportionment,
    AppraisalSettings Appraisal)
{
    /// <summary>Each council's own service entries (<c>councils.{GSS}.services.{slug}</c>).</summary>
    public IReadOnlyDictionary<(string Council, string Service), CouncilServiceEntry> CouncilServices { get; init; } =
        new Dictionary<(string Council, string Service), CouncilServiceEntry>();

    /// <summary>Each consortium's <c>population_source</c>: where its members' populations come from, and their year.</summary>
    public IReadOnlyDictionary<string, string> ConsortiumPopulationSource { get; init; } = new Dictionary<string, string>();
}
