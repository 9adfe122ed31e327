using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Reports.Workbook;

/// <summary>
/// savings.cy.xlsx (issue 15): the council workbook in another language, made from the saved English workbook so
/// that its figures, formulas and layout are the English one's exactly. Every sheet is renamed (the
/// <c>workbook.sheet.*</c> keys) and every reference to a sheet follows it: cell formulas (held back, streamed or
/// not), defined names, print titles, tables, conditional formats, data validation and internal links. Header rows,
/// titles and notes are translated through the <c>workbook.text.*</c> keys: a cell or table column whose English text
/// is a key's English value (with its "{name}" placeholders matching any text) becomes that key's value in the
/// language. Workbook-scoped names (unit_cost_web, deflator_index, ...) are identifiers and stay English, as do data
/// (service names, codes, dates) and any text no key holds.
/// </summary>
/// <remarks>
/// Working on the saved file, not in each sheet writer, means one place sees every formula, including those
/// <see cref="WorkbookStreamer"/> writes straight into the file, and the English workbook is untouched.
/// </remarks>
public static class WorkbookTranslation
{
    private const string SheetPrefix = "workbook.sheet.", TextPrefix = "workbook.text.";
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";

    /// <summary>Excel's limit on a sheet's name, and the characters it refuses in one.</summary>
    public const int MaxSheetName = 31;
    private static readonly char[] Forbidden = ['\\', '/', '?', '*', '[', ']', ':'];

