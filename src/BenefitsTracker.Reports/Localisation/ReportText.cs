using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Reports.Formatting;

namespace BenefitsTracker.Reports.Localisation;

/// <summary>
/// The one resource set for what a reader sees (issue 15): every reader-visible string of the page, the charts, the
/// dashboard and the CLI's report summary is looked up here by key, from one embedded file per language
/// (Localisation/Strings.en.json, Strings.cy.json) that share their keys. A value may hold named placeholders,
/// "{name}", filled by <see cref="F"/>; a language may order them as it needs.
/// </summary>
/// <remarks>
/// The machine runs with invariant globalization (no ICU culture data), so nothing here asks CultureInfo for a
/// language: month names and the words around figures come from the files. Numbers and money are written the
/// same way in Welsh as in English (£1,234.56, a true minus sign), so <see cref="Fmt"/> formats them for both.
/// Other outputs (the workbook) can add their own keys with their own prefix ("workbook.") to the same files.
/// </remarks>
public sealed class ReportText
{
    private static readonly Lazy<ReportText> English = new(() => new ReportText(ReportLanguage.En, Load(ReportLanguage.En)));
    private static readonly Lazy<ReportText> Welsh = new(() => new ReportText(ReportLanguage.Cy, Load(ReportLanguage.Cy)));

    private readonly FrozenDictionary<string, string> _strings;

