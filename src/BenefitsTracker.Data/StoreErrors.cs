using Microsoft.Data.Sqlite;
using Npgsql;

namespace BenefitsTracker.Data;

/// <summary>
/// Turns the store's failures that a user can act on (a lock held too long, a full disk, a file that is not a
/// database, a PostgreSQL server out of reach or refusing the login) into one plain line; anything else stays a bug, reported as such.
/// </summary>
public static class StoreErrors
{
    // SQLite's primary result codes (https://sqlite.org/rescode.html).
    private const int Busy = 5, Locked = 6, ReadOnly = 8, IoErr = 10, Corrupt = 11, Full = 13, CantOpen = 14, NotADb = 26;
    // ENOSPC and EDQUOT, as .NET reports them in IOException.HResult on Linux.
    private const int NoSpace = 28, QuotaExceeded = 122;

    /// <summary>The line to print for <paramref name="e"/> (or an exception inside it), or null when it is not the store's.</summary>
    public static string? Describe(Exception e, DatabaseTarget? target, TimeSpan lockWait)
    {
        var store = target?.ToString() ?? "the store";
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case StoreUnavailableException s:
                    return s.Message;
                case SqliteException s when (s.SqliteErrorCode & 0xFF) is Busy or Locked:
                    return $"the database {store} is locked by another process (waited {Seconds(lockWait)} s); nothing was changed by this run. " +
                           $"Try again when the other run has finished, or set {BenefitsStore.LockWaitVariable} to wait longer";
                case SqliteException s when (s.SqliteErrorCode & 0xFF) is Full:
                    return $"the disk holding {store} is full; the file in progress was not stored (files before it were). Free some " +
                        $"space and run again";
                case SqliteException s when (s.SqliteErrorCode & 0xFF) is NotADb or Corrupt:
                    return $"{store} is not a SQLite database (is --db pointing at another kind of file?)";
                case SqliteException s when (s.SqliteErrorCode & 0xFF) is CantOpen or ReadOnly:
                    return $"cannot open the database {store} for this: {s.Message.Replace("SQLite Error ", "").Trim()} (check the path " +
                        $"and its permissions)";
                case SqliteException s when (s.SqliteErrorCode & 0xFF) is IoErr:
                    return $"the database {store} could not be read or written (a disk error: {s.Message}); nothing of the file in " +
                        $"progress was stored";
                case PostgresException p when p.SqlState is "28P01" or "28000":
                    return $"PostgreSQL refused the login to {store}: {p.MessageText} (check Username and Password in the connection string)";
                case PostgresException p when p.SqlState == "3D000":
                    return $"no such database: {store} ({p.MessageText}); 'benefits db migrate' or 'benefits ingest' creates it when the role may";
                case PostgresException p when p.SqlState is "42501" or "42P04":
                    return $"PostgreSQL would not let this role do it in {store}: {p.MessageText} (grant the role CREATE on the database " +
                        $"and schema, or run 'benefits db migrate' as its owner)";
                case PostgresException p when p.SqlState is "53100" or "53200":
                    return $"the PostgreSQL server of {store} is out of space ({p.MessageText}); the file in progress was not stored " +
                        $"(files before it were)";
                case PostgresException p when p.SqlState is "40001" or "40P01" or "55P03" or "57014":
                    return $"{store} was busy with another node's work ({p.MessageText}); nothing of the file in progress was stored. Run again";
                case NpgsqlException n when n is not PostgresException
                    && (n.InnerException is System.Net.Sockets.SocketException or TimeoutException
                        || n.Message.StartsWith("Failed to connect", StringComparison.Ordinal)):
                    return $"cannot reach the PostgreSQL server of {store}: {n.InnerException?.Message ?? n.Message} (is it running, and " +
                        $"are Host and Port right?)";
                case IOException io when io.HResult is NoSpace or QuotaExceeded
                    || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase):
                    return $"the disk is full: {io.Message}. Free some space and run again; the store keeps only what was committed";
            }
        }
        return null;
    }

    internal static string NotADatabase(DatabaseTarget target) =>
        $"{target} is not a SQLite database (is --db pointing at another kind of file?)";

    internal static string Seconds(TimeSpan wait) => Math.Round(wait.TotalSeconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}
