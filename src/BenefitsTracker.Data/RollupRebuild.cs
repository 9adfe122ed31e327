using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Data;

/// <summary>What a rebuild found: rollup cells that differed from the raw rows (added, changed or removed), per table.</summary>
public sealed record RollupDifferences(long Usage, long ClosedCases, long OpenCases, IReadOnlyList<string> Examples)
{
    public long Total => Usage + ClosedCases + OpenCases;
}

/// <summary>
/// Rebuilds the monthly rollups (usage, closed cases, open cases) from the raw rows, in one transaction, and says
/// which cells it had to correct. Ingest keeps the rollups in step, so a rebuild should find nothing; it is the
/// repair path after a hand fix to raw rows (docs/jobs.md, refresh-rollups). Months are UTC calendar months, as at
/// ingest (Month.Of).
/// </summary>
public static class RollupRebuild
{
    private const string Completed = "transaction_completed", Started = "transaction_started", Failed = "transaction_failed",
        Rating = "satisfaction_rating";

    public static async Task<RollupDifferences> RunAsync(BenefitsDbContext db, CancellationToken ct = default)
    {
        var postgres = db.Database.IsNpgsql();
        if (!postgres && !db.Database.IsSqlite())
            throw new NotSupportedException($"refresh-rollups has no rebuild for this store ({db.Database.ProviderName})");
        // The UTC month of an instant: yyyyMM from Unix ms on SQLite, the first of the month (date) from timestamptz on PostgreSQL.
        Func<string, string> month = postgres
            ? column => $"date_trunc('month', {column} AT TIME ZONE 'UTC')::date"
            : column => $"CAST(strftime('%Y%m', {column}_ms / 1000, 'unixepoch') AS INTEGER)";
        // PostgreSQL sums bigints as numeric: back to bigint, as the rollups hold them.
        Func<string, string> sum = postgres ? e => $"CAST(SUM({e}) AS bigint)" : e => $"SUM({e})";
        var rebuiltTable = postgres ? "rebuilt" : "temp.rebuilt";
        var tables = new[]
        {
            // Satisfaction ratings count as ratings given (and of 4 or 5, satisfied), not as other usage (as at ingest).
            new Table("usage_rollups", 4, "council_code, service, channel, month, completed, started, failed, other, ratings, satisfied",
                $"SELECT council_code, service, channel, {month("occurred_at")}, " +
                $"{sum($"CASE WHEN event_type = '{Completed}' THEN quantity ELSE 0 END")}, " +
                $"{sum($"CASE WHEN event_type = '{Started}' THEN quantity ELSE 0 END")}, " +
                $"{sum($"CASE WHEN event_type = '{Failed}' THEN quantity ELSE 0 END")}, " +
                $"{sum($"CASE WHEN event_type NOT IN ('{Completed}', '{Started}', '{Failed}', '{Rating}') THEN quantity ELSE 0 END")}, " +
                $"{sum($"CASE WHEN event_type = '{Rating}' THEN quantity ELSE 0 END")}, " +
                $"{sum($"CASE WHEN event_type = '{Rating}' AND rating >= 4 THEN quantity ELSE 0 END")} " +
                "FROM usage_events GROUP BY 1, 2, 3, 4",
                "NOT (completed = 0 AND started = 0 AND failed = 0 AND other = 0 AND ratings = 0 AND satisfied = 0)"),
            new Table("closed_case_rollups", 5, "council_code, service, month, grade, minutes_hundredths, count",
                $"SELECT council_code, service, {month("closed_at")}, COALESCE(officer_grade, ''), " +
                $"COALESCE(officer_minutes_hundredths, 0), COUNT(*) " +
                $"FROM cases WHERE {(postgres ? "closed_at" : "closed_at_ms")} IS NOT NULL GROUP BY 1, 2, 3, 4, 5",
                "count <> 0"),
            new Table("open_case_rollups", 3, "council_code, service, month, count",
                $"SELECT council_code, service, {month("received_at")}, COUNT(*) FROM cases WHERE " +
                $"{(postgres ? "closed_at" : "closed_at_ms")} IS NULL GROUP BY 1, 2, 3",
                "count <> 0"),
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var transaction = Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(tx);
        if (postgres)
            // Several nodes may ingest while this runs: an ingest merges its rollups under this lock, so it either
            // committed before (its raw rows are read here) or merges after the rebuild commits (and its rows were not).
            await ExecuteAsync(connection, transaction, "LOCK TABLE usage_rollups, closed_case_rollups, open_case_rollups IN EXCLUSIVE MODE", ct);
        var differences = new long[tables.Length];
        var examples = new List<string>();
        for (var i = 0; i < tables.Length; i++)
        {
            var t = tables[i];
            await ExecuteAsync(connection, transaction, postgres
                ? $"DROP TABLE IF EXISTS {rebuiltTable}; CREATE TEMP TABLE rebuilt ({t.Columns}) AS {t.Rebuild}"
                : $"DROP TABLE IF EXISTS {rebuiltTable}; CREATE TEMP TABLE rebuilt AS {t.Rebuild}", ct);
            var stored = $"SELECT {t.Columns} FROM {t.Name} WHERE {t.NonZero}";
            var rebuilt = $"SELECT * FROM {rebuiltTable}";
            // Cells the raw rows give that the rollup lacks or holds differently, and cells it holds that they do not.
            var diff = $"SELECT 'rebuilt', * FROM ({rebuilt} EXCEPT {stored}) AS a UNION ALL SELECT 'stored', * FROM ({stored} EXCEPT " +
                $"{rebuilt}) AS b";
            await using (var cmd = Command(connection, transaction, diff))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                // A changed cell appears on both sides; it is one difference (counted by its key).
                var keys = new HashSet<string>(StringComparer.Ordinal);
                while (await reader.ReadAsync(ct))
                {
                    if (keys.Add(string.Join('\u001f',
                        Enumerable.Range(1, t.KeyColumns)
                            .Select(c => Convert.ToString(reader.GetValue(c), System.Globalization.CultureInfo.InvariantCulture)))))
                        differences[i]++;
                    if (examples.Count < 10)
                    {
                        var values = Enumerable.Range(1, reader.FieldCount - 1)
                            .Select(c => Convert.ToString(reader.GetValue(c), System.Globalization.CultureInfo.InvariantCulture));
                        examples.Add($"{t.Name} ({(reader.GetString(0) == "rebuilt" ? "from the raw rows" : "was stored")}): " +
                            $"{string.Join(", ", values)}");
                    }
                }
            }
            if (differences[i] > 0)
                await ExecuteAsync(connection, transaction, $"DELETE FROM {t.Name}; INSERT INTO {t.Name} ({t.Columns}) {rebuilt}", ct);
            await ExecuteAsync(connection, transaction, $"DROP TABLE {rebuiltTable}", ct);
        }
        await tx.CommitAsync(ct);
        return new RollupDifferences(differences[0], differences[1], differences[2], examples);
    }

    private sealed record Table(string Name, int KeyColumns, string Columns, string Rebuild, string NonZero);

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return cmd;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var cmd = Command(connection, transaction, sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