    /// <summary>English sheet name → the language's, from the <c>workbook.sheet.*</c> keys.</summary>
    public static IReadOnlyDictionary<string, string> SheetNames(ReportText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var en = ReportText.En;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in en.Keys.Where(k => k.StartsWith(SheetPrefix, StringComparison.Ordinal)))
        {
            var name = text[key];
            if (name.Length is 0 or > MaxSheetName || name.IndexOfAny(Forbidden) >= 0 || name.StartsWith('\'') || name.EndsWith('\''))
                throw new InvalidOperationException($"\"{key}\" ({text.Language.Code()}) is not a valid sheet name: \"{name}\".");
            map[en[key]] = name;
        }
        return map;
    }

    /// <summary>
    /// Writes <paramref name="target"/>: <paramref name="source"/> (an English savings.xlsx) in <paramref name="text"/>'s language.
    /// </summary>
    /// <exception cref="InvalidOperationException">A sheet of the workbook has no name in the language.</exception>
    public static void Translate(string source, string target, ReportText text, CancellationToken ct = default) =>
        Translate(source, target, text, null, ct);

    /// <summary>
    /// As <see cref="Translate(string, string, ReportText, CancellationToken)"/>, with the sentences of
    /// <paramref name="result"/> that its English workbook holds and the report layer can write in the language
    /// (<see cref="ResultSentences"/>): the months without data, the engine's notes.
    /// </summary>
    public static void Translate(string source, string target, ReportText text, SavingsResult? result, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = new Translator(SheetNames(text), text, result is null ? null : ResultSentences(result, text));
        var full = Path.GetFullPath(target);
        var partial = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileNameWithoutExtension(full)}.{Environment.ProcessId}.partial.xlsx");
        try
        {
            File.Copy(source, partial, overwrite: true);
            using (var zip = ZipFile.Open(partial, ZipArchiveMode.Update))
            {
                foreach (var entry in zip.Entries.ToList())
                {
                    ct.ThrowIfCancellationRequested();
                    var name = entry.FullName;
                    Func<XDocument, bool>? edit =
                        name == "xl/workbook.xml" ? t.Workbook
                        : name == "xl/sharedStrings.xml" ? t.SharedStrings
                        : Part(name, "xl/worksheets/sheet") ? t.Worksheet
                        : Part(name, "xl/tables/table") ? t.Table
                        : name == "docProps/app.xml" ? t.AppProperties
                        : name == "xl/styles.xml" ? t.Styles
                        : null;
                    if (edit is null) continue;
                    XDocument doc;
                    using (var s = entry.Open()) doc = XDocument.Load(s, LoadOptions.PreserveWhitespace);
                    if (!edit(doc)) continue;
                    entry.Delete();
                    using var w = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                    doc.Save(w, SaveOptions.DisableFormatting);
                }
            }
            ct.ThrowIfCancellationRequested();
            File.Move(partial, full, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// English → the language for the sentences the workbook takes from <paramref name="result"/> and the report layer
    /// already writes in each language: the months without data (<see cref="CoverageText"/>, joined as the Summary sheet
    /// joins them), the engine's notes (<see cref="SavingsResult.NotePhrases"/>, <see cref="CoreText.Render"/>), and a
    /// counterfactual estimate's refusal and the note on its bounds (<see cref="CoreText.Refused"/>, <see cref="CoreText.BoundsNote"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ResultSentences(SavingsResult result, ReportText text)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(text);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in new[] { result }.Concat(result.Members))
        {
            if (CoverageText.Sentences(r) is { Count: > 0 } en)
                map.TryAdd(string.Join(" ", en), string.Join(" ", CoverageText.Sentences(r, text)));
            foreach (var note in r.NotePhrases) map.TryAdd(note.English, CoreText.Render(note, text));
            // The engine's sentences kept as phrases (issue 15): why an estimate was refused, the note on its bounds.
            foreach (var e in r.Counterfactual)
            {
                if (e.Refused is { } refused && CoreText.Refused(e, text) is { } reason) map.TryAdd(refused, reason);
                if (e.DeadweightNote is { } bounds && CoreText.BoundsNote(e, text) is { } said) map.TryAdd(bounds, said);
            }
        }
        foreach (var same in map.Where(p => p.Key == p.Value).Select(p => p.Key).ToList()) map.Remove(same);
        return map;
    }

    private static bool Part(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal);

    /// <summary>The text <paramref name="english"/> in the language, or null when no <c>workbook.text.*</c> key holds it.</summary>
    public static string? TranslateText(string english, ReportText text) => TextTranslator(text)(english);

    /// <summary>
    /// <see cref="TranslateText"/> for many texts: the keys are read once (benefits-register.cy.csv uses it, so that its
    /// text reads as the workbook's Benefits register sheet).
    /// </summary>
    public static Func<string, string?> TextTranslator(ReportText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var translator = new Translator(new Dictionary<string, string>(), text);
        return translator.Text;
    }

    private sealed class Translator
    {
        private readonly IReadOnlyDictionary<string, string> _sheets;
        private static readonly string[] WordPrefixes = ["channel.", "line.", "category.", "feed.", TextPrefix + "channel_", TextPrefix + "line_"];

        /// <summary>Keys of the page that hold words the workbook shows too: a name ending in "." is a prefix.</summary>
        private static readonly string[] SharedKeys =
        [
            "common.yes", "common.no", "common.na", "common.undefined", "card.payback.none", "kpi.met", "kpi.not_met", "appraisal.switching.none",
            "lines.all", "method.its", "method.peers", "method.name.", "comparison.population", "comparison.population.unknown", "assumption.",
            "disclosure.note", "disclosure.none_withheld", "disclosure.withheld",
        ];

        private readonly string _methods;
        private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _words = new(StringComparer.Ordinal);
        private readonly List<(Regex English, string[] Names, string Template)> _patterns = [];
        private readonly Regex _quoted = new(@"'((?:[^']|'')+)'!", RegexOptions.CultureInvariant);
        private readonly Regex _bare = new(@"(?<![A-Za-z0-9_.'\]])([A-Za-z_][A-Za-z0-9_.]*)!", RegexOptions.CultureInvariant);
        private readonly Regex _footer = new(@"^&C(.*), page &P of &N$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        private readonly ReportText _text;

        public Translator(IReadOnlyDictionary<string, string> sheets, ReportText text, IReadOnlyDictionary<string, string>? known = null)
        {
            _sheets = sheets;
            _text = text;
            // Words a text may hold in the middle of a sentence or header, in any case: channels, benefit lines and cost
            // categories ("Unit cost: web", "1 if channel shift counts as cashable"). Used only for a placeholder's part
            // or a fragment of a sentence, never for a whole cell, as a cell holding "web" alone is a code from the data.
            var wordKeys = ReportText.En.Keys.Where(k => WordPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)));
            foreach (var key in wordKeys.Order(StringComparer.Ordinal))
            {
                var (en, cy) = (ReportText.En[key], text[key]);
                _words.TryAdd(en, cy);
                _words.TryAdd(en.ToLowerInvariant(), cy.ToLowerInvariant());
            }
            foreach (var (english, translated) in known ?? new Dictionary<string, string>()) _exact.TryAdd(english, translated);
            _methods = string.Join("|", ReportText.En.Keys.Where(k => k.StartsWith("method.name.", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).Select(k => Regex.Escape(ReportText.En[k])));
            var placeholder = new Regex(@"\{([a-z_]+)\}", RegexOptions.CultureInvariant);
            // The workbook's own keys first; then the page's keys for the same words (Yes, n/a, met, the disclosure note).
            var keys = ReportText.En.Keys.Where(k => k.StartsWith(TextPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                .Concat(ReportText.En.Keys.Where(k => SharedKeys.Any(p => p.EndsWith('.') ? k.StartsWith(p, StringComparison.Ordinal) : k == p))
                    .Order(StringComparer.Ordinal));
            foreach (var key in keys)
            {
                var en = ReportText.En[key];
                var names = placeholder.Matches(en).Select(m => m.Groups[1].Value).ToArray();
                if (names.Length == 0)
                {
                    _exact.TryAdd(en, text[key]);
                    continue;
                }
                var parts = placeholder.Split(en);
                var sb = new StringBuilder("^");
                // Split with one capture group alternates literal text and placeholder names.
                for (var i = 0; i < parts.Length; i++) sb.Append(i % 2 == 0 ? Regex.Escape(parts[i]) : Capture(parts[i]));
                sb.Append('$');
                _patterns.Add((new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline), names, text[key]));
            }
            // The longest English text first, so that a specific pattern wins over a general one.
            _patterns.Sort((a, b) => b.English.ToString().Length.CompareTo(a.English.ToString().Length));
        }

        /// <summary>
        /// What a placeholder matches: "{ym...}" a month as 2024-01, "{n...}" a number, "{gss...}" a council code,
        /// "{akey...}" a key of the assumptions file, "{method...}" a counterfactual method's name, "{money...}" £1.50, "{item...}"
        /// a word or name without punctuation, any other name any text (the
        /// shortest that lets the rest match), so that "baseline {ym_from} to {ym_to}" matches no sentence but its own.
        /// </summary>
        private string Capture(string name) =>
            name.StartsWith("ym", StringComparison.Ordinal) ? @"(\d{4}-\d{2})"
            : name == "n" || name.StartsWith("n_", StringComparison.Ordinal) ? @"([−-]?\d[\d,.]*%?)"
            : name.StartsWith("gss", StringComparison.Ordinal) ? @"([A-Z]\d{8})"
            : name.StartsWith("akey", StringComparison.Ordinal) ? @"([a-z][A-Za-z0-9\-]*[._][A-Za-z0-9_.\-]*)"
            : name.StartsWith("method", StringComparison.Ordinal) ? "(" + _methods + ")"
            : name.StartsWith("money", StringComparison.Ordinal) ? @"([−-]?£[\d,]+(?:\.\d+)?)"
            : name.StartsWith("item", StringComparison.Ordinal) ? @"([^,;()£]+?)"
            : "(.+?)";

        /// <summary>
        /// The text in the language, or null when no key holds it: a key's English exactly; else a key with placeholders,
        /// each part put into the language in turn (or kept, as data); else, for a text of parts joined by "; ", each part;
        /// else, for a fragment of a sentence (a formula's literal with a space at an end, "web "), its words.
        /// </summary>
        public string? Text(string english)
        {
            if (_exact.TryGetValue(english, out var exact)) return exact;
            foreach (var (regex, names, template) in _patterns)
            {
                var m = regex.Match(english);
                if (!m.Success) continue;
                var args = names.Select((n, i) => (n, (object?)Part(m.Groups[i + 1].Value))).ToArray();
                return Fill(template, args);
            }
            if (english.Contains("; ", StringComparison.Ordinal))
            {
                var parts = english.Split("; ");
                var translated = parts.Select(p => Text(p) ?? List(p) ?? p).ToArray();
                return translated.SequenceEqual(parts, StringComparer.Ordinal) ? null : string.Join("; ", translated);
            }
            var core = english.Trim();
            if (core.Length > 0 && core.Length < english.Length && (Text(core) ?? Word(core)) is { } inner)
            {
                var at = english.IndexOf(core, StringComparison.Ordinal);
                return english[..at] + inner + english[(at + core.Length)..];
            }
            return null;
        }

        /// <summary>A placeholder's part: a text a key holds, a word, a list of either ("web £0.15, app £0.15"), or data as it is.</summary>
        private string Part(string english) => Text(english) ?? Word(english) ?? List(english) ?? english;

        /// <summary>A list joined by ", " with an item a key or a word holds ("web £0.15, app £0.15"), else null.</summary>
        private string? List(string english)
        {
            if (!english.Contains(", ", StringComparison.Ordinal)) return null;
            var items = english.Split(", ");
            var translated = items.Select(i => Text(i) ?? Word(i) ?? i).ToArray();
            return translated.SequenceEqual(items, StringComparer.Ordinal) ? null : string.Join(", ", translated);
        }

        private string? Word(string english) => _words.TryGetValue(english, out var word) ? word : null;

        /// <summary>
        /// The language's template filled as the page fills it (<see cref="ReportText.F"/>), so that a count's noun takes its
        /// numeral's form in the workbook too ("(2 fis)", "3 chyngor").
        /// </summary>
        private string Fill(string template, (string Name, object? Value)[] args) => _text.Fill(template, args);

        private string Sheet(string english) =>
            _sheets.TryGetValue(english, out var name) ? name
            : throw new InvalidOperationException(
                $"The sheet \"{english}\" has no name in {_text.Language.Code()} (add a \"{SheetPrefix}...\" key).");

        /// <summary>A formula or reference with every sheet named by its name in the language (quoted, as a name may have spaces).</summary>
        public string References(string formula)
        {
            var quoted = _quoted.Replace(formula, m =>
            {
                var english = m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal);
                return _sheets.TryGetValue(english, out var name) ? Quote(name) : m.Value;
            });
            return _bare.Replace(quoted, m => _sheets.TryGetValue(m.Groups[1].Value, out var name) ? Quote(name) : m.Value);
        }

        /// <summary>
        /// The string literals of a formula in the language, where a key holds them: the text results of IF ("n/a", "not
        /// within the period") and the parts of a sentence joined with &amp;. A literal compared with a cell or used as a
        /// criterion is a code from the data (a council code, a service slug, a cost category) that no key holds, so it stays.
        /// </summary>
        private string Literals(string formula, Dictionary<string, string> translated) =>
            formula.Contains('"', StringComparison.Ordinal)
                ? StringLiteral.Replace(formula, m =>
                {
                    var english = m.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal);
                    if (!Letter.IsMatch(english) || Text(english) is not { } text) return m.Value;
                    translated[english] = text;
                    return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                })
                : formula;

        /// <summary>
        /// A formula's cached text in the language: a text a key holds; one of the sheet's translated literals (an IF's
        /// result); else, for a sentence joined with &amp;, each English literal of the formula replaced in turn.
        /// </summary>
        private string? Cached(string english, XElement? formula, Dictionary<string, string> translated)
        {
            if (Text(english) is { } text) return text;
            if (translated.TryGetValue(english, out var literal)) return literal;
            if (formula is null || !formula.Value.Contains('&', StringComparison.Ordinal)) return null;
            var result = new StringBuilder();
            var at = 0;
            // The formula already holds the literals in the language: match them back to their English by position.
            foreach (Match m in StringLiteral.Matches(formula.Value))
            {
                var cy = m.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal);
                var en = translated.FirstOrDefault(p => p.Value == cy).Key;
                if (en is null || en == cy) continue;
                var found = english.IndexOf(en, at, StringComparison.Ordinal);
                if (found < 0) continue;
                result.Append(english, at, found - at).Append(cy);
                at = found + en.Length;
            }
            if (at == 0) return null;
            return result.Append(english, at, english.Length - at).ToString();
        }

        private static readonly Regex StringLiteral = new("\"((?:[^\"]|\"\")*)\"", RegexOptions.CultureInvariant);
        private static readonly Regex Letter = new("[A-Za-z]", RegexOptions.CultureInvariant);

        private static string Quote(string sheet) => "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'!";

        public bool Workbook(XDocument doc)
        {
            foreach (var sheet in doc.Descendants(Main + "sheet"))
                sheet.SetAttributeValue("name", Sheet((string)sheet.Attribute("name")!));
            foreach (var name in doc.Descendants(Main + "definedName"))
            {
                name.Value = References(name.Value);
                // Excel's Name Manager shows a name's comment ("Net benefit"); the name itself is an identifier and stays.
                if (name.Attribute("comment") is { } comment && Text(comment.Value) is { } translated) comment.Value = translated;
            }
            return true;
        }

        public bool SharedStrings(XDocument doc)
        {
            var changed = false;
            foreach (var si in doc.Root!.Elements(Main + "si"))
                changed |= TranslateItem(si);
            return changed;
        }

        /// <summary>A string item (&lt;si&gt; or &lt;is&gt;) of plain text: translated in place when a key holds it.</summary>
        private bool TranslateItem(XElement item)
        {
            var t = item.Element(Main + "t");
            if (t is null || item.Elements().Count() != 1 || Text(t.Value) is not { } translated) return false;
            t.Value = translated;
            if (translated.Length > 0 && (char.IsWhiteSpace(translated[0]) || char.IsWhiteSpace(translated[^1])))
                t.SetAttributeValue(XNamespace.Xml + "space", "preserve");
            return true;
        }

        public bool Worksheet(XDocument doc)
        {
            var root = doc.Root!;
            var literals = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var f in root.Descendants(Main + "f")) f.Value = Literals(References(f.Value), literals);
            // A formula's cached text (t="str"), so that a reader whose program does not recalculate sees it in the language too.
            foreach (var c in root.Descendants(Main + "c").Where(c => (string?)c.Attribute("t") == "str"))
                if (c.Element(Main + "v") is { } v && Cached(v.Value, c.Element(Main + "f"), literals) is { } cached) v.Value = cached;
            foreach (var f in root.Descendants().Where(e => e.Name == Main + "formula" || e.Name == Main + "formula1" || e.Name == Main + "formula2"))
                f.Value = References(f.Value);
            foreach (var link in root.Descendants(Main + "hyperlink"))
                if (link.Attribute("location") is { } location) location.Value = References(location.Value);
            foreach (var inline in root.Descendants(Main + "is")) TranslateItem(inline);
            var footers = root.Descendants()
                .Where(e => e.Name == Main + "oddFooter" || e.Name == Main + "evenFooter" || e.Name == Main + "firstFooter");
            foreach (var footer in footers)
            {
                var m = _footer.Match(footer.Value);
                if (!m.Success) continue;
                var sheet = m.Groups[1].Value.Replace("&&", "&", StringComparison.Ordinal);
                footer.Value = "&C" + _text.F("workbook.footer", ("sheet", Sheet(sheet).Replace("&", "&&", StringComparison.Ordinal)),
                    ("page", "&P"), ("pages", "&N"));
            }
            return true;
        }

        public bool Table(XDocument doc)
        {
            foreach (var column in doc.Descendants(Main + "tableColumn"))
                if (Text((string)column.Attribute("name")!) is { } name) column.SetAttributeValue("name", name);
            return true;
        }

        /// <summary>
        /// Text inside number formats: a flag shown as "Yes"/"No" is a 1 or 0 whose format says so
        /// (<c>"Yes";"Yes";"No"</c>), so the words are in the format's quoted literals.
        /// </summary>
        public bool Styles(XDocument doc)
        {
            var changed = false;
            foreach (var format in doc.Descendants(Main + "numFmt"))
            {
                if (format.Attribute("formatCode") is not { } code || !code.Value.Contains('"', StringComparison.Ordinal)) continue;
                var translated = StringLiteral.Replace(code.Value, m =>
                    Letter.IsMatch(m.Groups[1].Value) && Text(m.Groups[1].Value) is { } t ? "\"" + t + "\"" : m.Value);
                if (translated == code.Value) continue;
                code.Value = translated;
                changed = true;
            }
            return changed;
        }

        public bool AppProperties(XDocument doc)
        {
            foreach (var s in doc.Descendants(Vt + "lpstr"))
                if (_sheets.TryGetValue(s.Value, out var name)) s.Value = name;
            return true;
        }
    }
}
