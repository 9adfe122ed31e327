using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>
    /// Killed at each stage of a file with rejected rows: before the commit the store is as before and the file
    /// loads again in full; after it the file is wholly in, and its rejected rows are on disk where the registry says.
    /// </summary>
    [Theory]
    [InlineData("rows loaded", false)]
    [InlineData("rollups merged", false)]
    [InlineData("committing", false)]
    [InlineData("committed", true)]
    public async Task A_process_killed_at_any_stage_leaves_the_store_as_before_or_the_file_whole_with_its_rejects(string stage, bool committed)
    {
        await using var store = await TestStore.CreateAsync();
        var first = Path.Combine(store.Folder, "first.csv");
        BenchmarkEventsFile.Write(first, 1000, seed: 1, idPrefix: "first-");
        await store.IngestAsync(first);
        var big = Path.Combine(store.Folder, "big.csv");
        BenchmarkEventsFile.Write(big, 20_000, seed: 3);
        await File.AppendAllTextAsync(big,
            string.Concat(Enumerable.Range(0, 7).Select(i => $"bad-{i},W06000003,bins,fax,transaction_completed,2024-04-10T09:00:00Z,,,1,\n")));
        var dbPath = store.Target.Location;
        var before = await StoreSnapshot.TakeAsync(store.Db);
        await store.Db.DisposeAsync();

        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { HostDll, "ingest", dbPath, big, "--pause-at", stage }) psi.ArgumentList.Add(a);
        using var host = Process.Start(psi)!;
        string? line;
        var paused = false;
        while ((line = await host.StandardOutput.ReadLineAsync()) is not null)
            if (line == "paused " + stage) { paused = true; break; }
        if (!paused) Assert.Fail($"the host never reached '{stage}': " + await host.StandardError.ReadToEndAsync());
        host.Kill();
        Assert.True(host.WaitForExit(30_000), "the host did not die");

        await store.ReopenAsync();
        var rejects = Path.Combine(store.Folder, "big.rejects.csv");
        if (!committed)
        {
            Assert.Equal(before, await StoreSnapshot.TakeAsync(store.Db));
            var again = (await store.IngestAsync(big)).Files.Single();
            Assert.False(again.SkippedAlreadyIngested);
            Assert.Equal((20_007L, 20_000L, 7L), (again.Read, again.Accepted, again.Rejected));
        }
        else
        {
            var registered = await store.Db.IngestedFiles.SingleAsync(f => f.Name == "big.csv");
            Assert.Equal((20_007L, 7L), (registered.RowsRead, registered.Rejected));
            Assert.Equal(rejects, registered.RejectsPath);
            Assert.True((await store.IngestAsync(big)).Files.Single().SkippedAlreadyIngested);
        }
        // Either way the file is now in whole, once: committed by the killed process, or loaded again above.
        Assert.Equal(21_000, await StoreSnapshot.CountAsync(store.Db, "usage_events"));
        // Wherever it was killed, once the file is in, its 7 rejected rows are on disk (header + 7 lines).
        Assert.Equal(8, File.ReadAllLines(rejects).Length);
        Assert.Empty(Directory.GetFiles(store.Folder, "*.partial"));
    }
}
