namespace BenefitsTracker.Core.Disclosure;

/// <summary>
/// How one figure may appear in an output shared beyond one council (METHOD.md, v2: suppression labels).
/// </summary>
public enum Shown
{
    /// <summary>The figure itself.</summary>
    Value,
    /// <summary>Primary suppression: a count of 1 to threshold − 1, written "&lt;N".</summary>
    Small,
    /// <summary>
    /// Secondary suppression: hidden so that a small figure cannot be worked out from the others, written "[c]"
    /// (confidential, the GSS symbol).
    /// </summary>
    Confidential,
}
