using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text;
using BenefitsTracker.Data.Bulk;
using Npgsql;

namespace BenefitsTracker.Data.Postgres;

/// <summary>
/// Stores a file's events on PostgreSQL in chunks of rows, each written while the next is being parsed:
/// <list type="number">
/// <item>the chunk's event ids are claimed in usage_event_keys (one text key, council:event_id) with one binary COPY (under a savepoint); when one is
/// already claimed (a repeat within the file, or an id another file stored) the claims are made again with
/// <c>INSERT ... ON CONFLICT DO NOTHING</c>, which names the losers: the first row with an id wins, as on SQLite;</item>
/// <item>the month partitions the chunk needs are attached (on a second connection, committed at once);</item>
/// <item>the rows that won go with one binary COPY straight into usage_events, and their contacts into contact_events.</item>
/// </list>
/// Rows arrive as UTF-8 and go out as UTF-8 (<see cref="CopyBuffer"/>): nothing is allocated per row. The usage counts
/// of the losers are kept to take back from the rollups the caller counted. Two chunks exist at a time, so memory
/// does not grow with the file.
/// </summary>
internal sealed class PostgresEventWriter : IDisposable
{
    private const int DefaultChunkRows = 100_000;

    /// <summary>Rows per chunk for a test in this async flow (a few, to cross chunk boundaries); null for the default.</summary>
    internal static readonly AsyncLocal<int?> ChunkRowsForTest = new();

    private readonly int _chunkRows = ChunkRowsForTest.Value ?? DefaultChunkRows;

    /// <summary>
    /// The first chunk's rows: small, so that the server starts while the rest of the file is parsed (the first chunk
    /// is parsed while the program is still being compiled, with nothing to overlap); each next chunk doubles, up to
    /// <see cref="_chunkRows"/>.
    /// </summary>
    private const int FirstChunkRows = 8_192;
    private int _limit = Math.Min(ChunkRowsForTest.Value ?? DefaultChunkRows, FirstChunkRows);
    private const int ChunkBytes = 24 << 20;
    private const string ClaimsSavepoint = "benefits_claims";
    /// <summary>usage_event_keys.key is <c>council_code:event_id</c> (a valid council code has no colon).</summary>
    private const byte KeySeparator = (byte)':';
    /// <summary>usage_events' identity steps by this (migration EventKeysOneColumn): one value numbers a chunk's rows.</summary>
    private const long IdBlock = 1 << 20;
    /// <summary>Where a row's id field starts, after the row's field count.</summary>
    private const int IdField = 2;

    private readonly NpgsqlConnection _connection;
    private readonly string _connectionString;
    private readonly long _fileId;
    private Chunk _filling = new(), _spare = new();
    private Task? _flushing;

    // Filling thread: the months seen (with the last one's bounds, so that most rows cost a compare), and council names.
    private readonly HashSet<int> _monthsSeen = [];
    private long _monthFrom = long.MaxValue, _monthTo = long.MinValue;
    private int _month;
    private readonly Dictionary<UInt128, string> _councilNames = [];
    private UInt128 _lastCouncilKey;

    // Flushing (one chunk at a time): partitions known to exist, the councils of stored rows, the losers' counts.
    private HashSet<int>? _partitions;
    private readonly HashSet<UInt128> _storedCouncils = [];
    private readonly Dictionary<UsageKey, UsageCounts> _takeBack = [];
    private long _duplicates;

    public PostgresEventWriter(NpgsqlConnection connection, string connectionString, long fileId)
    {
        _connection = connection;
        _connectionString = connectionString;
        _fileId = fileId;
    }

