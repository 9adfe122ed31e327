using System.Globalization;

namespace BenefitsTracker.Core.Model;

/// <summary>
/// A sentence the engine states about a result (why an estimate was refused, why real terms are withheld, where a
/// deadweight came from), kept in a form any language can render (issue 15): <see cref="Code"/> names its shape, and
/// <see cref="Args"/> its values, each a figure already formatted as the sentence shows it (text, a whole number, a
/// <see cref="Domain.Month"/>), another phrase, or a list of phrases. Core stays free of languages: the report layer
/// finds the words for the code (key <c>phrase.{Code}</c> in its resource files). <see cref="English"/> is the sentence
/// as Core has always written it, for the outputs that stay in English (manifest.json, the English workbook); a
/// test checks that the English resource renders every phrase to exactly this text.
/// </summary>
public sealed record Phrase
{
    private Phrase(string code, string english, IReadOnlyList<KeyValuePair<string, object>> args)
    {
        Code = code;
        English = english;
        Args = args;
    }

    /// <summary>The sentence's shape, as a key: "refused.before_go_live".</summary>
    public string Code { get; }

    /// <summary>The sentence in English, as the engine writes it where an output is in English only.</summary>
    public string English { get; }

    /// <summary>The sentence's values by name, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Args { get; }

    /// <summary>A phrase with its code, its English and its values.</summary>
    public static Phrase Of(string code, string english, params (string Name, object Value)[] args)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(english);
        foreach (var (name, value) in args)
            if (value is not (string or int or long or Domain.Month or Phrase or IReadOnlyList<Phrase>))
                throw new ArgumentException($"Phrase \"{code}\": the value of \"{name}\" is a {value?.GetType().Name ?? "null"}; " +
                    "give text (formatted as the sentence shows it), a whole number, a month, a phrase or a list of phrases.", nameof(args));
        return new Phrase(code, english, [.. args.Select(a => new KeyValuePair<string, object>(a.Name, a.Value))]);
    }

    /// <summary>
    /// Text given as it is, in no language's words (a data-quality finding's detail as the job stored it, a source
    /// supplied as text alone): code "text", rendered as the text in every language.
    /// </summary>
    public static Phrase Text(string text) => Of(TextCode, text, ("text", text));

    /// <summary>The code of <see cref="Text"/>.</summary>
    public const string TextCode = "text";

    /// <summary>A percentage as the engine's sentences write it: 0.042 → "4.2%" (up to two decimals).</summary>
    public static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <inheritdoc/>
    public override string ToString() => English;
}
