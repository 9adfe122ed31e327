using System.Diagnostics;

namespace BenefitsTracker.Cli.Tests;

/// <summary>Runs the built `benefits` program as a real process, as a user would.</summary>
public static class CliRunner
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    public static Run Benefits(string workDir, params string[] args) => Benefits(workDir, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="Benefits(string, string[])"/>, with environment variables set for the run.</summary>
    public static Run Benefits(string workDir, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var p = Process.Start(Start(workDir, environment, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
            { p.Kill(true); throw new TimeoutException("benefits did not finish in 5 minutes: " + string.Join(' ', args)); }
        return new Run(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>How to start `benefits` with these arguments, for a test that drives (or kills) the process itself.</summary>
    public static ProcessStartInfo Start(string workDir, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "benefits.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("BENEFITS_DB");
        foreach (var (k, v) in environment) start.Environment[k] = v;
        return start;
    }

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Made = MadeAndRemoved();

    /// <summary>
    /// A test's folder holds its store, reports and copies of inputs (up to 76 MB); a run of this project makes about 60
    /// and used to leave every one behind. They are removed when the test process ends and, on the next run, any left by
    /// a test process that is gone (killed): folders are named after the process that made them.
    /// BENEFITS_KEEP_TEST_FOLDERS=1 keeps them for a look afterwards.
    /// </summary>
    private static System.Collections.Concurrent.ConcurrentBag<string> MadeAndRemoved()
    {
        var keep = Environment.GetEnvironmentVariable("BENEFITS_KEEP_TEST_FOLDERS") == "1";
        var made = new System.Collections.Concurrent.ConcurrentBag<string>();
        if (keep) return made;
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
            if (int.TryParse(Path.GetFileName(dir)[Prefix.Length..].Split('-')[0], out var pid) && !Alive(pid)) Remove(dir);
        // Handed to rm, which carries on after the test host: deleting ~1 GB here held up the other exit handlers (the
        // shared PostgreSQL cluster's stop among them) until the host was ended, and the cluster was left running.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (made.IsEmpty) return;
            var rm = new ProcessStartInfo("rm") { UseShellExecute = false };
            foreach (var a in (string[])["-rf", "--", .. made]) rm.ArgumentList.Add(a);
            try { Process.Start(rm)?.Dispose(); }
            catch (System.ComponentModel.Win32Exception) { }
        };
        return made;
    }

    private const string Prefix = "benefits-cli-test-";

    private static bool Alive(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    private static void Remove(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>A fresh folder for one test, removed when the test process ends (or by the next run).</summary>
    public static string TempDir()
    {
        var dir = Directory.CreateTempSubdirectory($"{Prefix}{Environment.ProcessId}-").FullName;
        Made.Add(dir);
        return dir;
    }

    /// <summary>The worked example's inputs (tests/fixtures/worked-council), copied beside the test binaries.</summary>
    public static string WorkedExampleDir => Path.Combine(AppContext.BaseDirectory, "fixtures", "worked-council");

    /// <summary>
    /// The worked example (councils, events, cases, costs, assumptions) copied into a fresh folder and ingested with
    /// <c>benefits ingest</c> into a SQLite store there; the folder and the <c>--db</c> value.
    /// </summary>
    public static (string Work, string Db) IngestWorkedExample()
    {
        string[] inputs = ["councils.csv", "events.csv", "cases.csv", "costs.csv", "assumptions.json"];
        var work = TempDir();
        var db = "sqlite:" + Path.Combine(work, "benefits.db");
        foreach (var file in inputs) File.Copy(Path.Combine(WorkedExampleDir, file), Path.Combine(work, file));
        var ingest = Benefits(work, ["ingest", .. inputs, "--db", db]);
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        return (work, db);
    }
}
