using BenefitsTracker.Core.Domain;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Application.Keys;

/// <summary>One key as `benefits apikey list` shows it: never the key itself.</summary>
public sealed record ApiKeyInfo(long Id, string? Name, string Owner, KeyScope Scope, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);

/// <summary>Creating, listing, revoking and checking API keys (the `benefits apikey` commands and the web host).</summary>
public sealed class ApiKeys(BenefitsDbContext db, KeyHasher hasher)
{
    /// <summary>Makes a key and returns its text, which is shown once and stored only as a keyed hash.</summary>
    public async Task<(long Id, string Key)> CreateAsync(string owner, KeyScope scope, string? name, DateTimeOffset now,
        CancellationToken ct = default)
    {
        if (scope == KeyScope.ConsortiumRead)
        {
            if (!await db.Consortia.AnyAsync(c => c.Id == owner, ct) && !await db.Councils.AnyAsync(c => c.ConsortiumId == owner, ct))
                throw new UsageException($"--consortium {owner}: no such consortium in the store (ingest councils.csv first)");
        }
        else
        {
            if (!CouncilCode.IsValid(owner))
                throw new UsageException($"--council '{owner}' is not a GSS code (a letter E, W, S or N and eight digits, e.g. W06000003)");
            if (!await db.Councils.AnyAsync(c => c.Code == owner, ct))
                throw new UsageException($"--council {owner}: no such council in the store (ingest councils.csv first)");
        }
        var secret = ApiKeyText.NewSecret();
        var row = new ApiKeyRow
        {
            CouncilCode = scope == KeyScope.ConsortiumRead ? "" : owner,
            ConsortiumId = scope == KeyScope.ConsortiumRead ? owner : null,
            KeyHash = hasher.Hash(secret),
            Label = name,
            Scope = scope.Key(),
            CreatedAt = now,
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return (row.Id, ApiKeyText.Format(row.Id, secret));
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken ct = default) =>
        (await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct)).Select(Info).ToList();

    /// <summary>Revokes key <paramref name="id"/>; false when there is no such key.</summary>
    public async Task<bool> RevokeAsync(long id, DateTimeOffset now, CancellationToken ct = default)
    {
        var row = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (row is null) return false;
        row.RevokedAt ??= now;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static ApiKeyInfo Info(ApiKeyRow r)
    {
        KeyScopes.TryParse(r.Scope, out var scope);
        return new ApiKeyInfo(r.Id, r.Label, r.ConsortiumId ?? r.CouncilCode, scope, r.CreatedAt, r.LastUsedAt, r.RevokedAt);
    }
}
