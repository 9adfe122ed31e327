namespace BenefitsTracker.Core.Model;

public enum ScopeKind { Council, Consortium }
