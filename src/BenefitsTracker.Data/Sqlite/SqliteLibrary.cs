using SQLitePCL;

namespace BenefitsTracker.Data.Sqlite;

/// <summary>
/// How this process sets up the SQLite library, once, before its first connection (<see cref="SqliteProvider"/> calls
/// <see cref="Configure"/> before it opens anything).
/// </summary>
public static class SqliteLibrary
{
    private static readonly Lazy<bool> Done = new(Apply);

    /// <summary>
    /// Whether SQLite runs in multi-thread mode without memory statistics: true when <see cref="Configure"/> came before
    /// the process's first SQLite connection; false when something had started SQLite already (its defaults then stay:
    /// serialized mode, statistics on; only slower).
    /// </summary>
    public static bool Configured => Done.Value;

    /// <summary>
    /// Multi-thread mode: no mutex around each call on a connection. Sound because every connection here is used by one
    /// thread at a time, as ADO.NET connections and Entity Framework contexts must be (the ingest's loading thread takes
    /// the connection while the thread that opened it waits); connections on different threads stay independent, as in
    /// serialized mode. No memory statistics: they take a global mutex on every allocation and nothing here reads them.
    /// Measured together on 2026-12-07, the whole `benefits ingest` process of 1,000,000 UUID events (ReadyToRun build):
    /// 3.33–3.64 s against 3.52–4.29 s, six runs each, alternately; either alone gained nothing (docs/benchmarks.md).
    /// </summary>
    public static void Configure() => _ = Done.Value;

    private static bool Apply()
    {
        Batteries_V2.Init();
        const int MultiThread = 2, MemStatus = 9; // SQLITE_CONFIG_MULTITHREAD, SQLITE_CONFIG_MEMSTATUS
        // sqlite3_config answers SQLITE_MISUSE once the library has started (another connection came first).
        var threads = raw.sqlite3_config(MultiThread);
        var statistics = raw.sqlite3_config(MemStatus, 0);
        return threads == raw.SQLITE_OK && statistics == raw.SQLITE_OK;
    }
}
