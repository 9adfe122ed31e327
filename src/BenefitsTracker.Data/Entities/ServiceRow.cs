namespace BenefitsTracker.Data.Entities;

/// <summary>A service slug seen in any input.</summary>
public sealed class ServiceRow
{
    public string Slug { get; set; } = "";
    public string? Name { get; set; }
}
