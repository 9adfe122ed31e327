using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace BenefitsTracker.Cli.Tests;

/// <summary>
/// Issue 16: an ingest's memory stays bounded whatever the number of distinct rollup keys in a file (it grew by
/// about 0.4 KB a key: 333 MB for 200,000 distinct services). The CLI runs with its managed heap capped at 48 MB;
/// before the fix, a file of 200,000 distinct council × service × channel × month keys ran out of memory under that
/// cap, and the rollups it writes must still count every row exactly once, duplicates taken back.
/// </summary>
public sealed class BoundedMemoryTests
{
    private static readonly Dictionary<string, string> CappedHeap = new() { ["DOTNET_GCHeapHardLimit"] = "0x3000000" };

    [Fact]
    public void Events_with_300000_distinct_keys_load_in_a_48_MB_heap_with_every_row_counted_once()
    {
        var work = CliRunner.TempDir();
        var path = Path.Combine(work, "events.csv");
        const int Rows = 300_000, Repeats = 10_000;
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            w.WriteLine("event_id,council_code,service,channel,event_type,occurred_at,case_id,user_ref,quantity,duration_seconds");
            // 3,000 services × 100 months: every row its own key. Then rows repeating earlier ids, spread over the
            // file, so that duplicates are found after counts have already been merged part-way through the file.
            for (var i = 0; i < Rows + Repeats; i++)
            {
                var n = i < Rows ? i : (i - Rows) * 29;
                var month = n / 3000;
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"e{n},W06000001,svc-{n % 3000},web,transaction_completed,{2000 + month / 12}-{month % 12 + 1:00}-01T10:00:00Z,,,2,"));
            }
        }
        var db = Path.Combine(work, "benefits.db");

        var run = CliRunner.Benefits(work, CappedHeap, "ingest", path, "--db", "sqlite:" + db);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"read {Rows + Repeats:N0}, accepted {Rows:N0}, rejected 0, duplicates {Repeats:N0}", run.Stdout, StringComparison.Ordinal);
        Assert.Equal((Rows, 2L * Rows, 0L), Totals(db, "SELECT count(*), sum(completed), count(*) FILTER (WHERE completed <> 2) FROM usage_rollups"));
        Assert.Equal(3000L, Totals(db, "SELECT count(*), 0, 0 FROM services").Item1);
    }

    [Fact]
    public void Cases_with_200000_distinct_histogram_cells_load_in_a_48_MB_heap_with_every_case_counted_once()
    {
        var work = CliRunner.TempDir();
        var path = Path.Combine(work, "cases.csv");
        const int Closed = 200_000, Open = 20_000;
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            w.WriteLine("case_id,council_code,service,channel,case_type,received_at,closed_at,officer_minutes,officer_grade");
            // Each closed case its own histogram cell (minutes to the hundredth). Then open cases received in 20,000
            // service × month cells, and last a closing record for each tenth of them: their open counts are taken back.
            for (var i = 0; i < Closed; i++)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"c{i},W06000001,svc-{i % 50},phone,request,2024-01-02T09:00:00Z,2024-01-03T09:00:00Z,{i / 100m:0.00},"));
            for (var i = 0; i < Open; i++)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"o{i},W06000001,svc-{i % 200},phone,request,{2000 + i / 200 / 12}-{i / 200 % 12 + 1:00}-02T09:00:00Z,,,"));
            for (var i = 0; i < Open; i += 10)
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"o{i},W06000001,svc-{i % 200},phone,request,{2000 + i / 200 / 12}-{i / 200 % 12 + 1:00}-02T09:00:00Z,2024-06-01T09:00:00Z,30,"));
        }
        var db = Path.Combine(work, "benefits.db");

        var run = CliRunner.Benefits(work, CappedHeap, "ingest", path, "--db", "sqlite:" + db);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Stdout.Contains($"read {Closed + Open + Open / 10:N0}, accepted {Closed + Open + Open / 10:N0}, rejected 0, duplicates 0",
            StringComparison.Ordinal), run.ToString());
        // The closings fall in 20 cells of their own (20 services, June 2024, 30 minutes).
        Assert.Equal((Closed + 20L, Closed + Open / 10L, 0L),
            Totals(db, "SELECT count(*), sum(count), count(*) FILTER (WHERE count <= 0) FROM closed_case_rollups"));
        // One open cell a case; the closed tenth's cells are taken back to 0.
        Assert.Equal((Open, Open - Open / 10L, Open / 10L),
            Totals(db, "SELECT count(*), sum(count), count(*) FILTER (WHERE count = 0) FROM open_case_rollups"));
    }

    private static (long, long, long) Totals(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        return (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
    }
}
