using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BenefitsTracker.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster for tests: Debian's binaries (apt-get install postgresql) run <c>initdb</c> into a
/// temporary folder and <c>pg_ctl</c> starts it on 127.0.0.1 at a free port, trusting local logins; it is stopped
/// and its folder removed when the test process ends. As root the server runs as the <c>postgres</c> user (initdb
/// refuses root). One cluster per test process (<see cref="Shared"/>); each test takes its own database.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private static readonly Lazy<PostgresServer?> LazyShared = new(() =>
    {
        if (FindBinaries() is not { } bin) return null;
        RemoveOrphans();
        var server = new PostgresServer(bin);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    });

    private readonly string _bin;
    private readonly string _folder;
    private readonly string? _runAs;
    private int _disposed;

    /// <summary>The cluster for this test process, started on first use; null when PostgreSQL is not installed.</summary>
    public static PostgresServer? Shared => LazyShared.Value;

    /// <summary>
    /// The cluster for a test; null (the test passes having checked nothing) when PostgreSQL is missing and neither CI
    /// nor BENEFITS_REQUIRE_TOOLS is set. When one is set (scripts/test.sh sets it, and installs postgresql), a missing
    /// PostgreSQL fails the test.
    /// </summary>
    public static PostgresServer? ForTest() => ForTest(() => Shared, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="ForTest()"/>, with where the cluster comes from and the environment given (to test the rule itself).</summary>
    public static PostgresServer? ForTest(Func<PostgresServer?> cluster, Func<string, string?> environment)
    {
        if (cluster() is { } server) return server;
        var required = new[] { "CI", "BENEFITS_REQUIRE_TOOLS" }.FirstOrDefault(v => !string.IsNullOrEmpty(environment(v)));
        if (required is not null) throw new InvalidOperationException($"{Missing} {required} is set, so a missing tool is a failure.");
        return null;
    }

    /// <summary>What to tell someone whose machine has no PostgreSQL.</summary>
    public const string Missing = "PostgreSQL's server binaries (initdb, pg_ctl) are not installed (apt-get install -y --no-install-recommends " +
        "postgresql); this test needs them.";

    /// <summary>The folder of initdb and pg_ctl: the newest /usr/lib/postgresql/N/bin, else one on PATH; null when none.</summary>
    public static string? FindBinaries()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.Dir, "initdb")) && File.Exists(Path.Combine(x.Dir, "pg_ctl")))
                .OrderByDescending(x => x.Version).Select(x => x.Dir).FirstOrDefault()
            : null;
        if (debian is not null) return debian;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"))) return dir;
        return null;
    }

    public int Port { get; }

    /// <summary>The folder holding the cluster's data, its socket and its log.</summary>
    public string Folder => _folder;

    public PostgresServer(string bin)
    {
        _bin = bin;
        _runAs = Environment.UserName == "root" ? "postgres" : null;
        _folder = Path.Combine(Path.GetTempPath(), $"bt-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..30]);
        Directory.CreateDirectory(_folder);
        if (_runAs is not null) Run("chown", [_runAs, _folder], asServerUser: false);
        var data = Path.Combine(_folder, "data");
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            // fsync off: a test cluster need not survive a power cut, and it is faster on a shared disk.
            var options = $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
                break;
            }
            catch (InvalidOperationException) when (attempt < 2)
            {
                // Another process took the port between our probe and the server's bind: try another.
            }
        }
    }

    /// <summary>A connection string for a database of this cluster (created on first use by the store's migrations).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20";

    /// <summary>A fresh database name for one test.</summary>
    public static string NewDatabaseName(string prefix = "bt") => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>The path of a client program of this installation (psql, pg_dump).</summary>
    public string Program(string name) => Path.Combine(_bin, name);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try { Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]); }
        catch (InvalidOperationException) { }
        // The test host may be ended before a slow recursive delete finishes; rm carries on without it.
        try { Process.Start(new ProcessStartInfo("rm", ["-rf", _folder]) { UseShellExecute = false })?.Dispose(); }
        catch (System.ComponentModel.Win32Exception) { }
    }

    /// <summary>Removes the folders of clusters whose test process is gone (killed before it could clean up).</summary>
    private static void RemoveOrphans()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "bt-pg-*"))
        {
            var parts = Path.GetFileName(dir).Split('-');
            if (parts.Length < 4 || !int.TryParse(parts[2], out var pid) || pid == Environment.ProcessId) continue;
            try { using var p = Process.GetProcessById(pid); continue; } catch (ArgumentException) { }
            var data = Path.Combine(dir, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")) && FindBinaries() is { } bin)
            {
                var pgCtl = Path.Combine(bin, "pg_ctl");
                var start = Environment.UserName == "root"
                    ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl, "-D", data, "-m", "immediate", "stop"])
                    : new ProcessStartInfo(pgCtl, ["-D", data, "-m", "immediate", "stop"]);
                start.UseShellExecute = false;
                start.RedirectStandardError = start.RedirectStandardOutput = true;
                try { using var stop = Process.Start(start); stop?.WaitForExit(30_000); }
                catch (System.ComponentModel.Win32Exception) { }
            }
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private void Run(string program, IReadOnlyList<string> args, bool asServerUser = true)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asServerUser && _runAs is not null)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", _runAs, "--", program }) start.ArgumentList.Add(a);
        }
        else start.FileName = program;
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish in 120 s");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr.Result}{stdout.Result}" +
                (File.Exists(Path.Combine(_folder, "server.log")) ? "\n" + File.ReadAllText(Path.Combine(_folder, "server.log")) : ""));
    }
}
