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

    /// <summary>What to tell someone whose machine has no PostgreSQL.</summary>
    public const string Missing = "PostgreSQL's server binaries (initdb, pg_ctl) are not installed (apt-get install -y --no-install-recommends postgresql); this test needs them.";

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
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
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
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr.Result}{stdout.Result}" +
                                                (File.Exists(Path.Combine(_folder, "server.log")) ? "\n" + File.ReadAllText(Path.Combine(_folder, "server.log")) : ""));
    }
}
