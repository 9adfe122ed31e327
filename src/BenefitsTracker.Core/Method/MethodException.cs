namespace BenefitsTracker.Core.Method;

/// <summary>
/// The figures cannot be computed from these data and assumptions. The message says, in plain
/// English, what is missing and where; <see cref="Path"/> is the assumptions key to set, when the
/// remedy is there (e.g. <c>unit_costs_gbp.post</c>).
/// </summary>
public sealed class MethodException : Exception
{
    /// <summary>
    /// A problem described by <paramref name="message"/>; <paramref name="path"/> is the assumptions key that would fix
    /// it, if one would.
    /// </summary>
    public MethodException(string message, string? path = null) : base(message) => Path = path;

    /// <summary>The dotted assumptions key that would fix the problem, if one would; otherwise null.</summary>
    public string? Path { get; }
}
