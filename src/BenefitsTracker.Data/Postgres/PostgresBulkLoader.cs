using System.Text;
using BenefitsTracker.Data.Bulk;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace BenefitsTracker.Data.Postgres;

/// <summary>
/// PostgreSQL's fast path. Events go in chunks through binary COPY straight into usage_events, after their ids are
/// claimed (<see cref="PostgresEventWriter"/>); the usage rollups are merged once per file (<see cref="SettleEvents"/>). Cases and cost lines, whose per-row outcome the caller needs (a case that
/// closes a stored open one), go through prepared statements. Everything runs inside the transaction the caller
/// opened on the context's connection, so a file's rows, rollups and registry entry commit or vanish together.
/// </summary>
internal sealed class PostgresBulkLoader : IBulkLoader
{
    private readonly NpgsqlConnection _connection;
    private readonly string _connectionString;
    private PostgresEventWriter? _events;
    private NpgsqlCommand? _case, _closeCase, _cost, _contact;

    public PostgresBulkLoader(BenefitsDbContext context)
    {
        _connection = (NpgsqlConnection)context.Database.GetDbConnection();
        if (_connection.State != System.Data.ConnectionState.Open) throw new InvalidOperationException("the connection is not open");
        _connectionString = context.Database.GetConnectionString() ?? throw new InvalidOperationException("no connection string");
    }

    public bool StagesEvents => true;

    public bool AddEvent(in EventRecord r)
    {
        (_events ??= new PostgresEventWriter(_connection, _connectionString, r.FileId)).Add(r);
        return true;
    }

    public StagedEvents SettleEvents(RollupDelta asStaged)
    {
        if (_events is null) return new StagedEvents(0, []);
        var (delta, duplicates, councils) = _events.Settle(asStaged);
        _events.Dispose();
        _events = null;
        MergeRollups(delta);
        return new StagedEvents(duplicates, councils);
    }

    /// <summary>usage_events_yYYYYmMM: one partition per UTC month.</summary>
    internal static string PartitionName(DateOnly month) => $"usage_events_y{month.Year:0000}m{month.Month:00}";

