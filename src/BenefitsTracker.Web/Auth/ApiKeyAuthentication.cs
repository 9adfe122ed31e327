using System.Text.Encodings.Web;
using BenefitsTracker.Application.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BenefitsTracker.Web.Auth;

/// <summary>
/// The <c>X-Api-Key</c> header. No key or a wrong one: 401 as ProblemDetails; a key whose scope does not reach
/// the route: 403 as ProblemDetails.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey", Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0) return AuthenticateResult.NoResult();
        var key = await verifier.VerifyAsync(values[0], Context.RequestAborted);
        return key is null
            ? AuthenticateResult.Fail("the API key is not known, or was revoked")
            : AuthenticateResult.Success(new AuthenticationTicket(KeyClaims.ToPrincipal(key, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status401Unauthorized, "An API key is needed",
            Request.Headers.ContainsKey(Header)
                ? "The X-Api-Key header does not hold a valid key (unknown, mistyped or revoked). Make one with `benefits apikey create`."
                : "Send a key in the X-Api-Key header. Make one with `benefits apikey create --council GSS`.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "This key may not do that",
            "The key's scope does not reach this route.");
}
