using System.Net;
using System.Text.RegularExpressions;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Tests.Shared;

/// <summary>
/// Finds English left in a Welsh output: the one check behind the tests of the Welsh page, dashboard, workbook text and
/// phrases (linked into each test project that needs it, so the tests cannot drift apart in how they look).
/// </summary>
internal static class WelshCheck
{
    private static readonly char[] Trimmed = [' ', ',', '.', ';', ':', '(', ')', '\''];

    /// <summary>The text a reader sees in <paramref name="html"/>: style sheet and tags removed, entities decoded, white space collapsed.</summary>
    public static string PageText(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(
            Regex.Replace(Regex.Replace(html, "<style>.*?</style>", " ", RegexOptions.Singleline), "<[^>]+>", " ")), "\\s+", " ");

    /// <summary>
    /// As <see cref="PageText"/>, less what the page marks as English by design (<c>lang="en-GB"</c> on a span, a
    /// paragraph or the link to the same page in English): names and stored English that are not the resource set's.
    /// </summary>
    public static string WelshPageText(string html) =>
        PageText(Regex.Replace(html, "<(span|p|a)\\b[^>]*\\blang=\"en-GB\"[^>]*>.*?</\\1>", " ", RegexOptions.Singleline));

    /// <summary>
    /// The English of every resource key that differs in Welsh (only keys starting with one of <paramref name="prefixes"/>,
    /// when given), cut at its placeholders, found as whole words in <paramref name="text"/>; a fragment counts when it
    /// has at least <paramref name="minLength"/> characters and <paramref name="minWords"/> words (shorter ones, such as
    /// "web" or a month's abbreviation, are the same in both languages or are names). Each hit reads <c>key: "fragment"</c>.
    /// </summary>
    public static List<string> EnglishLeft(string text, int minLength, int minWords, params string[] prefixes)
    {
        var left = new List<string>();
        foreach (var key in ReportText.En.Keys)
        {
            if (prefixes.Length > 0 && !prefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal))) continue;
            var english = ReportText.En[key];
            if (english == ReportText.Cy[key]) continue;
            foreach (var part in Regex.Split(english, "\\{[a-z_0-9A-Z]+\\}"))
            {
                var fragment = part.Trim(Trimmed);
                if (fragment.Length < minLength || fragment.Split(' ').Length < minWords) continue;
                if (ContainsWholeWords(text, fragment)) left.Add($"{key}: \"{fragment}\"");
            }
        }
        return left;
    }

    /// <summary>Whether <paramref name="fragment"/> is in <paramref name="text"/> not as part of a longer word.</summary>
    internal static bool ContainsWholeWords(string text, string fragment)
    {
        for (var at = text.IndexOf(fragment, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(fragment, at + 1, StringComparison.Ordinal))
        {
            var end = at + fragment.Length;
            var startsWord = !IsWord(fragment[0]) || at == 0 || !IsWord(text[at - 1]);
            var endsWord = !IsWord(fragment[^1]) || end == text.Length || !IsWord(text[end]);
            if (startsWord && endsWord) return true;
        }
        return false;
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';
}
