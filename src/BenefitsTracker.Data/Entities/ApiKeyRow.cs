namespace BenefitsTracker.Data.Entities;

/// <summary>An API key bound to one council; only its hash is stored.</summary>
public sealed class ApiKeyRow
{
    public long Id { get; set; }
    public string CouncilCode { get; set; } = "";
    /// <summary>SHA-256 (lower-case hex) of the key.</summary>
    public string KeyHash { get; set; } = "";
    public string? Label { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
