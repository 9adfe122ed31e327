using BenefitsTracker.Application.Keys;
using BenefitsTracker.Web.Auth;
using BenefitsTracker.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BenefitsTracker.Web.Dashboard;

/// <summary>
/// Who may read which dashboard page (docs/service.md, "The dashboard"). With Benefits:PublicDashboard true,
/// everyone reads every page. Otherwise a person signs in with a key at /login (an HttpOnly cookie, 8 hours):
/// a council key reads its council's page, a consortium-read key its consortium's page.
/// </summary>
public sealed class DashboardAccess(IOptions<ServiceOptions> options, ApiKeyVerifier verifier)
{
    public bool IsPublic => options.Value.PublicDashboard;

    /// <summary>The signed-in key, if its cookie is valid and the key not revoked since.</summary>
    public async Task<KeyPrincipal?> SignedInAsync(HttpContext context) =>
        context.User.Key() is { } key && await verifier.IsActiveAsync(key.Id, context.RequestAborted) ? key : null;

    public static bool MayReadCouncil(bool isPublic, KeyPrincipal? key, string gss) => isPublic || key?.CanReadCouncil(gss) == true;

    public static bool MayReadConsortium(bool isPublic, KeyPrincipal? key, string id) => isPublic || key?.CanReadConsortium(id) == true;
}
