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

    public static string TempDir()
    {
        var dir = Directory.CreateTempSubdirectory("benefits-cli-test-").FullName;
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
