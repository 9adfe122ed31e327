namespace BenefitsTracker.Core.Model;

/// <summary>Whether a result is one council's or a consortium's.</summary>
public enum ScopeKind
{
    /// <summary>One council, the sum of its services.</summary>
    Council,

    /// <summary>A consortium, the sum of its members.</summary>
    Consortium,
}