    public void Add(in EventRecord r)
    {
        var c = _filling;
        var row = c.Count++;
        if (r.OccurredAtMs < _monthFrom || r.OccurredAtMs >= _monthTo) NoteMonth(r.OccurredAtMs, c);
        var bucket = c.Month(_month);
        var e = bucket.Rows;
        var before = e.Length;
        bucket.Starts.Add(e.StartRow(13));
        bucket.RowIndexes.Add(row);
        e.Int64(0); // the id, numbered when the chunk is flushed
        e.Text(r.EventId);
        e.Text(r.CouncilCode);
        e.Text(r.Service);
        e.Text(r.Channel);
        e.Text(r.EventType);
        e.Instant(r.OccurredAtMs);
        e.Text(r.CaseId);
        e.Text(r.UserRef);
        e.Int64(r.Quantity);
        if (r.DurationSeconds is { } d) e.Float8(d); else e.Null();
        e.Int64(r.FileId);
        if (r.Rating is { } rating) e.Int32(rating); else e.Null();
        c.EventBytes += e.Length - before;

        if (!r.EventId.IsEmpty)
        {
            c.ClaimStarts.Add(c.Claims.StartRow(2));
            c.Claims.TextJoined(r.CouncilCode, KeySeparator, r.EventId);
            c.Claims.Int64(r.FileId);
            c.ClaimRows.Add(row);
        }
        if (!r.UserRef.IsEmpty && (r.EventType.SequenceEqual("transaction_completed"u8) || r.EventType.SequenceEqual("transaction_failed"u8)))
        {
            // In file order, so that ids break ties between contacts at the same instant as SQLite's rowids do.
            c.ContactStarts.Add(c.Contacts.StartRow(6));
            c.Contacts.Text(r.CouncilCode);
            c.Contacts.Text(r.Service);
            c.Contacts.Text(r.UserRef);
            c.Contacts.Text(r.Channel);
            c.Contacts.Int32(r.EventType.SequenceEqual("transaction_failed"u8) ? 0 : 1);
            c.Contacts.Instant(r.OccurredAtMs);
            c.ContactRows.Add(row);
        }
        c.Councils.Add(CouncilKey(r.CouncilCode));

        if (c.Count >= _limit || c.EventBytes >= ChunkBytes)
        {
            _limit = (int)Math.Min(_chunkRows, 2L * _limit);
            HandOver();
        }
    }

    /// <summary>
    /// Writes what is left, waits for every chunk, and returns the rollups to merge (the caller's less the losers'),
    /// the number of losers and the councils whose rows were stored.
    /// </summary>
    public (RollupDelta? Delta, long Duplicates, IReadOnlyList<string> Councils) Settle(RollupDelta? asStaged)
    {
        WaitForFlush();
        if (_filling.Count > 0) Flush(_filling);
        _filling.Clear();
        var councils = _storedCouncils.Select(k => _councilNames[k]).Order(StringComparer.Ordinal).ToList();
        if (asStaged is null)
        {
            // The caller did not hold the counts for the whole file (too many distinct keys): aggregated from the rows
            // stored, in the partitions of the file's months only.
            AggregateRollupsInSql();
            return (null, _duplicates, councils);
        }
        var delta = new RollupDelta();
        foreach (var (key, counts) in asStaged.Usage)
        {
            var n = counts;
            if (_takeBack.TryGetValue(key, out var lost))
            {
                n = n.Minus(lost);
                if (n.IsZero) continue;
            }
            delta.Usage[key] = n;
        }
        return (delta, _duplicates, councils);
    }

