namespace BenefitsTracker.Data.Entities;

/// <summary>
/// An API key bound to one council (or, for a consortium-read key, one consortium); only a keyed hash of its
/// secret is stored. The key a client sends is <c>bt_{Id}_{secret}</c>: the id finds the row, the hash is
/// compared in constant time.
/// </summary>
public sealed class ApiKeyRow
{
    public long Id { get; set; }
    /// <summary>The council the key reads and writes; empty for a consortium-read key.</summary>
    public string CouncilCode { get; set; } = "";
    /// <summary>The consortium a consortium-read key reads (its comparison only); null otherwise.</summary>
    public string? ConsortiumId { get; set; }
    /// <summary>HMAC-SHA256 (lower-case hex) of the key's secret, keyed with the server's key secret.</summary>
    public string KeyHash { get; set; } = "";
    /// <summary>The key's name, for people (apikey list).</summary>
    public string? Label { get; set; }
    /// <summary>write (read and write its council), read (read its council) or consortium-read.</summary>
    public string Scope { get; set; } = "write";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the key last authenticated a request (recorded at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
