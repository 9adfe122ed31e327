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
    /// anything not already text). A placeholder the value names but no argument fills throws. "{name|one|other}" is the
    /// words for the number "name": "one" when it is 1, else "other" ("{months} {months|month|months}" → "1 month",
    /// "18 months"); English needs them, Welsh does not (a numeral takes the singular: "1 mis", "18 mis").
    /// </summary>
    public string F(string key, params (string Name, object? Value)[] args)
    {
        var template = this[key];
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
            if (forms.Length is not (1 or 3)) throw new FormatException($"\"{{{name}}}\" in \"{key}\" ({Language.Code()}): give {{n|one|other}}.");
            name = forms[0];
            var found = false;
            foreach (var (n, v) in args)
            {
                if (n != name) continue;
                var text = v is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : v?.ToString();
                sb.Append(forms.Length == 1 ? text : text == "1" ? forms[1] : forms[2]);
                found = true;
                break;
            }
            if (!found) throw new FormatException($"No value for \"{{{name}}}\" in \"{key}\" ({Language.Code()}).");
            i = close + 1;
        }
        return sb.ToString();
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
