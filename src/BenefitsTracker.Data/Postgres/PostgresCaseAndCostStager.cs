using BenefitsTracker.Data.Bulk;
using Npgsql;

namespace BenefitsTracker.Data.Postgres;

/// <summary>
/// Cases and cost lines on PostgreSQL: staged with binary COPY into a temporary table (in file order), then stored
/// in a few set-based statements that give each row the outcome storing the rows one by one would:
/// <list type="bullet">
/// <item>a case is unique by council and case_id: the first row of a new case is inserted; a later closed row closes
/// it while it is open (the stored case takes that row's values), and every other row is a duplicate;</item>
/// <item>a cost line the same in every field as a stored line, or as an earlier line of the file, is a duplicate.</item>
/// </list>
/// The staging tables are dropped at commit.
/// </summary>
internal sealed class PostgresCaseAndCostStager(NpgsqlConnection connection)
{
    private const int FlushBytes = 8 << 20;
    private readonly CopyBuffer _rows = new(1 << 20);
    private string? _copy;
    private int _seq;
    private long _fileId;

    public void AddCase(in CaseRecord r)
    {
        if (_copy is null)
        {
            _fileId = r.FileId;
            Execute("CREATE TEMP TABLE stage_cases (seq int NOT NULL, council_code text NOT NULL, case_id text NOT NULL, service text NOT NULL, " +
                    "channel text, case_type text, received_at timestamptz NOT NULL, closed_at timestamptz, minutes bigint, grade text) " +
                    "ON COMMIT DROP");
            _copy = "COPY stage_cases FROM STDIN (FORMAT BINARY)";
        }
        _rows.StartRow(10);
        _rows.Int32(_seq++);
        _rows.Text(r.CouncilCode);
        _rows.Text(r.CaseId);
        _rows.Text(r.Service);
        _rows.Text(r.Channel);
        _rows.Text(r.CaseType);
        _rows.Instant(r.ReceivedAtMs);
        if (r.ClosedAtMs is { } closed) _rows.Instant(closed); else _rows.Null();
        if (r.OfficerMinutesHundredths is { } minutes) _rows.Int64(minutes); else _rows.Null();
        _rows.Text(r.OfficerGrade);
        if (_rows.Length >= FlushBytes) Flush();
    }

    public void AddCostLine(in CostRecord r)
    {
        if (_copy is null)
        {
            _fileId = r.FileId;
            Execute("CREATE TEMP TABLE stage_costs (seq int NOT NULL, council_code text, consortium text, service text, category text NOT NULL, " +
                    "period_start date NOT NULL, period_end date NOT NULL, amount numeric(14,2) NOT NULL, cashable boolean NOT NULL, " +
                    "reference text, " +
                    "description text) ON COMMIT DROP");
            _copy = "COPY stage_costs FROM STDIN (FORMAT BINARY)";
        }
        _rows.StartRow(11);
        _rows.Int32(_seq++);
        _rows.Text(r.CouncilCode);
        _rows.Text(r.ConsortiumId);
        _rows.Text(r.Service);
        _rows.Text(r.Category);
        _rows.Date(r.PeriodStart);
        _rows.Date(r.PeriodEnd);
        _rows.Hundredths(r.AmountPence);
        _rows.Bool(r.Cashable);
        _rows.Text(r.Reference);
        _rows.Text(r.Description);
        if (_rows.Length >= FlushBytes) Flush();
    }

    private void Flush()
    {
        if (_copy is null || _rows.Length == 0) return;
        using (var copy = connection.BeginRawBinaryCopy(_copy)) _rows.SendAll(copy);
        _rows.Clear();
    }