    private ReportText(ReportLanguage language, IDictionary<string, string> strings)
    {
        Language = language;
        _strings = strings.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static ReportText En => English.Value;
    public static ReportText Cy => Welsh.Value;
    public static ReportText For(ReportLanguage language) => language == ReportLanguage.Cy ? Cy : En;

    public ReportLanguage Language { get; }
    public bool IsWelsh => Language == ReportLanguage.Cy;

    /// <summary>Every key of this language's file.</summary>
    public IReadOnlyCollection<string> Keys => _strings.Keys;

    /// <summary>The string for <paramref name="key"/>; a key missing from the file is a programming error and throws, naming it.</summary>
    public string this[string key] =>
        _strings.TryGetValue(key, out var value) ? value
        : throw new KeyNotFoundException($"The {Language.Code()} resource file has no string \"{key}\".");

    /// <summary>Whether the file has <paramref name="key"/> (for keys made from data, such as a channel or a line).</summary>
    public bool Has(string key) => _strings.ContainsKey(key);

    /// <summary>
    /// The string for <paramref name="key"/> with each "{name}" replaced by its value (invariant formatting for
    /// anything not already text). A placeholder the value names but no argument fills throws. A placeholder with forms
    /// gives the words for the number "name" instead of the number (docs/welsh-glossary.md, "Numbers and nouns"):
    /// <list type="bullet">
    /// <item>"{name|one|other}": "one" when it is 1, else "other" ("{months} {months|month|months}" → "1 month", "18 months").</item>
    /// <item>"{name|category:words|…|=5,7-10:words}": the words for the number's plural category in this language (English:
    /// one, other; Welsh, as CLDR: zero 0, one 1, two 2, few 3, many 6, other), where a form for exact numbers ("=5,7-10")
    /// comes first; "other" must be given. Welsh needs it where a numeral mutates the noun ("2 flynedd", "5 mlynedd").</item>
    /// <item>"{name|@noun}": the forms the file's key "plural.noun" gives, so that a noun's forms are written once.</item>
    /// </list>
    /// </summary>
    public string F(string key, params (string Name, object? Value)[] args) => Fill(key, this[key], args);

    /// <summary>A template not in the file filled as <see cref="F"/> fills a key's (for the tests of the forms).</summary>
    internal string Fill(string template, params (string Name, object? Value)[] args) => Fill("(a template)", template, args);

    private string Fill(string key, string template, (string Name, object? Value)[] args)
    {
        var sb = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0) { sb.Append(template, i, template.Length - i); break; }
            var close = template.IndexOf('}', open + 1);
            if (close < 0) throw new FormatException($"Unclosed placeholder in \"{key}\" ({Language.Code()}).");
            sb.Append(template, i, open - i);
            var name = template[(open + 1)..close];
            var forms = name.Split('|');
            name = forms[0];
            var found = false;
            foreach (var (n, v) in args)
            {
                if (n != name) continue;
                var text = v is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : v?.ToString();
                sb.Append(forms.Length == 1 ? text : Form(key, name, forms[1..], text));
                found = true;
                break;
            }
            if (!found) throw new FormatException($"No value for \"{{{name}}}\" in \"{key}\" ({Language.Code()}).");
            i = close + 1;
        }
        return sb.ToString();
    }

    /// <summary>
    /// The words for the number <paramref name="text"/> among <paramref name="forms"/> (the parts of "{name|…}" after its name;
    /// see <see cref="F"/>). A form that cannot be read throws, naming the key, so a mistake in a file is found by any use of it.
    /// </summary>
    private string Form(string key, string name, string[] forms, string? text)
    {
        string Where() => $"\"{{{name}|{string.Join('|', forms)}}}\" in \"{key}\" ({Language.Code()})";
        if (forms is [var reference] && reference.StartsWith('@'))
        {
            var plural = PluralPrefix + reference[1..];
            if (!_strings.TryGetValue(plural, out var given)) throw new FormatException($"{Where()}: the file has no \"{plural}\".");
            forms = given.Split('|');
            if (forms.Any(f => f.StartsWith('@'))) throw new FormatException($"{Where()}: \"{plural}\" refers to another key.");
        }
        if (!forms.Any(f => f.Contains(':', StringComparison.Ordinal)))
        {
            if (forms.Length != 2) throw new FormatException($"{Where()}: give {{n|one|other}} or {{n|category:words|…|other:words}}.");
            return text == "1" ? forms[0] : forms[1];
        }
        var number = Integer(text);
        string? category = null, exact = null, other = null;
        var wanted = number is { } k ? PluralCategory(k) : "other";
        foreach (var form in forms)
        {
            var colon = form.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) throw new FormatException($"{Where()}: \"{form}\" names no category (zero, one, two, few, many, other or =numbers).");
            var (selector, words) = (form[..colon], form[(colon + 1)..]);
            if (selector.StartsWith('='))
            {
                if (Numbers(selector[1..], Where).Contains(number ?? long.MinValue)) exact ??= words;
                continue;
            }
            if (!Categories(Language).Contains(selector))
                throw new FormatException($"{Where()}: \"{selector}\" is not a plural category of {Language.Code()} " +
                    $"({string.Join(", ", Categories(Language))}).");
            if (selector == "other") other = words;
            if (selector == wanted) category = words;
        }
        if (other is null) throw new FormatException($"{Where()}: give the \"other\" form.");
        return exact ?? category ?? other;
    }

    /// <summary>The key prefix of a noun's forms that a placeholder names as "@noun".</summary>
    private const string PluralPrefix = "plural.";

    /// <summary>The plural categories a language's forms may name (CLDR's cardinal categories).</summary>
    public static IReadOnlyList<string> Categories(ReportLanguage language) =>
        language == ReportLanguage.Cy ? ["zero", "one", "two", "few", "many", "other"] : ["one", "other"];

    /// <summary>
    /// The plural category of a whole number (CLDR's cardinal rules): English one for 1, else other; Welsh zero 0, one 1, two 2,
    /// few 3, many 6, else other (4, 5, 7 and on). Welsh's categories are the numerals that mutate a noun after them: "dau/dwy"
    /// (soft), "tri" and "chwe" (aspirate); the nasal mutation of "blynedd" and "diwrnod" is for exact numbers ("=5,7-10").
    /// </summary>
    public static string PluralCategory(ReportLanguage language, long n) => language == ReportLanguage.Cy
        ? n switch { 0 => "zero", 1 => "one", 2 => "two", 3 => "few", 6 => "many", _ => "other" }
        : n == 1 ? "one" : "other";

    private string PluralCategory(long n) => PluralCategory(Language, n);

    /// <summary>A value's text as a whole number ("1,512" → 1512, "5.0" → 5); null for anything else ("2.5", "n/a").</summary>
    private static long? Integer(string? text)
    {
        var plain = (text ?? "").Replace(",", "", StringComparison.Ordinal);
        if (long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue ? (long)d : null;
    }

    /// <summary>"5,7-10,15" → 5, 7, 8, 9, 10, 15 (an exact form's numbers).</summary>
    private static HashSet<long> Numbers(string list, Func<string> where)
    {
        var set = new HashSet<long>();
        foreach (var part in list.Split(','))
        {
            var dash = part.IndexOf('-', 1);
            var (low, high) = dash < 0 ? (part, part) : (part[..dash], part[(dash + 1)..]);
            if (!long.TryParse(low, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a)
                || !long.TryParse(high, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b) || b < a || b - a > 10_000)
                throw new FormatException($"{where()}: \"={list}\" is not a list of numbers (\"=5,7-10\").");
            for (var i = a; i <= b; i++) set.Add(i);
        }
        return set;
    }

    /// <summary>The placeholders a template names, for the tests: "{who} saved {amount}" → who, amount.</summary>
    public static IReadOnlySet<string> Placeholders(string template)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var open = template.IndexOf('{'); open >= 0; open = template.IndexOf('{', open + 1))
        {
            var close = template.IndexOf('}', open + 1);
            if (close > open) set.Add(template[(open + 1)..close].Split('|')[0]);
        }
        return set;
    }

    /// <summary>"January 2024" / "Ionawr 2024" (sentences).</summary>
    public string MonthLong(Month m) => this["month.long." + m.FirstDay.Month.ToString(CultureInfo.InvariantCulture)] + " " + Year(m);

    /// <summary>"Jan 2024" / "Ion 2024" (charts and tables).</summary>
    public string MonthShort(Month m) => this["month.short." + m.FirstDay.Month.ToString(CultureInfo.InvariantCulture)] + " " + Year(m);

    private static string Year(Month m) => m.FirstDay.Year.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>"January 2024 to June 2025" / "Ionawr 2024 i Mehefin 2025".</summary>
    public string Period(Month from, Month to) => F("common.period", ("from", MonthLong(from)), ("to", MonthLong(to)));

    /// <summary>A range of two already-formatted figures or months: "£1.00 to £2.00" / "£1.00 i £2.00".</summary>
    public string Range(string low, string high) => F("common.range", ("low", low), ("high", high));

    /// <summary>Money rounded for a sentence (<see cref="Fmt.About"/>): "about £113,600" / "tua £113,600".</summary>
    public string About(decimal pounds) => pounds == 0m ? "£0" : this["common.about"] + Fmt.About(pounds)["about ".Length..];

    /// <summary>A channel key as a label: face_to_face → "Face to face" / "Wyneb yn wyneb"; an unknown key made readable.</summary>
    public string Channel(string key) => Has("channel." + key) ? this["channel." + key] : Fmt.Channel(key);

    /// <summary>A channel in the middle of a sentence: "face to face" / "wyneb yn wyneb".</summary>
    public string ChannelLower(string key) => Channel(key).ToLowerInvariant();

    /// <summary>A benefit line's name: "Channel shift" / "Symud sianel".</summary>
    public string Line(BenefitLine line) => this["line." + line.Key()];

    /// <summary>A cost category's name: "Licence" / "Trwydded".</summary>
    public string Category(string key) => Has("category." + key) ? this["category." + key] : char.ToUpperInvariant(key[0]) + key[1..];

    /// <summary>A change in a rate in percentage points: "+30.0 points" / "+30.0 pwynt".</summary>
    public string Points(decimal change, int decimals = 1) => Fmt.Points(change, decimals)[..^" points".Length] + " " + this["common.points"];

    /// <summary>A list in words: "a, b and c" / "a, b ac c".</summary>
    public string Join(IReadOnlyList<string> items)
    {
        if (items.Count <= 1) return string.Join("", items);
        var last = items[^1];
        // Welsh "a" becomes "ac" before a vowel.
        var and = IsWelsh && last.Length > 0 && "aeiouwyAEIOUWY".Contains(last[0], StringComparison.Ordinal) ? "ac" : this["common.and"];
        return string.Join(", ", items.Take(items.Count - 1)) + " " + and + " " + last;
    }

    /// <summary>"Yes" / "Ie", "No" / "Na".</summary>
    public string YesNo(bool yes) => this[yes ? "common.yes" : "common.no"];

    private const string ResourcePrefix = "BenefitsTracker.Reports.Localisation.Strings.";

    /// <summary>Reads one language's embedded file: a JSON object of key to string; // comments allowed.</summary>
    internal static Dictionary<string, string> Load(ReportLanguage language)
    {
        var asm = typeof(ReportText).Assembly;
        using var stream = asm.GetManifestResourceStream(ResourcePrefix + language.Code() + ".json")
            ?? throw new InvalidOperationException($"The resource file Strings.{language.Code()}.json is not embedded.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream, new JsonSerializerOptions
        {
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        }) ?? [];
    }

    /// <summary>The file's text itself (for the tests: its first lines say it is to be checked).</summary>
    internal static string Raw(ReportLanguage language)
    {
        using var stream = typeof(ReportText).Assembly.GetManifestResourceStream(ResourcePrefix + language.Code() + ".json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
