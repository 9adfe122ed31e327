using System.Text;
using BenefitsTracker.Data.Bulk;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace BenefitsTracker.Data.Postgres;

/// <summary>
/// PostgreSQL's fast path. Events are streamed with binary COPY into a temporary staging table, then settled in
/// set-based SQL (<see cref="SettleEvents"/>): duplicates by event_id, the partitions they need, the raw rows, the
/// contact table and the usage rollups. Cases and cost lines, whose per-row outcome the caller needs (a case that
/// closes a stored open one), go through prepared statements. Everything runs inside the transaction the caller
/// opened on the context's connection, so a file's rows, rollups and registry entry commit or vanish together.
/// </summary>
internal sealed class PostgresBulkLoader : IBulkLoader
{
    private readonly NpgsqlConnection _connection;
    private readonly string _connectionString;
    private NpgsqlBinaryImporter? _events;
    private NpgsqlCommand? _case, _closeCase, _cost, _contact;
    private long _seq, _fileId, _withId;
    // The UTC months of the staged rows (yyyyMM), and the last one's bounds in Unix ms, so that most rows cost a compare.
    private readonly HashSet<int> _months = [];
    private long _monthFrom = long.MaxValue, _monthTo = long.MinValue;
    private char[] _chars = new char[256];

    public PostgresBulkLoader(BenefitsDbContext context)
    {
        _connection = (NpgsqlConnection)context.Database.GetDbConnection();
        if (_connection.State != System.Data.ConnectionState.Open) throw new InvalidOperationException("the connection is not open");
        _connectionString = context.Database.GetConnectionString() ?? throw new InvalidOperationException("no connection string");
    }

    public bool StagesEvents => true;

    public bool AddEvent(in EventRecord r)
    {
        var copy = _events ??= BeginStaging(r.FileId);
        copy.StartRow();
        copy.Write(++_seq, NpgsqlDbType.Bigint);
        if (!r.EventId.IsEmpty) _withId++;
        if (r.OccurredAtMs < _monthFrom || r.OccurredAtMs >= _monthTo) NoteMonth(r.OccurredAtMs);
        Text(copy, r.EventId);
        Text(copy, r.CouncilCode);
        Text(copy, r.Service);
        Text(copy, r.Channel);
        Text(copy, r.EventType);
        copy.Write(Instant(r.OccurredAtMs), NpgsqlDbType.TimestampTz);
        Text(copy, r.CaseId);
        Text(copy, r.UserRef);
        copy.Write(r.Quantity, NpgsqlDbType.Bigint);
        if (r.DurationSeconds is { } d) copy.Write(d, NpgsqlDbType.Double); else copy.WriteNull();
        if (r.Rating is { } rating) copy.Write(rating, NpgsqlDbType.Integer); else copy.WriteNull();
        return true;
    }

    private NpgsqlBinaryImporter BeginStaging(long fileId)
    {
        _fileId = fileId;
        Execute("CREATE TEMP TABLE stage_events (seq bigint NOT NULL, event_id text, council_code text NOT NULL, service text NOT NULL, " +
                "channel text NOT NULL, event_type text NOT NULL, occurred_at timestamptz NOT NULL, case_id text, user_ref text, " +
                "quantity bigint NOT NULL, duration_seconds double precision, rating integer) ON COMMIT DROP");
        return _connection.BeginBinaryImport(
            "COPY stage_events (seq, event_id, council_code, service, channel, event_type, occurred_at, case_id, user_ref, quantity, duration_seconds, rating) " +
            "FROM STDIN (FORMAT BINARY)");
    }

