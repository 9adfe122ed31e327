using System.Collections.Concurrent;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Application.Keys;

/// <summary>
/// Checks presented keys for the web host. The key's row is found by its id and kept a few seconds (a revoked
/// key stops working within <see cref="RowLifetime"/>); the secret is hashed and compared in constant time on
/// every request. Last use is recorded at most once a minute per key.
/// </summary>
public sealed class ApiKeyVerifier(Func<BenefitsDbContext> openContext, KeyHasher hasher, TimeProvider clock)
{
    public static readonly TimeSpan RowLifetime = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<long, (ApiKeyRow? Row, DateTimeOffset Until)> _rows = new();
    private readonly ConcurrentDictionary<long, DateTimeOffset> _touched = new();

    public async Task<KeyPrincipal?> VerifyAsync(string? presented, CancellationToken ct)
    {
        if (!ApiKeyText.TryParse(presented, out var id, out var secret)) return null;
        var now = clock.GetUtcNow();
        var row = await RowAsync(id, now, ct);
        if (row is null || row.RevokedAt is not null || !hasher.Matches(secret, row.KeyHash)) return null;
        await TouchAsync(id, now, ct);
        KeyScopes.TryParse(row.Scope, out var scope);
        return new KeyPrincipal(row.Id, row.Label, scope, row.CouncilCode.Length == 0 ? null : row.CouncilCode, row.ConsortiumId);
    }

    /// <summary>Is key <paramref name="id"/> still valid (not revoked)? For the dashboard's login cookie.</summary>
    public async Task<bool> IsActiveAsync(long id, CancellationToken ct) => (await RowAsync(id, clock.GetUtcNow(), ct)) is { RevokedAt: null };

    private async Task<ApiKeyRow?> RowAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        if (!_rows.TryGetValue(id, out var cached) || cached.Until <= now)
        {
            await using var db = openContext();
            cached = (await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct), now + RowLifetime);
            _rows[id] = cached;
        }
        return cached.Row;
    }

    private async Task TouchAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        if (_touched.TryGetValue(id, out var last) && now - last < TouchEvery) return;
        _touched[id] = now;
        await using var db = openContext();
        await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
    }
}
