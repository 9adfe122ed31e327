using System.Diagnostics;
using BenefitsTracker.Ingestion.Benchmarks;

namespace BenefitsTracker.Ingestion.Tests;

/// <summary>
/// One transaction per file: a real process killed in the middle of a file leaves the store as it was before
/// that file, and the same file then loads in full.
/// </summary>
public class KilledIngestTests
{
    private static string HostDll => Path.Combine(AppContext.BaseDirectory, "BenefitsTracker.Ingestion.TestHost.dll");

    [Fact]
    public async Task A_process_killed_mid_file_leaves_the_store_as_before_that_file()
    {
        await using var store = await TestStore.CreateAsync();
        var first = Path.Combine(store.Folder, "first.csv");
        BenchmarkEventsFile.Write(first, 1000, seed: 1, idPrefix: "first-");
        await store.IngestAsync(first);
        var big = Path.Combine(store.Folder, "big.csv");
        BenchmarkEventsFile.Write(big, 200_000, seed: 2);
        var dbPath = store.Target.Location;
        var before = await StoreSnapshot.TakeAsync(store.Db);
        await store.Db.DisposeAsync();

        // The host pauses after each progress report, so it is surely mid-file, rows inserted, when killed.
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { HostDll, "ingest", dbPath, big, "--pause-ms", "5000" }) psi.ArgumentList.Add(a);
        using var host = Process.Start(psi)!;
        string? line;
        long rows = 0;
        while ((line = await host.StandardOutput.ReadLineAsync()) is not null)
            if (line.StartsWith("progress ", StringComparison.Ordinal)) { rows = long.Parse(line[9..]); break; }
        if (rows == 0) Assert.Fail("the host reported no progress: " + await host.StandardError.ReadToEndAsync());
        host.Kill();
        var exited = host.WaitForExit(30_000);
        Assert.True(exited, "the host did not die");
        Assert.NotEqual(0, host.ExitCode);
        Assert.True(File.Exists(dbPath + "-wal"), "the killed ingest wrote to the WAL");

        await store.ReopenAsync();
        Assert.Equal(before, await StoreSnapshot.TakeAsync(store.Db));
        Assert.Empty(Directory.GetFiles(store.Folder, "big.rejects.csv"));

        var again = (await store.IngestAsync(big)).Files.Single();
        Assert.False(again.SkippedAlreadyIngested);
        Assert.Equal((200_000L, 200_000L), (again.Read, again.Accepted));
        Assert.Equal(201_000, await StoreSnapshot.CountAsync(store.Db, "usage_events"));
    }
}
