namespace BenefitsTracker.Core.Model;

/// <summary>Whom a result is about.</summary>
/// <param name="Kind">A council or a consortium.</param>
/// <param name="Id">The council's GSS code or the consortium's id.</param>
/// <param name="Name">The name to show.</param>
public sealed record ReportScope(ScopeKind Kind, string Id, string Name);
