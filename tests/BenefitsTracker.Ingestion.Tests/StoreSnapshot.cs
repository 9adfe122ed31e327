using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>The store's content as canonical text, for "nothing changed" and "identical stores" assertions.</summary>
internal static class StoreSnapshot
{
    private static readonly string[] Tables =
    [
        "councils", "consortia", "services", "usage_events", "cases", "cost_lines", "assumption_sets", "ingested_files",
        "usage_rollups", "closed_case_rollups", "open_case_rollups", "contact_events",
    ];

    /// <param name="db">The store to read.</param>
    /// <param name="content">Leave out what names the source file (ids, file ids, the registry), so that the same rows from different files compare
    /// equal.</param>
    public static async Task<string> TakeAsync(BenefitsTracker.Data.BenefitsDbContext db, bool content = false)
    {
        var connection = db.Database.GetDbConnection();
        var sb = new StringBuilder();
        foreach (var table in Tables)
        {
            if (content && table is "ingested_files" or "assumption_sets") continue;
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT * FROM {table}";
            await using var reader = await cmd.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var fields = new List<string>();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var name = reader.GetName(i);
                    if (content && name is "id" or "file_id") continue;
                    fields.Add(name + "=" + Convert.ToString(reader.IsDBNull(i) ? "NULL" : reader.GetValue(i), CultureInfo.InvariantCulture));
                }
                rows.Add(string.Join("|", fields));
            }
            rows.Sort(StringComparer.Ordinal);
            sb.Append("## ").Append(table).Append(' ').Append(rows.Count).Append('\n');
            foreach (var r in rows) sb.Append(r).Append('\n');
        }
        return sb.ToString();
    }

    public static async Task<long> CountAsync(BenefitsTracker.Data.BenefitsDbContext db, string table)
    {
        await using DbCommand cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM {table}";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
