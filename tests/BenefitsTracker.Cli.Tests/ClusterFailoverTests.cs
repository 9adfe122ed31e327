using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenefitsTracker.TestSupport;
using Npgsql;

namespace BenefitsTracker.Cli.Tests;

/// <summary>
/// Two real `benefits serve` processes clustered on one PostgreSQL database (the tests' throwaway cluster): the node
/// that takes ingest-inbox's fire is killed with SIGKILL in the middle of the file, and the other node recovers the
/// job and ingests the file once. Passes having checked nothing without PostgreSQL, unless CI or
/// BENEFITS_REQUIRE_TOOLS is set.
/// </summary>
public sealed class ClusterFailoverTests
{
    private const int Rows = 300_000;

    [Fact]
    public async Task A_node_killed_during_a_job_has_it_recovered_by_the_other_node_and_nothing_doubled()
    {
        if (PostgresServer.ForTest() is not { } server) return;
        var work = CliRunner.TempDir();
        var connection = server.ConnectionString(PostgresServer.NewDatabaseName("failover"));
        var db = "postgres:" + connection;
        var nodes = new List<Process>();
        try
        {
            Assert.Equal(0, CliRunner.Benefits(work, "db", "migrate", "--db", db).ExitCode);
            var inbox = Directory.CreateDirectory(Path.Combine(work, "inbox")).FullName;
            WriteEvents(Path.Combine(inbox, "events.csv"));
            // One fire, 20 s from now (time for both nodes to start), in UTC; nothing else fires meanwhile.
            var fire = DateTime.UtcNow.AddSeconds(20);
            var environment = new Dictionary<string, string>
            {
                ["BENEFITS__KEYSECRETFILE"] = Path.Combine(work, "keys"),
                ["BENEFITS__URLS"] = "http://127.0.0.1:0",
                ["BENEFITS__JOBS__TIMEZONE"] = "UTC",
                ["BENEFITS__JOBS__SCHEDULES__INGEST-INBOX"] = string.Create(CultureInfo.InvariantCulture,
                    $"{fire.Second} {fire.Minute} {fire.Hour} * * ?"),
                ["BENEFITS__JOBS__INBOXSETTLESECONDS"] = "0",
                ["BENEFITS__JOBS__CLUSTERCHECKINSECONDS"] = "1",
                ["BENEFITS__JOBS__CLUSTERFAILOVERSECONDS"] = "4",
            };
            var lines = new ConcurrentQueue<(int Node, DateTime At, string Line)>();
            for (var n = 0; n < 2; n++)
            {
                var p = Process.Start(CliRunner.Start(work, environment, "serve", "--db", db, "--inbox", inbox))!;
                nodes.Add(p);
                var node = n;
                p.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue((node, DateTime.UtcNow, e.Data)); };
                p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue((node, DateTime.UtcNow, e.Data)); };
                p.BeginOutputReadLine();
                p.BeginErrorReadLine();
            }

            // The node that takes the fire says so; it is killed a moment later, in the middle of the file.
            var started = await Until<(int Node, DateTime At, string Line)>(() =>
                lines.FirstOrDefault(l => l.Line.Contains("ingest-inbox: started", StringComparison.Ordinal)) is { Line: not null } s ? s : null,
                TimeSpan.FromSeconds(90), () => Log(lines));
            await Task.Delay(1500);
            Assert.Equal(0L, await Count(connection, "SELECT count(*) FROM ingested_files"));
            var killed = started.Node;
            nodes[killed].Kill(entireProcessTree: true);
            var killedAt = DateTime.UtcNow;

            // The other node recovers the job and ingests the file, once.
            await Until<bool>(async () => await Count(connection,
                "SELECT count(*) FROM job_runs WHERE job = 'ingest-inbox' AND outcome = 'succeeded'") > 0 ? true : (bool?)null,
                TimeSpan.FromSeconds(120), () => Log(lines));
            Assert.Contains(lines, l => l.Node != killed && l.At > killedAt && l.Line.Contains("ingest-inbox: started", StringComparison.Ordinal));
            Assert.Equal(1L, await Count(connection, "SELECT count(*) FROM ingested_files"));
            Assert.Equal((long)Rows, await Count(connection, "SELECT accepted FROM ingested_files"));
            Assert.Equal((long)Rows, await Count(connection, "SELECT count(*) FROM usage_events"));
            Assert.Equal((long)Rows, await Count(connection, "SELECT sum(completed) FROM usage_rollups"));
            Assert.False(File.Exists(Path.Combine(inbox, "events.csv")));
            Assert.Single(Directory.GetFiles(Path.Combine(inbox, "archive"), "events.csv", SearchOption.AllDirectories));
            // The killed node's run is not left "running": the recovery closed it.
            Assert.Equal(0L, await Count(connection, "SELECT count(*) FROM job_runs WHERE outcome = 'running'"));
            Assert.Equal(1L, await Count(connection,
                "SELECT count(*) FROM job_runs WHERE job = 'ingest-inbox' AND outcome = 'failed' AND summary LIKE '%stopped before it finished%'"));
        }
        finally
        {
            foreach (var p in nodes)
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                p.Dispose();
            }
            Directory.Delete(work, recursive: true);
        }
    }

    private static void WriteEvents(string path)
    {
        var csv = new StringBuilder("event_id,council_code,service,channel,event_type,occurred_at,case_id,user_ref,quantity,duration_seconds\n");
        for (var i = 0; i < Rows; i++)
            csv.Append(CultureInfo.InvariantCulture,
                $"f{i},W06000003,garden-waste,web,transaction_completed,2024-{i % 12 + 1:00}-0{i % 9 + 1}T10:00:00Z,,u{i % 5000},1,\n");
        File.WriteAllText(path, csv.ToString());
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
    }

    private static string Log(ConcurrentQueue<(int Node, DateTime At, string Line)> lines) =>
        string.Join("\n", lines.Select(l => $"[{l.Node} {l.At:HH:mm:ss.fff}] {l.Line}").TakeLast(80));

    private static async Task<T> Until<T>(Func<T?> probe, TimeSpan bound, Func<string> why) where T : struct =>
        await Until(() => Task.FromResult(probe()), bound, why);

    private static async Task<T> Until<T>(Func<Task<T?>> probe, TimeSpan bound, Func<string> why) where T : struct
    {
        var until = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < until)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(200);
        }
        throw new TimeoutException("not seen in time:\n" + why());
    }

    private static async Task<long> Count(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return await cmd.ExecuteScalarAsync() is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : 0;
    }
}