    private void AggregateRollupsInSql()
    {
        if (_monthsSeen.Count == 0) return;
        var from = _monthsSeen.Min();
        var to = _monthsSeen.Max();
        var first = new DateTime(from / 100, from % 100, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(to / 100, to % 100, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        // Satisfaction ratings are counted as ratings given and ratings of 4 or 5, not as other usage.
        using var cmd = new NpgsqlCommand(
            "INSERT INTO usage_rollups AS r (council_code, service, channel, month, completed, started, failed, other, ratings, satisfied) " +
            "SELECT council_code, service, channel, date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date, " +
            "coalesce(sum(quantity) FILTER (WHERE event_type = 'transaction_completed'), 0), " +
            "coalesce(sum(quantity) FILTER (WHERE event_type = 'transaction_started'), 0), " +
            "coalesce(sum(quantity) FILTER (WHERE event_type = 'transaction_failed'), 0), " +
            "coalesce(sum(quantity) FILTER (WHERE event_type NOT IN ('transaction_completed', 'transaction_started', 'transaction_failed', " +
            "'satisfaction_rating')), 0), " +
            "coalesce(sum(quantity) FILTER (WHERE event_type = 'satisfaction_rating'), 0), " +
            "coalesce(sum(quantity) FILTER (WHERE event_type = 'satisfaction_rating' AND rating >= 4), 0) " +
            "FROM usage_events WHERE file_id = @file AND occurred_at >= @from AND occurred_at < @to GROUP BY 1, 2, 3, 4 " +
            "ON CONFLICT (council_code, service, channel, month) DO UPDATE SET completed = r.completed + excluded.completed, " +
            "started = r.started + excluded.started, failed = r.failed + excluded.failed, other = r.other + excluded.other, " +
            "ratings = r.ratings + excluded.ratings, satisfied = r.satisfied + excluded.satisfied", _connection) { CommandTimeout = 0 };
        cmd.Parameters.AddWithValue("file", _fileId);
        cmd.Parameters.AddWithValue("from", first);
        cmd.Parameters.AddWithValue("to", end);
        cmd.ExecuteNonQuery();
    }

    private void HandOver()
    {
        // Sorted here, while the previous chunk is still being written (this thread would only wait), so that the
        // server can start on this chunk's claims as soon as it is free.
        SortClaims(_filling);
        WaitForFlush();
        var full = _filling;
        _filling = _spare;
        _spare = full;
        _filling.Clear();
        _flushing = Task.Run(() => Flush(full));
    }

    private void WaitForFlush()
    {
        if (_flushing is not { } task) return;
        _flushing = null;
        try { task.GetAwaiter().GetResult(); }
        catch (Exception e) { ExceptionDispatchInfo.Capture(e).Throw(); }
    }

    private void NoteMonth(long ms, Chunk c)
    {
        var at = DateTime.UnixEpoch.AddTicks(ms * TimeSpan.TicksPerMillisecond);
        var first = new DateTime(at.Year, at.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        _monthFrom = (first.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        _monthTo = (first.AddMonths(1).Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        var key = _month = at.Year * 100 + at.Month;
        if (_monthsSeen.Add(key)) c.NewMonths.Add(key);
    }

    /// <summary>A council code (9 bytes when valid) packed into a number, named once: no string per row.</summary>
    private UInt128 CouncilKey(ReadOnlySpan<byte> code)
    {
        UInt128 key;
        if (code.Length <= 15)
        {
            Span<byte> packed = stackalloc byte[16];
            packed.Clear();
            code.CopyTo(packed);
            packed[15] = (byte)code.Length;
            key = MemoryMarshal.Read<UInt128>(packed);
        }
        else
        {
            // Longer than any council code; kept apart by its full text.
            var name = Encoding.UTF8.GetString(code);
            var existing = _councilNames.FirstOrDefault(kv => kv.Key >> 120 == 0xFF && kv.Value == name);
            if (existing.Value is not null) return existing.Key;
            key = ((UInt128)0xFF << 120) | (uint)_councilNames.Count;
            _councilNames[key] = name;
            return key;
        }
        if (key != _lastCouncilKey || _councilNames.Count == 0)
        {
            _lastCouncilKey = key;
            if (!_councilNames.ContainsKey(key)) _councilNames[key] = Encoding.UTF8.GetString(code);
        }
        return key;
    }

    private void Flush(Chunk c)
    {
        EnsurePartitions(c.NewMonths);
        NumberRows(c);
        bool[]? lost = null;
        if (c.ClaimStarts.Count > 0)
        {
            Execute($"SAVEPOINT {ClaimsSavepoint}");
            try
            {
                if (!c.ClaimsSorted) SortClaims(c);
                Copy("COPY usage_event_keys (key, file_id) FROM STDIN (FORMAT BINARY)", c.SortedClaims.SendAll);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                Execute($"ROLLBACK TO SAVEPOINT {ClaimsSavepoint}");
                lost = ClaimOneByOne(c);
            }
            Execute($"RELEASE SAVEPOINT {ClaimsSavepoint}");
        }

        var months = c.Months.Where(m => m.Value.Starts.Count > 0).OrderBy(m => m.Key).ToList();
        if (lost is null)
        {
            CopyEvents(months, (m, s) => m.Rows.SendAll(s, framed: false));
            if (c.ContactStarts.Count > 0) Copy(ContactsCopy, c.Contacts.SendAll);
            foreach (var council in c.Councils) _storedCouncils.Add(council);
            return;
        }
        CopyEvents(months, (m, s) =>
            m.Rows.SendRows(s, m.Starts, Enumerable.Range(0, m.Starts.Count).Where(k => !lost[m.RowIndexes[k]]), framed: false));
        if (c.ContactStarts.Count > 0)
            Copy(ContactsCopy,
                s => c.Contacts.SendRows(s, c.ContactStarts, Enumerable.Range(0, c.ContactStarts.Count).Where(k => !lost[c.ContactRows[k]])));
        foreach (var m in months.Select(x => x.Value))
            for (var k = 0; k < m.Starts.Count; k++)
                if (lost[m.RowIndexes[k]]) TakeBack(m.Rows.Read(m.Starts[k]));
        for (var i = 0; i < c.Count; i++)
            if (!lost[i]) _storedCouncils.Add(c.Councils[i]);
    }

    /// <summary>
    /// Gives the chunk's rows their ids: one value of usage_events' identity (which steps by <see cref="IdBlock"/>) plus
    /// the row's number in the chunk, so ids follow the file's order and no two files' rows share one.
    /// </summary>
    private void NumberRows(Chunk c)
    {
        if (c.Count >= IdBlock) throw new InvalidOperationException("a chunk holds more rows than an id block");
        using var cmd = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('usage_events', 'id'))", _connection);
        var first = (long)cmd.ExecuteScalar()!;
        foreach (var m in c.Months.Values)
            for (var k = 0; k < m.Starts.Count; k++) m.Rows.PatchInt64(m.Starts[k] + IdField, first + m.RowIndexes[k]);
    }

    /// <summary>
    /// The chunk's events, month by month: each month's rows with one COPY straight into its partition (made by
    /// <see cref="EnsurePartitions"/>), so the server neither routes rows nor draws ids (1.5 s of server CPU per million
    /// rows, measured, against 2.5–2.7 s through the parent with its identity).
    /// </summary>
    private void CopyEvents(List<KeyValuePair<int, MonthRows>> months, Action<MonthRows, Stream> send)
    {
        foreach (var (key, m) in months)
            Copy(EventsCopy(PostgresBulkLoader.PartitionName(new DateOnly(key / 100, key % 100, 1))), s => send(m, s), framed: true);
    }

    /// <summary>
    /// Puts the chunk's claims in key order (byte by byte, as the index compares them) into its sorted buffer: the index
    /// then takes them as runs of neighbouring keys rather than one at a time all over its pages. Each claim is sorted as
    /// one 128-bit number, its council's rank among the chunk's councils (in byte order) then the first 14 bytes of its
    /// event id; only claims equal in that and with longer ids are then compared whole. A few milliseconds for 100,000
    /// claims: comparing the keys in the buffer took 0.3–0.7 s a chunk, and three numbers per key with a comparer
    /// still 0.05 s.
    /// </summary>
    private static void SortClaims(Chunk c)
    {
        c.ClaimsSorted = true;
        var n = c.ClaimStarts.Count;
        if (c.SortKeys.Length < n)
        {
            c.SortKeys = new UInt128[Math.Max(n, 2 * c.SortKeys.Length)];
            c.SortOrder = new int[c.SortKeys.Length];
        }
        var keys = c.SortKeys;
        var order = c.SortOrder;
        var ranks = c.CouncilRanks;
        ranks.Clear();
        Span<byte> packed = stackalloc byte[16];
        for (var i = 0; i < n; i++)
        {
            var key = c.Claims.Read(c.ClaimStarts[i]).Next();
            var colon = key.IndexOf(KeySeparator);
            if (colon > 15) { SortClaimsByWholeKey(c); return; }
            packed.Clear();
            key[..colon].CopyTo(packed);
            keys[i] = BigEndian(packed);
            ranks.TryAdd(keys[i], 0);
        }
        if (ranks.Count > ushort.MaxValue) { SortClaimsByWholeKey(c); return; }
        var councils = ranks.Keys.ToArray();
        Array.Sort(councils);
        for (var r = 0; r < councils.Length; r++) ranks[councils[r]] = r;
        for (var i = 0; i < n; i++)
        {
            var key = c.Claims.Read(c.ClaimStarts[i]).Next();
            var id = key[(key.IndexOf(KeySeparator) + 1)..];
            packed.Clear();
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(packed, (ushort)ranks[keys[i]]);
            id[..Math.Min(14, id.Length)].CopyTo(packed[2..]);
            keys[i] = BigEndian(packed);
            order[i] = i;
        }
        Array.Sort(keys, order, 0, n);
        // Equal numbers: the same council and the same first 14 bytes of id; longer ids are told apart by their rest.
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            if (end - start > 1) Array.Sort(order, start, end - start, new WholeKeyOrder(c));
            start = end;
        }
        c.SortedClaims.Clear();
        for (var i = 0; i < n; i++) c.SortedClaims.Append(c.Claims.Row(c.ClaimStarts, order[i]));
    }

    private static UInt128 BigEndian(ReadOnlySpan<byte> sixteen) => new(
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(sixteen),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(sixteen[8..]));

    /// <summary>The rare chunk with a council code longer than 15 bytes or more than 65,535 councils: keys compared whole.</summary>
    private static void SortClaimsByWholeKey(Chunk c)
    {
        var n = c.ClaimStarts.Count;
        var order = c.SortOrder;
        for (var i = 0; i < n; i++) order[i] = i;
        Array.Sort(order, 0, n, new WholeKeyOrder(c));
        c.SortedClaims.Clear();
        for (var i = 0; i < n; i++) c.SortedClaims.Append(c.Claims.Row(c.ClaimStarts, order[i]));
    }

    /// <summary>Claims (by their index in the chunk) in the byte order of their whole keys.</summary>
    private sealed class WholeKeyOrder(Chunk c) : IComparer<int>
    {
        public int Compare(int x, int y) =>
            c.Claims.Read(c.ClaimStarts[x]).Next().SequenceCompareTo(c.Claims.Read(c.ClaimStarts[y]).Next());
    }

    private static string EventsCopy(string table) =>
        $"COPY {table} (id, event_id, council_code, service, channel, event_type, occurred_at, case_id, user_ref, quantity, " +
        "duration_seconds, file_id, rating) FROM STDIN (FORMAT BINARY)";

    private const string ContactsCopy = "COPY contact_events (council_code, service, user_ref, channel, kind, occurred_at) FROM STDIN " +
        "(FORMAT BINARY)";

    /// <summary>
    /// Claims the chunk's ids one statement at a time, skipping those already claimed; in file order, so that of a file's
    /// rows with one id the first is inserted and the later ones find it. Returns which rows lost.
    /// </summary>
    private bool[] ClaimOneByOne(Chunk c)
    {
        var n = c.ClaimStarts.Count;
        var keys = new string[n];
        for (var k = 0; k < n; k++) keys[k] = Encoding.UTF8.GetString(c.Claims.Read(c.ClaimStarts[k]).Next());
        var won = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = new NpgsqlCommand(
            "INSERT INTO usage_event_keys (key, file_id) SELECT k, @file FROM unnest(@k::text[]) WITH ORDINALITY AS u(k, n) " +
            "ORDER BY n ON CONFLICT DO NOTHING RETURNING key", _connection) { CommandTimeout = 0 })
        {
            cmd.Parameters.AddWithValue("file", _fileId);
            cmd.Parameters.AddWithValue("k", keys);
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) won.Add(reader.GetString(0));
        }
        var lost = new bool[c.Count];
        for (var k = 0; k < n; k++)
            if (!won.Remove(keys[k])) lost[c.ClaimRows[k]] = true;
        return lost;
    }

    /// <summary>A lost row's usage, to take back from the counts made while validating.</summary>
    private void TakeBack(CopyBuffer.RowReader row)
    {
        _duplicates++;
        row.Next();
        row.Next();
        var council = Encoding.UTF8.GetString(row.Next());
        var service = Encoding.UTF8.GetString(row.Next());
        var channel = Encoding.UTF8.GetString(row.Next());
        var type = row.Next();
        var at = DateTime.UnixEpoch.AddTicks(row.NextInstant() * TimeSpan.TicksPerMillisecond);
        row.Next();
        row.Next();
        var quantity = row.NextInt64();
        row.Next();
        row.Next();
        var rating = row.NextInt32OrNull();
        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_takeBack,
            new UsageKey(council, service, channel, at.Year * 100 + at.Month), out _);
        if (type.SequenceEqual("transaction_completed"u8)) counts.Completed += quantity;
        else if (type.SequenceEqual("transaction_started"u8)) counts.Started += quantity;
        else if (type.SequenceEqual("transaction_failed"u8)) counts.Failed += quantity;
        else if (type.SequenceEqual("satisfaction_rating"u8))
        {
            // As ingest counts them: ratings given, and those of 4 or 5 (satisfied).
            counts.Ratings += quantity;
            if (rating >= 4) counts.Satisfied += quantity;
        }
        else counts.Other += quantity;
    }

