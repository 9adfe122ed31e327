using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BenefitsTracker.Reports.OpenData;
using BenefitsTracker.TestSupport;

namespace BenefitsTracker.Reports.Tests;

/// <summary>
/// `benefits publish`: kpis.csv validated against its own CSVW metadata (columns and titles, required cells,
/// datatypes, patterns, the primary key), and the figures in it (numbers: <see cref="KpiExample"/>).
/// </summary>
public sealed class OpenDataTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_councils_csv_is_valid_against_its_metadata_and_carries_the_worked_figures()
    {
        using var dir = new TempDir();
        OpenDataWriter.Write(KpiExample.Council("2024-04", "2024-05"), dir.Path, At);
        var rows = Validate(dir.Path);

        string Value(string channel, string month, string measure) =>
            rows.Single(r => r["channel"] == channel && r["month"] == month && r["measure"] == measure)["value"];
        Assert.Equal("0.89", Value("all", "2024-04", "cost_per_transaction_gbp"));
        Assert.Equal("0.8", Value("all", "2024-04", "user_satisfaction"));
        Assert.Equal("20", Value("all", "2024-04", "ratings"));
        Assert.Equal("160", Value("web", "2024-04", "transactions"));
        Assert.Equal("40", Value("phone", "2024-04", "transactions"));
        Assert.Equal("0.9", rows.Single(r => r["month"] == "2024-04" && r["measure"] == "completion_rate")["target"]);
        // May 2024 is beyond the data: unknown, not zero.
        Assert.All(rows.Where(r => r["month"] == "2024-05"), r => Assert.Equal(("", "unknown"), (r["value"], r["marker"])));
    }

    [Fact]
    public void A_consortiums_csv_withholds_small_counts_and_stays_valid()
    {
        using var dir = new TempDir();
        OpenDataWriter.Write(KpiExample.Consortium(), dir.Path, At);
        var rows = Validate(dir.Path);
        var ratings = rows.Single(r => r["measure"] == "ratings");
        Assert.Equal(("25", ""), (ratings["value"], ratings["marker"]));
        Assert.Equal("north", ratings["organisation"]);
        Assert.Equal("460", rows.Single(r => r["channel"] == "web")["value"]);
        // Phone has 40 (shown); nothing small in the consortium's own rows.
        Assert.DoesNotContain(rows, r => r["marker"].StartsWith('<'));
    }

    [Fact]
    public void The_validator_catches_a_cell_that_breaks_the_metadata()
    {
        using var dir = new TempDir();
        OpenDataWriter.Write(KpiExample.Council(), dir.Path, At);
        var csv = Path.Combine(dir.Path, OpenDataWriter.CsvName);
        File.WriteAllText(csv, File.ReadAllText(csv).Replace(",2024-04,", ",2024-4,", StringComparison.Ordinal));
        var e = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Validate(dir.Path));
        Assert.Contains("month", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Checks kpis.csv against kpis.csv-metadata.json as a CSVW validator would for this table: the header is the
    /// columns' titles in order, every required cell is present, every non-null cell matches its datatype (string
    /// patterns in full, decimal, gYearMonth), and the primary key is unique. Returns the rows by column name.
    /// </summary>
    private static List<Dictionary<string, string>> Validate(string folder)
    {
        using var meta = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, OpenDataWriter.MetadataName)));
        var root = meta.RootElement;
        Assert.Equal("http://www.w3.org/ns/csvw", root.GetProperty("@context").GetString());
        Assert.Equal(OpenDataWriter.CsvName, root.GetProperty("url").GetString());
        var columns = root.GetProperty("tableSchema").GetProperty("columns").EnumerateArray().ToList();
        var lines = File.ReadAllText(Path.Combine(folder, root.GetProperty("url").GetString()!)).Split("\r\n");
        Assert.Equal("", lines[^1]);
        Assert.Equal(columns.Select(c => c.GetProperty("titles").GetString()), lines[0].Split(','));

        var rows = new List<Dictionary<string, string>>();
        foreach (var (line, n) in lines[1..^1].Select((l, i) => (l, i + 2)))
        {
            Assert.DoesNotContain('"', line);   // nothing here needs quoting, so a plain split is the CSV's reading
            var cells = line.Split(',');
            if (cells.Length != columns.Count) throw new Xunit.Sdk.XunitException($"line {n}: {cells.Length} cells, {columns.Count} columns");
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                var c = columns[i];
                var name = c.GetProperty("name").GetString()!;
                var cell = cells[i];
                row[name] = cell;
                var isNull = c.TryGetProperty("null", out var nul) ? cell == nul.GetString() : cell.Length == 0;
                if (isNull)
                {
                    if (c.GetProperty("required").GetBoolean()) throw new Xunit.Sdk.XunitException($"line {n}: {name} is required");
                    continue;
                }
                var datatype = c.GetProperty("datatype");
                var ok = datatype.ValueKind == JsonValueKind.Object
                    ? Regex.IsMatch(cell, $"^(?:{datatype.GetProperty("format").GetString()})$")
                    : datatype.GetString() switch
                    {
                        "string" => true,
                        "decimal" => decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                            CultureInfo.InvariantCulture, out _),
                        "gYearMonth" => Regex.IsMatch(cell, "^[0-9]{4}-(0[1-9]|1[0-2])$"),
                        var other => throw new Xunit.Sdk.XunitException($"datatype {other} is not checked here"),
                    };
                if (!ok) throw new Xunit.Sdk.XunitException($"line {n}: {name} '{cell}' is not a valid {datatype}");
            }
            rows.Add(row);
        }
        var key = root.GetProperty("tableSchema").GetProperty("primaryKey").EnumerateArray().Select(k => k.GetString()!).ToList();
        var duplicates = rows.GroupBy(r => string.Join('|', key.Select(k => r[k]))).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.NotEmpty(rows);
        return rows;
    }
}
