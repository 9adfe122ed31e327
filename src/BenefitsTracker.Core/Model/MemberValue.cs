namespace BenefitsTracker.Core.Model;

/// <summary>A member's value of one assumption.</summary>
/// <param name="Code">The member's GSS code.</param>
/// <param name="Value">The value as text (numbers as in the file, lists comma-separated); null where the member does not run the service.</param>
public sealed record MemberValue(string Code, string? Value);
