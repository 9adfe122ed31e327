namespace BenefitsTracker.Core.Model;

public sealed record ReportScope(ScopeKind Kind, string Id, string Name);
