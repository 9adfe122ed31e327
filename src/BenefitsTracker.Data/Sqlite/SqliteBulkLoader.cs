using BenefitsTracker.Data.Bulk;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BenefitsTracker.Data.Sqlite;

/// <summary>
/// SQLite's fast path: statements prepared once and reused through SQLitePCLRaw's raw API on the context's own
/// connection, binding UTF-8 spans in place (<see cref="NativeBinds"/>) with no managed strings. It runs inside the transaction the caller opened,
/// so a file's rows, rollups and registry entry commit or vanish together.
/// </summary>
internal sealed class SqliteBulkLoader : IBulkLoader
{
    private readonly sqlite3 _db;
    private readonly IntPtr _dbHandle;
    private readonly EventKeyFunction _eventKey;
    private sqlite3_stmt? _event, _events, _largestId, _findKey, _findUnkeyed, _case, _cost, _contact, _findOpenCase, _closeCase;

    /// <param name="eventKey">The key function; <see cref="EventKey.Of(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> unless a test forces
    /// collisions.</param>
    public SqliteBulkLoader(SqliteConnection connection, EventKeyFunction? eventKey = null)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        _dbHandle = NativeBinds.Handle(_db);
        _eventKey = eventKey ?? EventKey.Of;
    }

    /// <summary>
    /// By key: a batch of events added in key order lands in the unique index's pages in order (1,000,000 random keys
    /// in batches of 4,096, in the sqlite3 CLI: 1.82 s unsorted, 1.50 s sorted; docs/benchmarks.md).
    /// </summary>
    public EventOrderFunction EventOrder => _order ??= new EventOrderFunction(_eventKey);
    private EventOrderFunction? _order;

    // The row methods bind text in place (no copy) while the spans are pinned, then step and reset.

    private const string EventColumns = "INSERT OR IGNORE INTO usage_events (event_id, council_code, service, channel, event_type, " +
        "occurred_at_ms, case_id, user_ref, quantity, duration_seconds, file_id, rating, event_key) VALUES ";
    private const int EventValues = 13;

    /// <summary>
    /// Rows a multi-row INSERT of <see cref="AddEvents"/> carries. One statement for 32 rows shares what SQLite does once a
    /// statement (the transaction check, opening the table's and both indexes' cursors, the reset) and our step, changes and
    /// reset calls: 1,000,000 rows shaped like ours with a contact row for every tenth, in C against the same e_sqlite3
    /// (2026-12-07, three rounds alternately, CPU seconds): 1 row a statement 2.28–2.65 s, 8 rows 1.91–2.25 s, 32 rows
    /// 1.75–1.90 s, 128 rows 1.86–1.93 s (scripts/bench-sqlite-rows.c). The whole `benefits ingest` process of 1,000,000 events,
    /// ReadyToRun, against the build before, three rounds alternately: UUIDs 3.12–3.59 s against 3.40–4.47 s; ids increasing as
    /// text 3.01–3.95 s against 3.52–3.76 s; as numbers 3.24–3.32 s against 3.27–4.22 s (docs/benchmarks.md, fourth session).
    /// </summary>
    internal const int RowsPerInsert = 32;

    private static readonly string ManyEventsSql = EventColumns + string.Join(", ", Enumerable.Range(0, RowsPerInsert).Select(r =>
        "(" + string.Join(", ", Enumerable.Range(r * EventValues + 1, EventValues).Select(i => "?" + i)) + ")"));

    /// <summary>
    /// Inserts the event unless its (council_code, event_id) is stored. The usual path is one statement: the insert,
    /// ignored when another row holds the id's 64-bit <see cref="EventKey"/>. Only then is the text compared: the
    /// same id is a duplicate; a different id that shares the key (rare: see <see cref="EventKey"/>) is stored with
    /// no key, once, and found again through the small index of such rows.
    /// </summary>
    public bool AddEvent(in EventRecord r)
    {
        var s = OneEvent;
        if (r.EventId.IsEmpty) return InsertEvent(s, r, key: null) == 1; // no id: nothing to de-duplicate on
        var key = _eventKey(r.CouncilCode, r.EventId);
        if (InsertEvent(s, r, key) == 1) return true;
        return AddIgnored(r, key);
    }

    private sqlite3_stmt OneEvent => _event ??= Prepare(EventColumns + "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");

    /// <summary>
    /// An event whose keyed insert was ignored, as <see cref="AddEvent"/> goes on: a duplicate when the key's row is this
    /// very id, or when the id is stored without a key; else (another id holds the key) stored without a key.
    /// </summary>
    private bool AddIgnored(in EventRecord r, long key)
    {
        if (StoredIdIs(key, r.CouncilCode, r.EventId, out _)) return false;
        if (UnkeyedIdStored(r.CouncilCode, r.EventId)) return false;
        return InsertEvent(OneEvent, r, key: null) == 1;
    }

    /// <summary>
    /// <see cref="RowsPerInsert"/> rows at a time in one multi-row <c>INSERT OR IGNORE</c>, each with its key, then the rows
    /// that statement ignored (when it stored fewer rows than it carried: duplicates are rare) go the way
    /// <see cref="AddEvent"/> takes an ignored row, in order, so every row's outcome is the one-at-a-time outcome: a row
    /// without an id is never ignored; a row whose key an earlier row of the statement holds was ignored; any other was
    /// stored by this statement exactly when the row holding its key has an id above those stored before it (SQLite gives
    /// each new row the largest id + 1, unless the largest is 2^63 - 1: such a store is loaded one row at a time). The rows
    /// left over (fewer than a statement's worth) go one at a time.
    /// </summary>
    public void AddEvents(IEventRows rows, Span<bool> inserted)
    {
        var n = rows.Count;
        var k = 0;
        if (IdsIncrease())
            for (; k + RowsPerInsert <= n; k += RowsPerInsert) AddMany(rows, k, inserted.Slice(k, RowsPerInsert));
        for (; k < n; k++) inserted[k] = AddEvent(rows[k]);
    }

    private bool? _idsIncrease;

    /// <summary>Whether every row this loader stores gets the largest id + 1 (the store's largest is far below 2^63 - 1).</summary>
    private bool IdsIncrease()
    {
        if (_idsIncrease is { } known) return known;
        _idsIncrease = LargestEventId() < long.MaxValue / 2;
        return _idsIncrease.Value;
    }

    private unsafe void AddMany(IEventRows rows, int start, Span<bool> inserted)
    {
        var s = _events ??= Prepare(ManyEventsSql);
        var h = NativeBinds.Handle(s);
        Span<long> keys = stackalloc long[RowsPerInsert];
        Span<bool> keyed = stackalloc bool[RowsPerInsert];
        for (var r = 0; r < RowsPerInsert; r++)
        {
            var e = rows[start + r];
            keyed[r] = !e.EventId.IsEmpty;
            keys[r] = keyed[r] ? _eventKey(e.CouncilCode, e.EventId) : 0;
            BindEvent(h, r * EventValues, e, keyed[r] ? keys[r] : null);
        }
        var stored = Step(s);
        if (stored == RowsPerInsert)
        {
            inserted.Fill(true);
            return;
        }
        var storedBefore = LargestEventId() - stored;
        for (var r = 0; r < RowsPerInsert; r++)
        {
            if (!keyed[r])
            {
                inserted[r] = true;
                continue;
            }
            var heldEarlier = false;
            for (var j = 0; j < r && !heldEarlier; j++) heldEarlier = keyed[j] && keys[j] == keys[r];
            if (heldEarlier)
            {
                inserted[r] = false;
                continue;
            }
            StoredIdIs(keys[r], default, default, out var holder);
            inserted[r] = holder > storedBefore;
        }
        for (var r = 0; r < RowsPerInsert; r++)
            if (!inserted[r]) inserted[r] = AddIgnored(rows[start + r], keys[r]);
    }

    /// <summary>The largest id in usage_events (0 when empty).</summary>
    private long LargestEventId()
    {
        var s = _largestId ??= Prepare("SELECT coalesce(max(id), 0) FROM usage_events");
        try
        {
            var rc = raw.sqlite3_step(s);
            if (rc != raw.SQLITE_ROW) throw Error(rc, "select");
            return raw.sqlite3_column_int64(s, 0);
        }
        finally
        {
            raw.sqlite3_reset(s);
        }
    }

    /// <summary>Binds an event's values (its key, or NULL) while the spans are pinned, steps; returns the rows inserted.</summary>
    private int InsertEvent(sqlite3_stmt s, in EventRecord r, long? key)
    {
        BindEvent(NativeBinds.Handle(s), 0, r, key);
        return Step(s);
    }

    /// <summary>
    /// Binds an event's 13 values to parameters <paramref name="at"/> + 1 … + 13, its text in place: the text must not move
    /// until the statement has been stepped (the batch's buffer is pinned).
    /// </summary>
    private static unsafe void BindEvent(IntPtr h, int at, in EventRecord r, long? key)
    {
        fixed (byte* eventId = r.EventId, council = r.CouncilCode, service = r.Service, channel = r.Channel, type = r.EventType,
            caseId = r.CaseId, user = r.UserRef)
        {
            NativeBinds.Text(h, at + 1, eventId, r.EventId.Length, nullIfEmpty: true);
            NativeBinds.Text(h, at + 2, council, r.CouncilCode.Length, nullIfEmpty: false);
            NativeBinds.Text(h, at + 3, service, r.Service.Length, nullIfEmpty: false);
            NativeBinds.Text(h, at + 4, channel, r.Channel.Length, nullIfEmpty: false);
            NativeBinds.Text(h, at + 5, type, r.EventType.Length, nullIfEmpty: false);
            NativeBinds.Int64(h, at + 6, r.OccurredAtMs);
            NativeBinds.Text(h, at + 7, caseId, r.CaseId.Length, nullIfEmpty: true);
            NativeBinds.Text(h, at + 8, user, r.UserRef.Length, nullIfEmpty: true);
            NativeBinds.Int64(h, at + 9, r.Quantity);
            if (r.DurationSeconds is { } d) NativeBinds.Double(h, at + 10, d); else NativeBinds.Null(h, at + 10);
            NativeBinds.Int64(h, at + 11, r.FileId);
            if (r.Rating is { } rating) NativeBinds.Int64(h, at + 12, rating); else NativeBinds.Null(h, at + 12);
            if (key is { } k) NativeBinds.Int64(h, at + 13, k); else NativeBinds.Null(h, at + 13);
        }
    }

    /// <summary>
    /// Whether the row holding <paramref name="key"/> is this very id of this council (a duplicate), not another that shares the
    /// key; <paramref name="holder"/> is that row's id (0 when none holds it).
    /// </summary>
    private bool StoredIdIs(long key, ReadOnlySpan<byte> council, ReadOnlySpan<byte> eventId, out long holder)
    {
        var s = _findKey ??= Prepare("SELECT council_code, event_id, id FROM usage_events WHERE event_key = ?1");
        raw.sqlite3_bind_int64(s, 1, key);
        try
        {
            holder = 0;
            var rc = raw.sqlite3_step(s);
            if (rc == raw.SQLITE_DONE) return false;
            if (rc != raw.SQLITE_ROW) throw Error(rc, "select");
            holder = raw.sqlite3_column_int64(s, 2);
            return raw.sqlite3_column_blob(s, 0).SequenceEqual(council) && raw.sqlite3_column_blob(s, 1).SequenceEqual(eventId);
        }
        finally
        {
            raw.sqlite3_reset(s);
        }
    }

    /// <summary>Whether this id of this council is stored without a key (it shares its key with an id stored before it).</summary>
    private unsafe bool UnkeyedIdStored(ReadOnlySpan<byte> council, ReadOnlySpan<byte> eventId)
    {
        var s = _findUnkeyed ??= Prepare(
            "SELECT 1 FROM usage_events WHERE event_key IS NULL AND event_id IS NOT NULL AND council_code = ?1 AND event_id = ?2");
        fixed (byte* c = council, id = eventId)
        {
            var h = NativeBinds.Handle(s);
            NativeBinds.Text(h, 1, c, council.Length, nullIfEmpty: false);
            NativeBinds.Text(h, 2, id, eventId.Length, nullIfEmpty: false);
            var rc = raw.sqlite3_step(s);
            raw.sqlite3_reset(s);
            if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE)) throw Error(rc, "select");
            return rc == raw.SQLITE_ROW;
        }
    }

    public unsafe CaseOutcome AddCase(in CaseRecord r, out OpenCaseClosed wasOpen)
    {
        wasOpen = default;
        var s = _case ??= Prepare(
            "INSERT OR IGNORE INTO cases (council_code, case_id, service, channel, case_type, received_at_ms, closed_at_ms, " +
            "officer_minutes_hundredths, officer_grade, file_id) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        if (BindAndStep(s, r) == 1) return CaseOutcome.Inserted;
        if (r.ClosedAtMs is null) return CaseOutcome.Duplicate;

        // Stored open and now closed: the later export wins.
        var find = _findOpenCase ??= Prepare("SELECT service, received_at_ms FROM cases WHERE council_code = ?1 AND case_id = ?2 AND " +
            "closed_at_ms IS NULL");
        fixed (byte* council = r.CouncilCode, caseId = r.CaseId)
        {
            var h = NativeBinds.Handle(find);
            NativeBinds.Text(h, 1, council, r.CouncilCode.Length, nullIfEmpty: false);
            NativeBinds.Text(h, 2, caseId, r.CaseId.Length, nullIfEmpty: false);
            var rc = raw.sqlite3_step(find);
            if (rc == raw.SQLITE_ROW) wasOpen = new OpenCaseClosed(raw.sqlite3_column_text(find, 0).utf8_to_string(),
                raw.sqlite3_column_int64(find, 1));
            raw.sqlite3_reset(find);
            if (rc == raw.SQLITE_DONE) return CaseOutcome.Duplicate;
            if (rc != raw.SQLITE_ROW) throw Error(rc, "select");
        }
        var update = _closeCase ??= Prepare(
            "UPDATE cases SET service = ?3, channel = ?4, case_type = ?5, received_at_ms = ?6, closed_at_ms = ?7, officer_minutes_hundredths = ?8, " +
            "officer_grade = ?9, file_id = ?10 WHERE council_code = ?1 AND case_id = ?2");
        BindAndStep(update, r);
        return CaseOutcome.ClosedOpenCase;
    }

    /// <summary>Binds a case's ten values in statement order and steps while they are pinned; returns the rows changed.</summary>
    private unsafe int BindAndStep(sqlite3_stmt s, in CaseRecord r)
    {
        var h = NativeBinds.Handle(s);
        fixed (byte* council = r.CouncilCode, caseId = r.CaseId, service = r.Service, channel = r.Channel, caseType = r.CaseType,
            grade = r.OfficerGrade)
        {
            NativeBinds.Text(h, 1, council, r.CouncilCode.Length, nullIfEmpty: false);
            NativeBinds.Text(h, 2, caseId, r.CaseId.Length, nullIfEmpty: false);
            NativeBinds.Text(h, 3, service, r.Service.Length, nullIfEmpty: false);
            NativeBinds.Text(h, 4, channel, r.Channel.Length, nullIfEmpty: true);
            NativeBinds.Text(h, 5, caseType, r.CaseType.Length, nullIfEmpty: true);
            NativeBinds.Int64(h, 6, r.ReceivedAtMs);
            if (r.ClosedAtMs is { } closed) NativeBinds.Int64(h, 7, closed); else NativeBinds.Null(h, 7);
            if (r.OfficerMinutesHundredths is { } minutes) NativeBinds.Int64(h, 8, minutes); else NativeBinds.Null(h, 8);
            NativeBinds.Text(h, 9, grade, r.OfficerGrade.Length, nullIfEmpty: true);
            NativeBinds.Int64(h, 10, r.FileId);
            return Step(s);
        }
    }

    public unsafe bool AddCostLine(in CostRecord r)
    {
        // A line the same in every field as one stored (from this file or an earlier one) is a duplicate. IS
        // compares NULLs as equal, as a re-exported file's empty reference equals the stored one.
        var s = _cost ??= Prepare(
            "INSERT INTO cost_lines (council_code, consortium, service, category, period_start, period_end, amount_pence, cashable, " +
            "reference, description, file_id) " +
            "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 WHERE NOT EXISTS (SELECT 1 FROM cost_lines WHERE council_code IS ?1 AND " +
            "consortium IS ?2 " +
            "AND service IS ?3 AND category = ?4 AND period_start = ?5 AND period_end = ?6 AND amount_pence = ?7 AND cashable = ?8 " +
            "AND reference IS ?9 AND description IS ?10)");
        var h = NativeBinds.Handle(s);
        // EF Core's SQLite mapping of DateOnly: TEXT yyyy-MM-dd.
        Span<byte> start = stackalloc byte[10], end = stackalloc byte[10];
        r.PeriodStart.TryFormat(start, out _, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        r.PeriodEnd.TryFormat(end, out _, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        fixed (byte* council = r.CouncilCode, consortium = r.ConsortiumId, service = r.Service, category = r.Category,
               reference = r.Reference, description = r.Description, from = start, to = end)
        {
            NativeBinds.Text(h, 1, council, r.CouncilCode.Length, nullIfEmpty: true);
            NativeBinds.Text(h, 2, consortium, r.ConsortiumId.Length, nullIfEmpty: true);
            NativeBinds.Text(h, 3, service, r.Service.Length, nullIfEmpty: true);
            NativeBinds.Text(h, 4, category, r.Category.Length, nullIfEmpty: false);
            NativeBinds.Text(h, 5, from, 10, nullIfEmpty: false);
            NativeBinds.Text(h, 6, to, 10, nullIfEmpty: false);
            NativeBinds.Int64(h, 7, r.AmountPence);
            NativeBinds.Int64(h, 8, r.Cashable ? 1 : 0);
            NativeBinds.Text(h, 9, reference, r.Reference.Length, nullIfEmpty: true);
            NativeBinds.Text(h, 10, description, r.Description.Length, nullIfEmpty: true);
            NativeBinds.Int64(h, 11, r.FileId);
            return Step(s) == 1;
        }
    }

    public unsafe void AddContact(in ContactRecord r)
    {
        var s = _contact ??= Prepare(
            "INSERT INTO contact_events (council_code, service, user_ref, channel, kind, occurred_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        var h = NativeBinds.Handle(s);
        fixed (byte* council = r.CouncilCode, service = r.Service, user = r.UserRef, channel = r.Channel)
        {
            NativeBinds.Text(h, 1, council, r.CouncilCode.Length, nullIfEmpty: false);
            NativeBinds.Text(h, 2, service, r.Service.Length, nullIfEmpty: false);
            NativeBinds.Text(h, 3, user, r.UserRef.Length, nullIfEmpty: false);
            NativeBinds.Text(h, 4, channel, r.Channel.Length, nullIfEmpty: false);
            NativeBinds.Int64(h, 5, r.Kind);
            NativeBinds.Int64(h, 6, r.OccurredAtMs);
            Step(s);
        }
    }

    public void MergeRollups(RollupDelta delta)
    {
        Upsert(delta.Usage,
            "INSERT INTO usage_rollups (council_code, service, channel, month, completed, started, failed, other, ratings, satisfied) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) " +
            "ON CONFLICT (council_code, service, channel, month) DO UPDATE SET completed = completed + excluded.completed, " +
            "started = started + excluded.started, failed = failed + excluded.failed, other = other + excluded.other, " +
            "ratings = ratings + excluded.ratings, satisfied = satisfied + excluded.satisfied",
            static (s, k, v) =>
            {
                raw.sqlite3_bind_text(s, 1, k.CouncilCode);
                raw.sqlite3_bind_text(s, 2, k.Service);
                raw.sqlite3_bind_text(s, 3, k.Channel);
                raw.sqlite3_bind_int(s, 4, k.Month);
                raw.sqlite3_bind_int64(s, 5, v.Completed);
                raw.sqlite3_bind_int64(s, 6, v.Started);
                raw.sqlite3_bind_int64(s, 7, v.Failed);
                raw.sqlite3_bind_int64(s, 8, v.Other);
                raw.sqlite3_bind_int64(s, 9, v.Ratings);
                raw.sqlite3_bind_int64(s, 10, v.Satisfied);
            });
        Upsert(delta.ClosedCases,
            "INSERT INTO closed_case_rollups (council_code, service, month, grade, minutes_hundredths, count) VALUES (?1, ?2, ?3, ?4, ?5, ?6) " +
            "ON CONFLICT (council_code, service, month, grade, minutes_hundredths) DO UPDATE SET count = count + excluded.count",
            static (s, k, n) =>
            {
                raw.sqlite3_bind_text(s, 1, k.CouncilCode);
                raw.sqlite3_bind_text(s, 2, k.Service);
                raw.sqlite3_bind_int(s, 3, k.Month);
                raw.sqlite3_bind_text(s, 4, k.Grade);
                raw.sqlite3_bind_int64(s, 5, k.MinutesHundredths);
                raw.sqlite3_bind_int64(s, 6, n);
            });
        Upsert(delta.OpenCases,
            "INSERT INTO open_case_rollups (council_code, service, month, count) VALUES (?1, ?2, ?3, ?4) " +
            "ON CONFLICT (council_code, service, month) DO UPDATE SET count = count + excluded.count",
            static (s, k, n) =>
            {
                raw.sqlite3_bind_text(s, 1, k.CouncilCode);
                raw.sqlite3_bind_text(s, 2, k.Service);
                raw.sqlite3_bind_int(s, 3, k.Month);
                raw.sqlite3_bind_int64(s, 4, n);
            });
    }

    /// <summary>Runs one prepared upsert per entry of a rollup delta (rollups are few: no need for the in-place binds).</summary>
    private void Upsert<TKey, TValue>(Dictionary<TKey, TValue> rows, string sql, Action<sqlite3_stmt, TKey, TValue> bind)
        where TKey : notnull
    {
        if (rows.Count == 0) return;
        using var s = Prepare(sql);
        foreach (var (k, v) in rows)
        {
            bind(s, k, v);
            Step(s);
        }
    }

    public void AddServices(IReadOnlyCollection<string> slugs)
    {
        if (slugs.Count == 0) return;
        using var s = Prepare("INSERT INTO services (slug) VALUES (?1) ON CONFLICT (slug) DO NOTHING");
        foreach (var slug in slugs)
        {
            raw.sqlite3_bind_text(s, 1, slug);
            Step(s);
        }
    }

    public void Dispose()
    {
        _event?.Dispose();
        _events?.Dispose();
        _largestId?.Dispose();
        _findKey?.Dispose();
        _findUnkeyed?.Dispose();
        _case?.Dispose();
        _cost?.Dispose();
        _contact?.Dispose();
        _findOpenCase?.Dispose();
        _closeCase?.Dispose();
        _event = _events = _largestId = _findKey = _findUnkeyed = _case = _cost = _contact = _findOpenCase = _closeCase = null;
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
        var changes = NativeBinds.Changes(_dbHandle);
        NativeBinds.Reset(NativeBinds.Handle(s));
        return changes;
    }

    private SqliteException Error(int rc, string what) =>
        new($"SQLite {what} failed: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc, raw.sqlite3_extended_errcode(_db));
}
