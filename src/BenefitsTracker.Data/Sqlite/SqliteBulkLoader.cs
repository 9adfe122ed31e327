using System.Text;
using BenefitsTracker.Data.Bulk;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BenefitsTracker.Data.Sqlite;

/// <summary>
/// SQLite's fast path: statements prepared once and reused through SQLitePCLRaw's raw API on the context's own
/// connection, binding UTF-8 spans with no managed strings. It runs inside the transaction the caller opened,
/// so a file's rows, rollups and registry entry commit or vanish together.
/// </summary>
internal sealed class SqliteBulkLoader : IBulkLoader
{
    private readonly sqlite3 _db;
    private sqlite3_stmt? _event, _case, _cost, _contact;

    public SqliteBulkLoader(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
    }

    public bool AddEvent(in EventRecord r)
    {
        var s = _event ??= Prepare(
            "INSERT OR IGNORE INTO usage_events (event_id, council_code, service, channel, event_type, occurred_at_ms, case_id, user_ref, quantity, duration_seconds, file_id) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        TextOrNull(s, 1, r.EventId);
        Text(s, 2, r.CouncilCode);
        Text(s, 3, r.Service);
        Text(s, 4, r.Channel);
        Text(s, 5, r.EventType);
        raw.sqlite3_bind_int64(s, 6, r.OccurredAtMs);
        TextOrNull(s, 7, r.CaseId);
        TextOrNull(s, 8, r.UserRef);
        raw.sqlite3_bind_int64(s, 9, r.Quantity);
        if (r.DurationSeconds is { } d) raw.sqlite3_bind_double(s, 10, d); else raw.sqlite3_bind_null(s, 10);
        raw.sqlite3_bind_int64(s, 11, r.FileId);
        return Step(s) == 1;
    }

    public bool AddCase(in CaseRecord r)
    {
        var s = _case ??= Prepare(
            "INSERT OR IGNORE INTO cases (council_code, case_id, service, channel, case_type, received_at_ms, closed_at_ms, officer_minutes_hundredths, officer_grade, file_id) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        Text(s, 1, r.CouncilCode);
        Text(s, 2, r.CaseId);
        Text(s, 3, r.Service);
        TextOrNull(s, 4, r.Channel);
        TextOrNull(s, 5, r.CaseType);
        raw.sqlite3_bind_int64(s, 6, r.ReceivedAtMs);
        Int64OrNull(s, 7, r.ClosedAtMs);
        Int64OrNull(s, 8, r.OfficerMinutesHundredths);
        TextOrNull(s, 9, r.OfficerGrade);
        raw.sqlite3_bind_int64(s, 10, r.FileId);
        return Step(s) == 1;
    }

    public void AddCostLine(in CostRecord r)
    {
        var s = _cost ??= Prepare(
            "INSERT INTO cost_lines (council_code, consortium, service, category, period_start, period_end, amount_pence, cashable, reference, description, file_id) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        TextOrNull(s, 1, r.CouncilCode);
        TextOrNull(s, 2, r.ConsortiumId);
        TextOrNull(s, 3, r.Service);
        Text(s, 4, r.Category);
        Date(s, 5, r.PeriodStart);
        Date(s, 6, r.PeriodEnd);
        raw.sqlite3_bind_int64(s, 7, r.AmountPence);
        raw.sqlite3_bind_int(s, 8, r.Cashable ? 1 : 0);
        TextOrNull(s, 9, r.Reference);
        TextOrNull(s, 10, r.Description);
        raw.sqlite3_bind_int64(s, 11, r.FileId);
        Step(s);
    }

    public void AddContact(in ContactRecord r)
    {
        var s = _contact ??= Prepare(
            "INSERT INTO contact_events (council_code, service, user_ref, channel, kind, occurred_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        Text(s, 1, r.CouncilCode);
        Text(s, 2, r.Service);
        Text(s, 3, r.UserRef);
        Text(s, 4, r.Channel);
        raw.sqlite3_bind_int(s, 5, r.Kind);
        raw.sqlite3_bind_int64(s, 6, r.OccurredAtMs);
        Step(s);
    }

    public void MergeRollups(RollupDelta delta)
    {
        if (delta.Usage.Count > 0)
        {
            using var s = Prepare(
                "INSERT INTO usage_rollups (council_code, service, channel, month, completed, started, failed, other) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) " +
                "ON CONFLICT (council_code, service, channel, month) DO UPDATE SET completed = completed + excluded.completed, " +
                "started = started + excluded.started, failed = failed + excluded.failed, other = other + excluded.other");
            foreach (var (k, v) in delta.Usage)
            {
                raw.sqlite3_bind_text(s, 1, k.CouncilCode);
                raw.sqlite3_bind_text(s, 2, k.Service);
                raw.sqlite3_bind_text(s, 3, k.Channel);
                raw.sqlite3_bind_int(s, 4, k.Month);
                raw.sqlite3_bind_int64(s, 5, v.Completed);
                raw.sqlite3_bind_int64(s, 6, v.Started);
                raw.sqlite3_bind_int64(s, 7, v.Failed);
                raw.sqlite3_bind_int64(s, 8, v.Other);
                Step(s);
            }
        }
        if (delta.ClosedCases.Count > 0)
        {
            using var s = Prepare(
                "INSERT INTO closed_case_rollups (council_code, service, month, grade, minutes_hundredths, count) VALUES (?1, ?2, ?3, ?4, ?5, ?6) " +
                "ON CONFLICT (council_code, service, month, grade, minutes_hundredths) DO UPDATE SET count = count + excluded.count");
            foreach (var (k, n) in delta.ClosedCases)
            {
                raw.sqlite3_bind_text(s, 1, k.CouncilCode);
                raw.sqlite3_bind_text(s, 2, k.Service);
                raw.sqlite3_bind_int(s, 3, k.Month);
                raw.sqlite3_bind_text(s, 4, k.Grade);
                raw.sqlite3_bind_int64(s, 5, k.MinutesHundredths);
                raw.sqlite3_bind_int64(s, 6, n);
                Step(s);
            }
        }
        if (delta.OpenCases.Count > 0)
        {
            using var s = Prepare(
                "INSERT INTO open_case_rollups (council_code, service, month, count) VALUES (?1, ?2, ?3, ?4) " +
                "ON CONFLICT (council_code, service, month) DO UPDATE SET count = count + excluded.count");
            foreach (var (k, n) in delta.OpenCases)
            {
                raw.sqlite3_bind_text(s, 1, k.CouncilCode);
                raw.sqlite3_bind_text(s, 2, k.Service);
                raw.sqlite3_bind_int(s, 3, k.Month);
                raw.sqlite3_bind_int64(s, 4, n);
                Step(s);
            }
        }
    }

    public void Dispose()
    {
        _event?.Dispose();
        _case?.Dispose();
        _cost?.Dispose();
        _contact?.Dispose();
        _event = _case = _cost = _contact = null;
    }

    private sqlite3_stmt Prepare(string sql)
    {
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var stmt);
        if (rc != raw.SQLITE_OK) throw Error(rc, "prepare");
        return stmt;
    }

    /// <summary>Runs the statement and resets it; returns the rows it changed.</summary>
    private int Step(sqlite3_stmt s)
    {
        var rc = raw.sqlite3_step(s);
        if (rc != raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(s);
            throw Error(rc, "insert");
        }
        var changes = raw.sqlite3_changes(_db);
        raw.sqlite3_reset(s);
        return changes;
    }

    private static void Text(sqlite3_stmt s, int index, ReadOnlySpan<byte> utf8) => raw.sqlite3_bind_text(s, index, utf8);

    private static void TextOrNull(sqlite3_stmt s, int index, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) raw.sqlite3_bind_null(s, index);
        else raw.sqlite3_bind_text(s, index, utf8);
    }

    private static void Int64OrNull(sqlite3_stmt s, int index, long? value)
    {
        if (value is { } v) raw.sqlite3_bind_int64(s, index, v);
        else raw.sqlite3_bind_null(s, index);
    }

    // EF Core's SQLite mapping of DateOnly: TEXT yyyy-MM-dd.
    private static void Date(sqlite3_stmt s, int index, DateOnly date)
    {
        Span<byte> buffer = stackalloc byte[10];
        date.TryFormat(buffer, out var n, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        raw.sqlite3_bind_text(s, index, buffer[..n]);
    }

    private SqliteException Error(int rc, string what) =>
        new($"SQLite {what} failed: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc, raw.sqlite3_extended_errcode(_db));
}
