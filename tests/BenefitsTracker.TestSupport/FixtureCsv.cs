using System.Text;

namespace BenefitsTracker.TestSupport;

/// <summary>
/// A small CSV reader for test fixtures: a header row, columns by name, double-quoted fields where a
/// value holds a comma. Not a general-purpose parser; the fixtures are simple on purpose.
/// </summary>
public static class FixtureCsv
{
    /// <summary>Each data row as column name → value (empty string for an empty field).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) return [];
        var header = Split(lines[0]);
        var rows = new List<IReadOnlyDictionary<string, string>>(lines.Count - 1);
        for (var i = 1; i < lines.Count; i++)
        {
            var fields = Split(lines[i]);
            if (fields.Count != header.Count)
                throw new FormatException($"{path}, line {i + 1}: {fields.Count} fields where the header has {header.Count}");
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++) row[header[c]] = fields[c];
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>One line's fields: commas, double-quoted fields with quotes doubled inside.</summary>
    public static List<string> Split(string line) => Records(line + "\n")[0];

    /// <summary>
    /// Every record of a whole RFC 4180 text (an output, not a fixture): commas, quotes doubled inside quoted fields,
    /// CRLF between records, line breaks inside quoted fields kept.
    /// </summary>
    public static List<List<string>> Records(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else field.Append(ch);
        }
        return rows;
    }
}
