namespace BenefitsTracker.Data.Entities;

/// <summary>A group of councils that shares costs (named in the councils file).</summary>
public sealed class ConsortiumRow
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
}