    public StagedCases SettleCases()
    {
        if (_copy is null) return new StagedCases(0, []);
        Flush();
        // Each staged row's role. "first" is the case as it stands before the row: the stored one, else the file's
        // first row of it. A closed row closes the case when the first is open (and, for a case new in this file, the
        // row comes after that first row); only the earliest such row does, since the case is closed after it.
        Execute(
            "CREATE TEMP TABLE case_roles ON COMMIT DROP AS " +
            "SELECT seq, CASE WHEN stored_id IS NULL AND seq = first_seq THEN 'insert' WHEN seq = closer_seq THEN 'close' ELSE " +
            "'duplicate' END AS role, " +
            "coalesce(stored_service, first_service) AS first_service, coalesce(stored_received, first_received) AS first_received FROM (" +
            " SELECT *, min(seq) FILTER (WHERE closed AND CASE WHEN stored_id IS NULL THEN first_open AND seq > first_seq ELSE stored_open END) " +
            "   OVER (PARTITION BY council_code, case_id) AS closer_seq FROM (" +
            "  SELECT s.seq, s.council_code, s.case_id, s.closed_at IS NOT NULL AS closed, c.id AS stored_id, c.closed_at IS NULL AS stored_open, " +
            "   c.service AS stored_service, c.received_at AS stored_received, " +
            "   first_value(s.seq) OVER w AS first_seq, first_value(s.closed_at IS NULL) OVER w AS first_open, " +
            "   first_value(s.service) OVER w AS first_service, first_value(s.received_at) OVER w AS first_received " +
            "  FROM stage_cases s LEFT JOIN cases c ON c.council_code = s.council_code AND c.case_id = s.case_id " +
            "  WINDOW w AS (PARTITION BY s.council_code, s.case_id ORDER BY s.seq)) k) r");
        Execute(
            "INSERT INTO cases (council_code, case_id, service, channel, case_type, received_at, closed_at, officer_minutes_hundredths, " +
            "officer_grade, file_id) " +
            "SELECT s.council_code, s.case_id, s.service, s.channel, s.case_type, s.received_at, s.closed_at, s.minutes, s.grade, @file " +
            "FROM stage_cases s JOIN case_roles r USING (seq) WHERE r.role = 'insert' ORDER BY s.seq");
        Execute(
            "UPDATE cases c SET service = s.service, channel = s.channel, case_type = s.case_type, received_at = s.received_at, closed_at " +
            "= s.closed_at, " +
            "officer_minutes_hundredths = s.minutes, officer_grade = s.grade, file_id = @file " +
            "FROM stage_cases s JOIN case_roles r USING (seq) WHERE r.role = 'close' AND c.council_code = s.council_code AND c.case_id = s.case_id");

        // The rollups, as storing the rows one by one adds them: each closed case stored (inserted or closing) into the
        // histogram of its month closed; each open case inserted into the open count of its month received, less the
        // open cases a row closed (in their own service and month received).
        Execute(
            "INSERT INTO closed_case_rollups AS r (council_code, service, month, grade, minutes_hundredths, count) " +
            "SELECT s.council_code, s.service, date_trunc('month', s.closed_at AT TIME ZONE 'UTC')::date, coalesce(s.grade, ''), " +
            "s.minutes, count(*) " +
            "FROM stage_cases s JOIN case_roles r USING (seq) WHERE r.role <> 'duplicate' AND s.closed_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5 " +
            "ON CONFLICT (council_code, service, month, grade, minutes_hundredths) DO UPDATE SET count = r.count + excluded.count");
        Execute(
            "INSERT INTO open_case_rollups AS r (council_code, service, month, count) " +
            "SELECT council_code, service, month, sum(change) FROM (" +
            " SELECT s.council_code, s.service, date_trunc('month', s.received_at AT TIME ZONE 'UTC')::date AS month, 1 AS change " +
            " FROM stage_cases s JOIN case_roles r USING (seq) WHERE r.role = 'insert' AND s.closed_at IS NULL " +
            " UNION ALL SELECT s.council_code, r.first_service, date_trunc('month', r.first_received AT TIME ZONE 'UTC')::date, -1 " +
            " FROM stage_cases s JOIN case_roles r USING (seq) WHERE r.role = 'close') changes GROUP BY 1, 2, 3 " +
            "ON CONFLICT (council_code, service, month) DO UPDATE SET count = r.count + excluded.count");
        var owners = new List<string>();
        long duplicates = 0;
        using (var cmd = Command(
            "SELECT s.council_code, count(*) FILTER (WHERE r.role = 'duplicate'), count(*) FILTER (WHERE r.role <> 'duplicate') " +
            "FROM stage_cases s JOIN case_roles r USING (seq) GROUP BY 1"))
        using (var reader = cmd.ExecuteReader())
            while (reader.Read())
            {
                duplicates += reader.GetInt64(1);
                if (reader.GetInt64(2) > 0) owners.Add(reader.GetString(0));
            }
        Execute("DROP TABLE case_roles; DROP TABLE stage_cases");
        _copy = null;
        return new StagedCases(duplicates, owners);
    }

    public StagedCostLines SettleCostLines()
    {
        if (_copy is null) return new StagedCostLines(0, []);
        Flush();
        // PARTITION BY groups NULLs together and IS NOT DISTINCT FROM compares them as equal, as SQLite's IS does.
        var owners = new List<string>();
        long stored = 0;
        using (var cmd = Command(
            "WITH kept AS (SELECT * FROM (SELECT s.*, row_number() OVER (PARTITION BY council_code, consortium, service, category, " +
            "period_start, period_end, " +
            "amount, cashable, reference, description ORDER BY seq) AS n FROM stage_costs s) ranked WHERE n = 1 AND NOT EXISTS (SELECT 1 " +
            "FROM cost_lines c " +
            "WHERE c.council_code IS NOT DISTINCT FROM ranked.council_code AND c.consortium IS NOT DISTINCT FROM ranked.consortium " +
            "AND c.service IS NOT DISTINCT FROM ranked.service AND c.category = ranked.category AND c.period_start = ranked.period_start " +
            "AND c.period_end = ranked.period_end AND c.amount = ranked.amount AND c.cashable = ranked.cashable " +
            "AND c.reference IS NOT DISTINCT FROM ranked.reference AND c.description IS NOT DISTINCT FROM ranked.description)), " +
            "stored AS (INSERT INTO cost_lines (council_code, consortium, service, category, period_start, period_end, amount, cashable, " +
            "reference, description, file_id) " +
            "SELECT council_code, consortium, service, category, period_start, period_end, amount, cashable, reference, description, @file " +
            "FROM kept ORDER BY seq " +
            "RETURNING coalesce(council_code, consortium) AS owner) " +
            "SELECT owner, count(*) FROM stored GROUP BY owner ORDER BY owner COLLATE \"C\""))
        using (var reader = cmd.ExecuteReader())
            while (reader.Read())
            {
                owners.Add(reader.GetString(0));
                stored += reader.GetInt64(1);
            }
        Execute("DROP TABLE stage_costs");
        _copy = null;
        return new StagedCostLines(_seq - stored, owners);
    }

    private NpgsqlCommand Command(string sql)
    {
        // Set-based statements over a big file's rows can outlast the default 30 s on a slow machine.
        var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        cmd.Parameters.AddWithValue("file", _fileId);
        return cmd;
    }

    private void Execute(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }
}
