using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BenefitsTracker.Web.Tests;

/// <summary>Rows of a sample CSV as JSON objects (empty cells left out), and the bodies made of them.</summary>
public static class Rows
{
    public static List<JsonObject> FromCsv(string path, Func<Dictionary<string, string>, bool> keep)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var rows = new List<JsonObject>();
        foreach (var line in lines.Skip(1))
        {
            // The sample files hold no quoted fields.
            var cells = line.Split(',');
            var row = header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
            if (!keep(row)) continue;
            var obj = new JsonObject();
            foreach (var (k, v) in row) if (v.Length > 0) obj[k] = v;
            rows.Add(obj);
        }
        return rows;
    }

    public static StringContent JsonArray(IEnumerable<JsonObject> rows) =>
        new(new JsonArray(rows.Select(r => (JsonNode)r.DeepClone()).ToArray()).ToJsonString(), Encoding.UTF8, "application/json");

    public static StringContent Ndjson(IEnumerable<JsonObject> rows) =>
        new(string.Concat(rows.Select(r => r.ToJsonString() + "\n")), Encoding.UTF8, "application/x-ndjson");

    /// <summary>A CSV file of the rows of <paramref name="source"/> that <paramref name="keep"/> keeps.</summary>
    public static string FilterCsv(string source, string target, Func<string[], bool> keep)
    {
        var lines = File.ReadAllLines(source);
        File.WriteAllLines(target, lines.Take(1).Concat(lines.Skip(1).Where(l => keep(l.Split(',')))));
        return target;
    }

    /// <summary>A manifest without what differs between two runs of the same figures: when, and from which files.</summary>
    public static string Figures(string manifest)
    {
        var node = JsonNode.Parse(manifest)!.AsObject();
        node.Remove("generated_at");
        node.Remove("inputs");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
