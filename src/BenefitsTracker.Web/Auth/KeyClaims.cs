using System.Globalization;
using System.Security.Claims;
using BenefitsTracker.Application.Keys;

namespace BenefitsTracker.Web.Auth;

/// <summary>A key's principal as claims, and back: the API key header and the dashboard cookie carry the same.</summary>
internal static class KeyClaims
{
    public const string KeyId = "key_id", Scope = "scope", Council = "council", Consortium = "consortium", Name = "key_name";

    public static ClaimsPrincipal ToPrincipal(KeyPrincipal key, string scheme)
    {
        var claims = new List<Claim>
        {
            new(KeyId, key.Id.ToString(CultureInfo.InvariantCulture)),
            new(Scope, key.Scope.Key()),
        };
        if (key.CouncilCode is { } c) claims.Add(new Claim(Council, c));
        if (key.ConsortiumId is { } s) claims.Add(new Claim(Consortium, s));
        if (key.Name is { } n) claims.Add(new Claim(Name, n));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The key behind an authenticated user, or null for an anonymous one.</summary>
    public static KeyPrincipal? Key(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || !long.TryParse(user.FindFirst(KeyId)?.Value, CultureInfo.InvariantCulture, out var id)) return null;
        if (!KeyScopes.TryParse(user.FindFirst(Scope)?.Value, out var scope)) return null;
        return new KeyPrincipal(id, user.FindFirst(Name)?.Value, scope, user.FindFirst(Council)?.Value, user.FindFirst(Consortium)?.Value);
    }
}
