using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// The figures cannot be computed from these data and assumptions. The message says, in plain
/// English, what is missing and where; <see cref="Path"/> is the assumptions key to set, when the
/// remedy is there (e.g. <c>unit_costs_gbp.post</c>); <see cref="Reason"/> is the same sentence as a
/// <see cref="Phrase"/>, for a page in another language (the dashboard's <c>?lang=cy</c>, issue 15).
/// </summary>
public sealed class MethodException : Exception
{
    /// <summary>
    /// A problem described by <paramref name="message"/>; <paramref name="path"/> is the assumptions key that would fix
    /// it, if one would.
    /// </summary>
    public MethodException(string message, string? path = null) : base(message) => Path = path;

    /// <summary>
    /// A problem described by <paramref name="reason"/>: the message is its English, word for word; <paramref name="path"/>
    /// is the assumptions key that would fix it, if one would.
    /// </summary>
    public MethodException(Phrase reason, string? path = null) : base(reason?.English)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Reason = reason;
        Path = path;
    }

    /// <summary>The dotted assumptions key that would fix the problem, if one would; otherwise null.</summary>
    public string? Path { get; }

    /// <summary>
    /// The message as a phrase (its <see cref="Phrase.English"/> is <see cref="Exception.Message"/>); null when made from text alone.
    /// </summary>
    public Phrase? Reason { get; }
}