    private void NoteMonth(long ms)
    {
        var at = Instant(ms);
        var first = new DateTime(at.Year, at.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        _monthFrom = (first.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        _monthTo = (first.AddMonths(1).Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        _months.Add(at.Year * 100 + at.Month);
    }

    /// <summary>Writes UTF-8 text through a reused buffer (no string per field); empty is NULL.</summary>
    private void Text(NpgsqlBinaryImporter copy, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) { copy.WriteNull(); return; }
        if (_chars.Length < utf8.Length) _chars = new char[Math.Max(utf8.Length, _chars.Length * 2)];
        var n = Encoding.UTF8.GetChars(utf8, _chars);
        copy.Write(new ReadOnlyMemory<char>(_chars, 0, n), NpgsqlDbType.Text);
    }

    public StagedEvents SettleEvents(RollupDelta? asStaged)
    {
        if (_events is null) return new StagedEvents(0, []);
        _events.Complete();
        _events.Dispose();
        _events = null;
        // Sorts and hashes over a file's rows stay in memory rather than spilling to disk (for this transaction only).
        Execute("SET LOCAL work_mem = '64MB'");

        // Each (council, event_id) of the file is claimed in usage_event_ids for this file. Most files repeat no id, so
        // the claims are first inserted plainly (measured 2-3x faster than ON CONFLICT's speculative insertion); a
        // unique violation rolls that back, and the claims are made again with ON CONFLICT DO NOTHING: an id claimed
        // before (by another file) keeps its claim, and a repeat within the file finds the claim already made. The
        // losers are then removed: later repeats within the file (the first row wins, as on SQLite), and ids another
        // file holds.
        long claimed;
        Execute("SAVEPOINT claims");
        try
        {
            claimed = Execute("INSERT INTO usage_event_ids (council_code, event_id, file_id) SELECT council_code, event_id, @file FROM stage_events WHERE event_id IS NOT NULL");
            Execute("RELEASE SAVEPOINT claims");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            Execute("ROLLBACK TO SAVEPOINT claims");
            claimed = Scalar(
                "WITH claims AS (INSERT INTO usage_event_ids (council_code, event_id, file_id) SELECT council_code, event_id, @file FROM stage_events " +
                "WHERE event_id IS NOT NULL ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*) FROM claims");
        }
        long duplicates = 0;
        if (claimed < _withId)
        {
            duplicates += Execute(
                "DELETE FROM stage_events WHERE seq IN (SELECT seq FROM (SELECT seq, row_number() OVER (PARTITION BY council_code, event_id ORDER BY seq) AS n " +
                "FROM stage_events WHERE event_id IS NOT NULL) ranked WHERE n > 1)");
            duplicates += Execute(
                "DELETE FROM stage_events s USING usage_event_ids u WHERE u.council_code = s.council_code AND u.event_id = s.event_id AND u.file_id <> @file");
        }

        EnsurePartitions();
        Execute("INSERT INTO usage_events (event_id, council_code, service, channel, event_type, occurred_at, case_id, user_ref, quantity, duration_seconds, file_id, rating) " +
                "SELECT event_id, council_code, service, channel, event_type, occurred_at, case_id, user_ref, quantity, duration_seconds, @file, rating FROM stage_events");
        // In file order, so that ids break ties between contacts at the same instant as SQLite's rowids do.
        Execute("INSERT INTO contact_events (council_code, service, user_ref, channel, kind, occurred_at) " +
                "SELECT council_code, service, user_ref, channel, CASE WHEN event_type = 'transaction_failed' THEN 0 ELSE 1 END, occurred_at " +
                "FROM stage_events WHERE user_ref IS NOT NULL AND event_type IN ('transaction_completed', 'transaction_failed') ORDER BY seq");
        if (duplicates == 0 && asStaged is not null)
        {
            // Every staged row is stored: the rollups the caller counted are the file's.
            MergeRollups(asStaged);
            Execute("DROP TABLE stage_events");
            return new StagedEvents(0, asStaged.Usage.Keys.Select(k => k.CouncilCode).Distinct().Order(StringComparer.Ordinal).ToList());
        }
        // Satisfaction ratings are counted as ratings given and ratings of 4 or 5, not as other usage.
        Execute("INSERT INTO usage_rollups AS r (council_code, service, channel, month, completed, started, failed, other, ratings, satisfied) " +
                "SELECT council_code, service, channel, date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date, " +
                "coalesce(sum(quantity) FILTER (WHERE event_type = 'transaction_completed'), 0), " +
                "coalesce(sum(quantity) FILTER (WHERE event_type = 'transaction_started'), 0), " +
                "coalesce(sum(quantity) FILTER (WHERE event_type = 'transaction_failed'), 0), " +
                "coalesce(sum(quantity) FILTER (WHERE event_type NOT IN ('transaction_completed', 'transaction_started', 'transaction_failed', 'satisfaction_rating')), 0), " +
                "coalesce(sum(quantity) FILTER (WHERE event_type = 'satisfaction_rating'), 0), " +
                "coalesce(sum(quantity) FILTER (WHERE event_type = 'satisfaction_rating' AND rating >= 4), 0) " +
                "FROM stage_events GROUP BY 1, 2, 3, 4 " +
                "ON CONFLICT (council_code, service, channel, month) DO UPDATE SET completed = r.completed + excluded.completed, " +
                "started = r.started + excluded.started, failed = r.failed + excluded.failed, other = r.other + excluded.other, " +
                "ratings = r.ratings + excluded.ratings, satisfied = r.satisfied + excluded.satisfied");
        var councils = new List<string>();
        using (var cmd = Command("SELECT DISTINCT council_code FROM stage_events ORDER BY 1"))
        using (var reader = cmd.ExecuteReader())
            while (reader.Read()) councils.Add(reader.GetString(0));
        Execute("DROP TABLE stage_events");
        return new StagedEvents(duplicates, councils);
    }

    /// <summary>
    /// Creates the monthly partitions of usage_events the staged rows need, each in its own short transaction on a
    /// second connection, so that the lock creating one takes is not held for the rest of the file. A partition left
    /// empty by a file that then fails is harmless.
    /// </summary>
    private void EnsurePartitions()
    {
        // The months of rows that turned out duplicates too: an empty partition is harmless.
        var months = _months.Order().Select(MonthStart).ToList();
        if (months.Count == 0) return;
        using var other = new NpgsqlConnection(_connectionString);
        other.Open();
        foreach (var month in months)
        {
            var name = PartitionName(month);
            using var exists = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", other);
            exists.Parameters.AddWithValue("name", name);
            if ((bool)exists.ExecuteScalar()!) continue;
            using var tx = other.BeginTransaction();
            using var create = new NpgsqlCommand(
                "SELECT pg_advisory_xact_lock(hashtext('benefits:usage_events partitions')); " +
                $"CREATE TABLE IF NOT EXISTS {name} PARTITION OF usage_events FOR VALUES FROM ('{month:yyyy-MM-dd} 00:00:00+00') TO ('{month.AddMonths(1):yyyy-MM-dd} 00:00:00+00')",
                other, tx);
            create.ExecuteNonQuery();
            tx.Commit();
        }
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

    /// <summary>One statement, the slugs passed as an array and unnested.</summary>
    public void AddServices(IReadOnlyCollection<string> slugs)
    {
        if (slugs.Count == 0) return;
        using var c = Command("INSERT INTO services (slug) SELECT * FROM unnest(@slugs) ON CONFLICT (slug) DO NOTHING");
        c.Parameters.AddWithValue("slugs", slugs.ToArray());
        c.ExecuteNonQuery();
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
        var c = new NpgsqlCommand(sql, _connection) { CommandTimeout = 0 };
        c.Parameters.AddWithValue("file", _fileId);
        return c;
    }

    private NpgsqlCommand Prepare(string sql, params NpgsqlDbType[] types)
    {
        var c = new NpgsqlCommand(sql, _connection);
        foreach (var t in types) c.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = t });
        c.Prepare();
        return c;
    }

    private int Execute(string sql)
    {
        using var c = Command(sql);
        return c.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var c = Command(sql);
        return Convert.ToInt64(c.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
