using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
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
    public static void Translate(string source, string target, ReportText text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = new Translator(SheetNames(text), text);
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

    private static bool Part(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal);

    /// <summary>The text <paramref name="english"/> in the language, or null when no <c>workbook.text.*</c> key holds it.</summary>
    public static string? TranslateText(string english, ReportText text) => new Translator(new Dictionary<string, string>(), text).Text(english);

    private sealed class Translator
    {
        private readonly IReadOnlyDictionary<string, string> _sheets;
        private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
        private readonly List<(Regex English, string[] Names, string Template)> _patterns = [];
        private readonly Regex _quoted = new(@"'((?:[^']|'')+)'!", RegexOptions.CultureInvariant);
        private readonly Regex _bare = new(@"(?<![A-Za-z0-9_.'\]])([A-Za-z_][A-Za-z0-9_.]*)!", RegexOptions.CultureInvariant);
        private readonly Regex _footer = new(@"^&C(.*), page &P of &N$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        private readonly ReportText _text;

        public Translator(IReadOnlyDictionary<string, string> sheets, ReportText text)
        {
            _sheets = sheets;
            _text = text;
            var placeholder = new Regex(@"\{([a-z_]+)\}", RegexOptions.CultureInvariant);
            foreach (var key in ReportText.En.Keys.Where(k => k.StartsWith(TextPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var en = ReportText.En[key];
                var names = placeholder.Matches(en).Select(m => m.Groups[1].Value).ToArray();
                if (names.Length == 0)
                {
                    _exact[en] = text[key];
                    continue;
                }
                var parts = placeholder.Split(en);
                var sb = new StringBuilder("^");
                // Split with one capture group alternates literal text and placeholder names.
                for (var i = 0; i < parts.Length; i++) sb.Append(i % 2 == 0 ? Regex.Escape(parts[i]) : "(.+?)");
                sb.Append('$');
                _patterns.Add((new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline), names, text[key]));
            }
            // The longest English text first, so that a specific pattern wins over a general one.
            _patterns.Sort((a, b) => b.English.ToString().Length.CompareTo(a.English.ToString().Length));
        }

        public string? Text(string english)
        {
            if (_exact.TryGetValue(english, out var exact)) return exact;
            foreach (var (regex, names, template) in _patterns)
            {
                var m = regex.Match(english);
                if (!m.Success) continue;
                var args = names.Select((n, i) => (n, (object?)(Text(m.Groups[i + 1].Value) ?? m.Groups[i + 1].Value))).ToArray();
                return Fill(template, args);
            }
            return null;
        }

        private static string Fill(string template, (string Name, object? Value)[] args)
        {
            var result = template;
            foreach (var (name, value) in args) result = result.Replace("{" + name + "}", value?.ToString(), StringComparison.Ordinal);
            return result;
        }

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

        private static string Quote(string sheet) => "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'!";

        public bool Workbook(XDocument doc)
        {
            foreach (var sheet in doc.Descendants(Main + "sheet"))
                sheet.SetAttributeValue("name", Sheet((string)sheet.Attribute("name")!));
            foreach (var name in doc.Descendants(Main + "definedName")) name.Value = References(name.Value);
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
            foreach (var f in root.Descendants(Main + "f")) f.Value = References(f.Value);
            foreach (var f in root.Descendants().Where(e => e.Name == Main + "formula" || e.Name == Main + "formula1" || e.Name == Main + "formula2"))
                f.Value = References(f.Value);
            foreach (var link in root.Descendants(Main + "hyperlink"))
                if (link.Attribute("location") is { } location) location.Value = References(location.Value);
            foreach (var inline in root.Descendants(Main + "is")) TranslateItem(inline);
            var footers = root.Descendants().Where(e => e.Name == Main + "oddFooter" || e.Name == Main + "evenFooter" || e.Name == Main + "firstFooter");
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

        public bool AppProperties(XDocument doc)
        {
            foreach (var s in doc.Descendants(Vt + "lpstr"))
                if (_sheets.TryGetValue(s.Value, out var name)) s.Value = name;
            return true;
        }
    }
}
