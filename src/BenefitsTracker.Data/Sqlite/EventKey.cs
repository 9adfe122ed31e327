using System.IO.Hashing;
using System.Text;

namespace BenefitsTracker.Data.Sqlite;

/// <summary>
/// The 64-bit key SQLite de-duplicates events on: XXH3-64 (seed 0) of the council code's UTF-8 bytes, a 0x1F
/// separator, then the event_id's UTF-8 bytes. A unique index on this integer costs a third of one on the text
/// (council_code, event_id) for random UUIDs (1,000,000 rows in the sqlite3 CLI: 4.96 s against 14.92 s,
/// docs/benchmarks.md). XXH3 is a published, frozen algorithm (xxHash 0.8), so the key is the same in every process
/// and on every platform; it is stored, so it must never change. Two different ids may share a key (the chance that
/// any two of a store's 1,000,000 ids do is about 1 in 37 million): <see cref="SqliteBulkLoader"/> then compares the text.
/// </summary>
internal static class EventKey
{
    /// <summary>The SQL function the migration that adds <c>usage_events.event_key</c> fills existing rows with.</summary>
    public const string SqlFunction = "benefits_event_key";

    private const byte Separator = 0x1F;

    /// <summary>The key of an event id of a council, both as UTF-8.</summary>
    public static long Of(ReadOnlySpan<byte> councilCode, ReadOnlySpan<byte> eventId)
    {
        var length = councilCode.Length + 1 + eventId.Length;
        // Ids are at most 200 characters (600 bytes of UTF-8) and council codes 9: the stack always suffices for valid rows.
        Span<byte> joined = length <= 1024 ? stackalloc byte[length] : new byte[length];
        councilCode.CopyTo(joined);
        joined[councilCode.Length] = Separator;
        eventId.CopyTo(joined[(councilCode.Length + 1)..]);
        return unchecked((long)XxHash3.HashToUInt64(joined));
    }

    /// <summary>The key of stored text (the migration's backfill).</summary>
    public static long Of(string councilCode, string eventId) =>
        Of(Encoding.UTF8.GetBytes(councilCode), Encoding.UTF8.GetBytes(eventId));
}

/// <summary>How a loader turns a council code and an event id (UTF-8) into a key; tests inject one that collides.</summary>
internal delegate long EventKeyFunction(ReadOnlySpan<byte> councilCode, ReadOnlySpan<byte> eventId);
