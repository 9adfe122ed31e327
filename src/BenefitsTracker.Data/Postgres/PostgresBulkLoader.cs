using System.Text;
using BenefitsTracker.Data.Bulk;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace BenefitsTracker.Data.Postgres;

/// <summary>
/// PostgreSQL's fast path. Events go in chunks through binary COPY straight into usage_events, after their ids are
/// claimed (<see cref="PostgresEventWriter"/>); the usage rollups are merged once per file (<see cref="SettleEvents"/>). Cases and
/// cost lines are staged with binary COPY and stored in set-based SQL (<see cref="PostgresCaseAndCostStager"/>).
/// Everything runs inside the transaction the caller
/// opened on the context's connection, so a file's rows, rollups and registry entry commit or vanish together.
/// </summary>
internal sealed class PostgresBulkLoader : IBulkLoader
{
    private readonly NpgsqlConnection _connection;
    private readonly string _connectionString;
    private PostgresEventWriter? _events;
    private PostgresCaseAndCostStager? _stager;
    private NpgsqlCommand? _contact;

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

    public StagedEvents SettleEvents(RollupDelta? asStaged)
    {
        if (_events is null) return new StagedEvents(0, []);
        var (delta, duplicates, councils) = _events.Settle(asStaged);
        _events.Dispose();
        _events = null;
        if (delta is not null) MergeRollups(delta);
        return new StagedEvents(duplicates, councils);
    }

    /// <summary>usage_events_yYYYYmMM: one partition per UTC month.</summary>
    internal static string PartitionName(DateOnly month) => $"usage_events_y{month.Year:0000}m{month.Month:00}";

    public bool StagesCases => true;

    public CaseOutcome AddCase(in CaseRecord r, out OpenCaseClosed wasOpen)
    {
        wasOpen = default;
        (_stager ??= new PostgresCaseAndCostStager(_connection)).AddCase(r);
        return CaseOutcome.Inserted;
    }

    public StagedCases SettleCases() => (_stager ??= new PostgresCaseAndCostStager(_connection)).SettleCases();

    public bool StagesCostLines => true;

    public bool AddCostLine(in CostRecord r)
    {
        (_stager ??= new PostgresCaseAndCostStager(_connection)).AddCostLine(r);
        return true;
    }

    public StagedCostLines SettleCostLines() => (_stager ??= new PostgresCaseAndCostStager(_connection)).SettleCostLines();

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
        _contact?.Dispose();
        _events = null;
        _contact = null;
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
