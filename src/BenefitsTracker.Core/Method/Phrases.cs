using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Core.Method;

/// <summary>Ways of putting the engine's phrases together that <see cref="Phrase"/> itself does not give.</summary>
public static class Phrases
{
    /// <summary>
    /// <paramref name="parts"/> joined by ", " (a list argument of a phrase is joined by "; "): the first, then the rest,
    /// each pair a phrase of code <c>list.comma</c>. Its English is the parts' English joined by ", ".
    /// </summary>
    public static Phrase Comma(IReadOnlyList<Phrase> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) return Phrase.Text("");
        if (parts.Count == 1) return parts[0];
        var rest = Comma([.. parts.Skip(1)]);
        return Phrase.Of("list.comma", $"{parts[0].English}, {rest.English}", ("first", parts[0]), ("rest", rest));
    }
}
