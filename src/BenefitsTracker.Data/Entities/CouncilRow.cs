namespace BenefitsTracker.Data.Entities;

/// <summary>A council (councils file): its ONS GSS code, name, mid-year population and consortium.</summary>
public sealed class CouncilRow
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public long? Population { get; set; }
    public string? ConsortiumId { get; set; }
}
