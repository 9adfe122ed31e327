using System.Globalization;

namespace BenefitsTracker.Core.Assumptions;

/// <summary>
/// Reads a GDP deflator file (docs/assumptions.md, "Real prices"): lines starting with <c>#</c> are notes, one
/// of which must be <c># release: ...</c> naming the release; then the header <c>financial_year,index,source</c>
/// and one row per year ("2024-25", a positive number, and where that figure came from). Anything else is
/// refused with its line number, never read as a zero.
/// </summary>
public static class DeflatorSeriesReader
{
    private const string ReleaseNote = "release:";

    /// <summary>Parses the file's text; <paramref name="name"/> is the file's name, for messages.</summary>
    /// <exception cref="FormatException">The text is not a deflator series; the message names the line.</exception>
    public static DeflatorSeries Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? release = null;
        var index = new Dictionary<FinancialYear, decimal>();
        var header = false;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var at = $"{name} line {i + 1}";
            if (line.Length == 0) continue;
            if (line.StartsWith('#'))
            {
                var note = line[1..].Trim();
                if (note.StartsWith(ReleaseNote, StringComparison.OrdinalIgnoreCase)) release = note[ReleaseNote.Length..].Trim();
                continue;
            }
            if (!header)
            {
                if (!line.StartsWith("financial_year,index", StringComparison.Ordinal))
                    throw new FormatException($"{at}: expected the header 'financial_year,index,source', found '{line}'");
                header = true;
                continue;
            }
            var cells = line.Split(',', 3);
            if (cells.Length < 2) throw new FormatException($"{at}: expected 'financial_year,index,source', found '{line}'");
            if (!FinancialYear.TryParse(cells[0].Trim(), out var year))
                throw new FormatException($"{at}: '{cells[0].Trim()}' is not a financial year; write it as HM Treasury does, e.g. 2024-25");
            if (!decimal.TryParse(cells[1].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0m)
                throw new FormatException($"{at}: the index for {year} must be a positive number, found '{cells[1].Trim()}'");
            if (!index.TryAdd(year, value)) throw new FormatException($"{at}: {year} is given twice");
        }
        if (string.IsNullOrWhiteSpace(release))
            throw new FormatException($"{name}: no '# release: ...' line naming the release the figures came from");
        if (!header) throw new FormatException($"{name}: no 'financial_year,index,source' header");
        return new DeflatorSeries(release, index);
    }
}