    public CaseOutcome AddCase(in CaseRecord r, out OpenCaseClosed wasOpen)
    {
        wasOpen = default;
        var insert = _case ??= Prepare(
            "INSERT INTO cases (council_code, case_id, service, channel, case_type, received_at, closed_at, officer_minutes_hundredths, officer_grade, file_id) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (council_code, case_id) DO NOTHING",
            NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
            NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz, NpgsqlDbType.Bigint, NpgsqlDbType.Varchar, NpgsqlDbType.Bigint);
        Bind(insert, r);
        if (insert.ExecuteNonQuery() == 1) return CaseOutcome.Inserted;
        if (r.ClosedAtMs is null) return CaseOutcome.Duplicate;

        // Stored open and now closed: the later export wins, and the open case's month is handed back.
        var close = _closeCase ??= Prepare(
            "UPDATE cases c SET service = $3, channel = $4, case_type = $5, received_at = $6, closed_at = $7, officer_minutes_hundredths = $8, " +
            "officer_grade = $9, file_id = $10 FROM (SELECT id, service, received_at FROM cases WHERE council_code = $1 AND case_id = $2 " +
            "AND closed_at IS NULL FOR UPDATE) o WHERE c.id = o.id RETURNING o.service, o.received_at",
            NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
            NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz, NpgsqlDbType.Bigint, NpgsqlDbType.Varchar, NpgsqlDbType.Bigint);
        Bind(close, r);
        using var reader = close.ExecuteReader();
        if (!reader.Read()) return CaseOutcome.Duplicate;
        var received = reader.GetFieldValue<DateTime>(1);
        wasOpen = new OpenCaseClosed(reader.GetString(0), (received.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond);
        return CaseOutcome.ClosedOpenCase;
    }

    private static void Bind(NpgsqlCommand c, in CaseRecord r)
    {
        var p = c.Parameters;
        p[0].Value = Str(r.CouncilCode);
        p[1].Value = Str(r.CaseId);
        p[2].Value = Str(r.Service);
        p[3].Value = Str(r.Channel);
        p[4].Value = Str(r.CaseType);
        p[5].Value = Instant(r.ReceivedAtMs);
        p[6].Value = r.ClosedAtMs is { } closed ? Instant(closed) : DBNull.Value;
        p[7].Value = r.OfficerMinutesHundredths is { } minutes ? minutes : DBNull.Value;
        p[8].Value = Str(r.OfficerGrade);
        p[9].Value = r.FileId;
    }

    public bool AddCostLine(in CostRecord r)
    {
        // A line the same in every field as one stored (from this file or an earlier one) is a duplicate;
        // IS NOT DISTINCT FROM compares NULLs as equal, as SQLite's IS does.
        var s = _cost ??= Prepare(
            "INSERT INTO cost_lines (council_code, consortium, service, category, period_start, period_end, amount, cashable, reference, description, file_id) " +
            "SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 WHERE NOT EXISTS (SELECT 1 FROM cost_lines WHERE council_code IS NOT DISTINCT FROM $1 " +
            "AND consortium IS NOT DISTINCT FROM $2 AND service IS NOT DISTINCT FROM $3 AND category = $4 AND period_start = $5 AND period_end = $6 " +
            "AND amount = $7 AND cashable = $8 AND reference IS NOT DISTINCT FROM $9 AND description IS NOT DISTINCT FROM $10)",
            NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Date, NpgsqlDbType.Date,
            NpgsqlDbType.Numeric, NpgsqlDbType.Boolean, NpgsqlDbType.Varchar, NpgsqlDbType.Text, NpgsqlDbType.Bigint);
        var p = s.Parameters;
        p[0].Value = Str(r.CouncilCode);
        p[1].Value = Str(r.ConsortiumId);
        p[2].Value = Str(r.Service);
        p[3].Value = Str(r.Category);
        p[4].Value = r.PeriodStart;
        p[5].Value = r.PeriodEnd;
        p[6].Value = r.AmountPence / 100m;
        p[7].Value = r.Cashable;
        p[8].Value = Str(r.Reference);
        p[9].Value = Str(r.Description);
        p[10].Value = r.FileId;
        return s.ExecuteNonQuery() == 1;
    }

    public void AddContact(in ContactRecord r)
    {
        var s = _contact ??= Prepare(
            "INSERT INTO contact_events (council_code, service, user_ref, channel, kind, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)",
            NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.TimestampTz);
        var p = s.Parameters;
        p[0].Value = Str(r.CouncilCode);
        p[1].Value = Str(r.Service);
        p[2].Value = Str(r.UserRef);
        p[3].Value = Str(r.Channel);
        p[4].Value = r.Kind;
        p[5].Value = Instant(r.OccurredAtMs);
        s.ExecuteNonQuery();
    }

    /// <summary>Each rollup table's delta in one statement, its rows passed as arrays and unnested.</summary>
    public void MergeRollups(RollupDelta delta)
    {
        if (delta.Usage.Count > 0)
        {
            using var c = Command(
                "INSERT INTO usage_rollups AS r (council_code, service, channel, month, completed, started, failed, other, ratings, satisfied) " +
                "SELECT * FROM unnest(@a, @b, @c, @d, @e, @f, @g, @h, @i, @j) " +
                "ON CONFLICT (council_code, service, channel, month) DO UPDATE SET completed = r.completed + excluded.completed, " +
                "started = r.started + excluded.started, failed = r.failed + excluded.failed, other = r.other + excluded.other, " +
                "ratings = r.ratings + excluded.ratings, satisfied = r.satisfied + excluded.satisfied");
            var rows = delta.Usage.ToList();
            c.Parameters.AddWithValue("a", rows.Select(x => x.Key.CouncilCode).ToArray());
            c.Parameters.AddWithValue("b", rows.Select(x => x.Key.Service).ToArray());
            c.Parameters.AddWithValue("c", rows.Select(x => x.Key.Channel).ToArray());
            c.Parameters.AddWithValue("d", rows.Select(x => MonthStart(x.Key.Month)).ToArray());
            c.Parameters.AddWithValue("e", rows.Select(x => x.Value.Completed).ToArray());
            c.Parameters.AddWithValue("f", rows.Select(x => x.Value.Started).ToArray());
            c.Parameters.AddWithValue("g", rows.Select(x => x.Value.Failed).ToArray());
            c.Parameters.AddWithValue("h", rows.Select(x => x.Value.Other).ToArray());
            c.Parameters.AddWithValue("i", rows.Select(x => x.Value.Ratings).ToArray());
            c.Parameters.AddWithValue("j", rows.Select(x => x.Value.Satisfied).ToArray());
            c.ExecuteNonQuery();
        }
        if (delta.ClosedCases.Count > 0)
        {
            using var c = Command(
                "INSERT INTO closed_case_rollups AS r (council_code, service, month, grade, minutes_hundredths, count) " +
                "SELECT * FROM unnest(@a, @b, @c, @d, @e, @f) " +
                "ON CONFLICT (council_code, service, month, grade, minutes_hundredths) DO UPDATE SET count = r.count + excluded.count");
            var rows = delta.ClosedCases.ToList();
            c.Parameters.AddWithValue("a", rows.Select(x => x.Key.CouncilCode).ToArray());
            c.Parameters.AddWithValue("b", rows.Select(x => x.Key.Service).ToArray());
            c.Parameters.AddWithValue("c", rows.Select(x => MonthStart(x.Key.Month)).ToArray());
            c.Parameters.AddWithValue("d", rows.Select(x => x.Key.Grade).ToArray());
            c.Parameters.AddWithValue("e", rows.Select(x => x.Key.MinutesHundredths).ToArray());
            c.Parameters.AddWithValue("f", rows.Select(x => x.Value).ToArray());
            c.ExecuteNonQuery();
        }
        if (delta.OpenCases.Count > 0)
        {
            using var c = Command(
                "INSERT INTO open_case_rollups AS r (council_code, service, month, count) SELECT * FROM unnest(@a, @b, @c, @d) " +
                "ON CONFLICT (council_code, service, month) DO UPDATE SET count = r.count + excluded.count");
            var rows = delta.OpenCases.ToList();
            c.Parameters.AddWithValue("a", rows.Select(x => x.Key.CouncilCode).ToArray());
            c.Parameters.AddWithValue("b", rows.Select(x => x.Key.Service).ToArray());
            c.Parameters.AddWithValue("c", rows.Select(x => MonthStart(x.Key.Month)).ToArray());
            c.Parameters.AddWithValue("d", rows.Select(x => x.Value).ToArray());
            c.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        // An import not completed is cancelled on dispose; the file's transaction is then rolled back by the caller.
        _events?.Dispose();
        _case?.Dispose();
        _closeCase?.Dispose();
        _cost?.Dispose();
        _contact?.Dispose();
        _events = null;
        _case = _closeCase = _cost = _contact = null;
    }

    private static DateOnly MonthStart(int key) => new(key / 100, key % 100, 1);

    private static DateTime Instant(long ms) => DateTime.UnixEpoch.AddTicks(ms * TimeSpan.TicksPerMillisecond);

    private static object Str(ReadOnlySpan<byte> utf8) => utf8.IsEmpty ? DBNull.Value : Encoding.UTF8.GetString(utf8);

    private NpgsqlCommand Command(string sql)
    {
        // Set-based statements over a million staged rows can outlast the default 30 s on a slow machine.
        return new NpgsqlCommand(sql, _connection) { CommandTimeout = 0 };
    }

    private NpgsqlCommand Prepare(string sql, params NpgsqlDbType[] types)
    {
        var c = new NpgsqlCommand(sql, _connection);
        foreach (var t in types) c.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = t });
        c.Prepare();
        return c;
    }
}
