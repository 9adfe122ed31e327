using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Assumptions;

/// <summary>
/// A council's estimated deadweight for one service, as the Application layer hands it to the
/// assumptions (Core does not reference the estimator): the value to use, or null with the reason
/// there is none, and in either case where it came from in words.
/// </summary>
/// <param name="Value">The estimated deadweight, 0 to 1; null where no estimate could be made.</param>
/// <param name="Source">Which method gave it and over which months, or why none could be made.</param>
public sealed record DeadweightEstimate(decimal? Value, string Source)
{
    /// <summary>An estimate whose source is a <see cref="Phrase"/> (its English is <see cref="Source"/>).</summary>
    public DeadweightEstimate(decimal? value, Phrase source) : this(value, source.English) => SourcePhrase = source;

    /// <summary><see cref="Source"/> as a phrase, for a report in another language; null when given as text only.</summary>
    public Phrase? SourcePhrase { get; init; }

    /// <summary>The estimate <paramref name="use"/> gave: its method, months after go-live and 95% interval.</summary>
    public static DeadweightEstimate From(CounterfactualEstimate use)
    {
        ArgumentNullException.ThrowIfNull(use);
        var (low, high) = (Phrase.Percent(use.DeadweightCi95!.Low), Phrase.Percent(use.DeadweightCi95.High));
        return new DeadweightEstimate(use.EstimatedDeadweight, Phrase.Of("deadweight.from_method",
            $"{use.MethodName}, over {use.MonthsAfter} {(use.MonthsAfter == 1 ? "month" : "months")} after go-live, 95% interval {low} to {high}",
            ("method", Method(use)), ("months", use.MonthsAfter), ("low", low), ("high", high)));
    }

    /// <summary>No estimate: every method refused, each with its reason.</summary>
    public static DeadweightEstimate Refused(IEnumerable<CounterfactualEstimate> refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        IReadOnlyList<Phrase> reasons = [.. refused.Select(e => Phrase.Of("deadweight.method_refused", $"{e.MethodName}: {e.Refused}",
            ("method", Method(e)), ("reason", e.RefusedReason ?? Phrase.Text(e.Refused ?? ""))))];
        return new DeadweightEstimate(null, Phrase.Of("deadweight.none_could",
            "no estimate could be made (" + string.Join("; ", reasons.Select(p => p.English)) + ")", ("reasons", reasons)));
    }

    /// <summary>The method's name as a phrase ("the comparison with peers"), so that a report can name it in its language.</summary>
    private static Phrase Method(CounterfactualEstimate e) => Phrase.Of("method." + e.Method, e.MethodName);
}