    /// <summary>
    /// Attaches the monthly partitions of usage_events that the chunk's months need and that do not exist yet. Each is
    /// made on a second connection and committed at once, under an advisory lock so that two nodes never race for one:
    /// <c>CREATE TABLE</c> then <c>ATTACH PARTITION</c>, which (unlike <c>CREATE TABLE ... PARTITION OF</c>) does not
    /// wait for the transactions writing to usage_events, this file's among them. A partition left empty by a file that
    /// then fails is harmless.
    /// </summary>
    private void EnsurePartitions(List<int> months)
    {
        if (months.Count == 0) return;
        if (_partitions is null)
        {
            _partitions = [];
            using var cmd = new NpgsqlCommand(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'usage_events'::regclass",
                    _connection);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                if (ParsePartitionName(reader.GetString(0)) is { } month) _partitions.Add(month);
        }
        var missing = months.Where(m => !_partitions.Contains(m)).Order().ToList();
        if (missing.Count == 0) return;
        using var other = new NpgsqlConnection(_connectionString);
        other.Open();
        using var tx = other.BeginTransaction();
        using (var lockIt = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('benefits:usage_events partitions'))", other, tx))
            lockIt.ExecuteNonQuery();
        var sql = new StringBuilder();
        foreach (var key in missing)
        {
            var month = new DateOnly(key / 100, key % 100, 1);
            var name = PostgresBulkLoader.PartitionName(month);
            using var exists = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", other, tx);
            exists.Parameters.AddWithValue("name", name);
            if ((bool)exists.ExecuteScalar()!) continue;
            sql.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"CREATE TABLE {name} (LIKE usage_events); ALTER TABLE usage_events ATTACH PARTITION {name} FOR VALUES FROM " +
                $"('{month:yyyy-MM-dd} 00:00:00+00') TO ('{month.AddMonths(1):yyyy-MM-dd} 00:00:00+00'); ");
        }
        if (sql.Length > 0)
        {
            using var create = new NpgsqlCommand(sql.ToString(), other, tx);
            create.ExecuteNonQuery();
        }
        tx.Commit();
        _partitions.UnionWith(missing);
    }

    private static int? ParsePartitionName(string name) =>
        name.Length == "usage_events_y0000m00".Length && name.StartsWith("usage_events_y", StringComparison.Ordinal)
        && int.TryParse(name.AsSpan(14, 4), System.Globalization.CultureInfo.InvariantCulture, out var year)
        && int.TryParse(name.AsSpan(19, 2), System.Globalization.CultureInfo.InvariantCulture, out var month)
            ? year * 100 + month
            : null;

    private void Copy(string command, Action<Stream> send, bool framed = false)
    {
        using var copy = _connection.BeginRawBinaryCopy(command);
        if (framed) CopyBuffer.SendHeader(copy);
        send(copy);
        if (framed) CopyBuffer.SendTrailer(copy);
    }

    private void Execute(string sql)
    {
        using var cmd = new NpgsqlCommand(sql, _connection);
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        // A chunk being written when the file is abandoned finishes (or fails) before the caller rolls the transaction back.
        try { _flushing?.GetAwaiter().GetResult(); }
        catch (Exception) { }
        _flushing = null;
    }

    /// <summary>One chunk of a file's rows, in the COPY streams they feed, with where each row starts.</summary>
    private sealed class Chunk
    {
        public int Count, EventBytes;
        public bool ClaimsSorted;
        /// <summary>The events by month (yyyyMM); buffers are kept from chunk to chunk.</summary>
        public readonly Dictionary<int, MonthRows> Months = [];
        public readonly CopyBuffer Claims = new(1 << 18), SortedClaims = new(1 << 18), Contacts = new(1 << 16);
        public UInt128[] SortKeys = [];
        public int[] SortOrder = [];
        public readonly Dictionary<UInt128, int> CouncilRanks = [];
        public readonly List<int> ClaimStarts = [], ClaimRows = [], ContactStarts = [], ContactRows = [];
        public readonly List<UInt128> Councils = [];
        public readonly List<int> NewMonths = [];
        private int _lastKey;
        private MonthRows? _last;

        public MonthRows Month(int key)
        {
            if (key == _lastKey && _last is not null) return _last;
            if (!Months.TryGetValue(key, out var rows)) Months[key] = rows = new MonthRows();
            _lastKey = key;
            return _last = rows;
        }

        public void Clear()
        {
            Count = EventBytes = 0;
            ClaimsSorted = false;
            foreach (var m in Months.Values) m.Clear();
            Claims.Clear();
            SortedClaims.Clear();
            Contacts.Clear();
            ClaimStarts.Clear();
            ClaimRows.Clear();
            ContactStarts.Clear();
            ContactRows.Clear();
            Councils.Clear();
            NewMonths.Clear();
        }
    }

    /// <summary>A chunk's events of one month: their COPY rows, where each starts, and each one's row number in the chunk.</summary>
    private sealed class MonthRows
    {
        public readonly CopyBuffer Rows = new(1 << 16);
        public readonly List<int> Starts = [], RowIndexes = [];

        public void Clear()
        {
            Rows.Clear();
            Starts.Clear();
            RowIndexes.Clear();
        }
    }
}
