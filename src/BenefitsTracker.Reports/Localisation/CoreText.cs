using System.Globalization;
using System.Net;
using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Reports.Localisation;

/// <summary>
/// Sentences the engine (Core) writes in English, put into the report's language at the report layer: the
/// disclosure note is rebuilt from the view's own figures; the engine's other sentences (its notes, why an estimate
/// was refused, why a report cannot be made) are kept as <see cref="Phrase"/>s and worded here (docs/welsh-phrases.md).
/// </summary>
internal static class CoreText
{
    /// <summary>The note every controlled output carries (<see cref="DisclosureView.Note"/>), in the report's language.</summary>
    public static string DisclosureNote(DisclosureView view, string english, ReportText T, SavingsResult result)
    {
        if (!T.IsWelsh && english.Length > 0) return english;
        string Name(string code) => result.Members.FirstOrDefault(m => m.Scope.Id == code)?.Scope.Name ?? code;
        var names = string.Join(", ", view.Members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{Name(m.Key)} {view.Symbol(m.Value)}"));
        var withheld = view.Members.Count == 0 ? T["disclosure.none_withheld"]
            : T.F("disclosure.withheld", ("count", view.Members.Count), ("names", names));
        return T.F("disclosure.note", ("threshold", view.Threshold), ("small", view.SmallSymbol), ("confidential", DisclosureView.ConfidentialSymbol),
            ("withheld", withheld));
    }

    /// <summary>
    /// A sentence the engine keeps as a <see cref="Phrase"/> (a refusal's reason, why real terms are withheld, where a
    /// deadweight came from) in the report's language, from the key <c>phrase.{code}</c>. Its values: a phrase is
    /// rendered in turn, a list of phrases joined by "; ", a month written as the sentence's language writes it
    /// (2024-01 in English, as the engine always has; "Ionawr 2024" in Welsh), anything else as given. A code with no
    /// key (a phrase made after this file was written) is shown as the engine wrote it.
    /// </summary>
    public static string Render(Phrase phrase, ReportText T)
    {
        if (!T.Has("phrase." + phrase.Code)) return phrase.English;
        return T.F("phrase." + phrase.Code, [.. phrase.Args.Select(a => (a.Key, (object?)Value(a.Value)))]);

        string Value(object value) => value switch
        {
            Phrase p => Render(p, T),
            IReadOnlyList<Phrase> list => string.Join("; ", list.Select(p => Render(p, T))),
            Month m => T.IsWelsh ? T.MonthLong(m) : m.ToString(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    /// <summary>The texts inside <paramref name="phrase"/> given as they are (<see cref="Phrase.Text"/>): English a Welsh page marks as
    /// such.</summary>
    public static IEnumerable<string> AsGiven(Phrase phrase)
    {
        if (phrase.Code == Phrase.TextCode) { yield return phrase.English; yield break; }
        foreach (var (_, value) in phrase.Args)
            foreach (var inner in value switch { Phrase p => [p], IReadOnlyList<Phrase> list => list, _ => [] })
                foreach (var text in AsGiven(inner))
                    yield return text;
    }

    /// <summary>
    /// An estimate's note on its bounds (<see cref="CounterfactualEstimate.DeadweightNotes"/>) as one sentence: its
    /// parts joined by "; ", the first letter capitalised, a full stop at the end (as the engine writes
    /// <see cref="CounterfactualEstimate.DeadweightNote"/>); null when there is none.
    /// </summary>
    public static string? BoundsNote(CounterfactualEstimate e, ReportText T)
    {
        if (e.DeadweightNotes.Count == 0) return e.DeadweightNote;
        var text = string.Join("; ", e.DeadweightNotes.Select(p => Render(p, T)));
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    /// <summary>Why an estimate was refused, in the report's language; null when it was not.</summary>
    public static string? Refused(CounterfactualEstimate e, ReportText T) => e.RefusedReason is { } p ? Render(p, T) : e.Refused;

    /// <summary>Where a deadweight asked to be estimated came from, in the report's language; null for an assumed number.</summary>
    public static string? DeadweightSource(ServiceAssumptions a, ReportText T) => a.DeadweightBasis is { } p ? Render(p, T) : a.DeadweightSource;

    /// <summary>Why real terms are not stated, in the report's language; null when they are.</summary>
    public static string? RealWithheld(AppraisalFigures a, ReportText T) =>
        a.RealWithheldReason is { } p ? Render(p, T) : a.RealWithheld;
}

/// <summary>
/// A <see cref="Phrase"/> in a report's language, for the outputs outside this assembly: the dashboard's messages (why a
/// period cannot be used, why a report cannot be made), the CLI's summary (the engine's notes).
/// </summary>
public static class ReportPhrases
{
    /// <summary>The phrase in <paramref name="T"/>'s language (<see cref="CoreText.Render"/>).</summary>
    public static string Render(Phrase phrase, ReportText T) => CoreText.Render(phrase, T);

    /// <summary>The texts inside the phrase given as they are, in no language's words (<see cref="CoreText.AsGiven"/>).</summary>
    public static IEnumerable<string> AsGiven(Phrase phrase) => CoreText.AsGiven(phrase);

    /// <summary>
    /// The phrase in <paramref name="T"/>'s language as escaped HTML, the texts it gives as they are marked as English on a
    /// page in another language (<see cref="MarkEnglish"/>).
    /// </summary>
    public static string Html(Phrase phrase, ReportText T) =>
        MarkEnglish(WebUtility.HtmlEncode(Render(phrase, T)), [.. AsGiven(phrase)], T);

    /// <summary>
    /// In a page not in English, each of <paramref name="english"/> inside already-escaped <paramref name="html"/> marked
    /// <c>lang="en-GB"</c>, so that a screen reader reads it as English (WCAG 3.1.2); an English page's HTML as it is.
    /// </summary>
    public static string MarkEnglish(string html, IEnumerable<string?> english, ReportText T)
    {
        if (!T.IsWelsh) return html;
        foreach (var part in english.OfType<string>().Where(p => p.Length > 0).Distinct())
            html = html.Replace(WebUtility.HtmlEncode(part), $"<span lang=\"en-GB\">{WebUtility.HtmlEncode(part)}</span>", StringComparison.Ordinal);
        return html;
    }
}
