namespace BenefitsTracker.Core.Assumptions;

/// <summary>
/// An assumptions file that cannot be used as written. <see cref="Path"/> is the key that is wrong,
/// dotted as in the file (e.g. <c>services.garden-waste.baseline.from</c>, <c>unit_costs_gbp.post</c>),
/// so that a person can find it; the message says what is wrong and starts with the same path.
/// </summary>
public sealed class AssumptionsException : Exception
{
    /// <summary>The value at <paramref name="path"/> (dotted; empty for the whole document) is wrong as <paramref name="problem"/> says.</summary>
    public AssumptionsException(string path, string problem)
        : base(path.Length == 0 ? $"Assumptions: {problem}" : $"Assumptions, {path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>As the two-argument constructor, keeping the error that showed the problem (a JSON reader's, say).</summary>
    /// <param name="path">The dotted key path; empty for the whole document.</param>
    /// <param name="problem">What is wrong, without the path.</param>
    /// <param name="inner">The error that showed it.</param>
    public AssumptionsException(string path, string problem, Exception inner)
        : base(path.Length == 0 ? $"Assumptions: {problem}" : $"Assumptions, {path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The dotted key path of the offending value; empty for the document as a whole.</summary>
    public string Path { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; }
}
