using System.IO.Hashing;
using System.Text;

namespace BenefitsTracker.Data.Sqlite;

/// <summary>
/// The 64-bit key SQLite de-duplicates events on. A unique index on an integer costs a third of one on the text
/// (council_code, event_id) for random UUIDs (1,000,000 rows in the sqlite3 CLI: 4.96 s against 14.92 s,
/// docs/benchmarks.md), and a key that keeps the order of ids numbered in sequence costs less again: such ids append to
/// the index instead of landing anywhere in it (1,000,000 rows in C against the product's e_sqlite3, the key index already
/// holding 1,000,000 random keys, five rounds: 2.34–3.43 s of CPU with hashed keys, 1.41–1.70 s with ordered;
/// scripts/bench-sqlite-rows.c, docs/benchmarks.md, sixth session).
/// <para>
/// An id that ends in a run of 1 to <see cref="MaxDigits"/> digits ("ev-000123", "e42", "1001") is a prefix ("ev-", "e", "")
/// and a number: its key is the high bits of XXH3-64 of the council code's UTF-8, a 0x1F separator and the prefix's UTF-8,
/// seeded with the count of digits, above the number in the low bits (as many as the count of digits needs: 14 for 4
/// digits, 34 for 10). So ids of one council, prefix and width keep their numbers' order and never share a key; "ev-1" and
/// "ev-01" (another width) hash apart. Any other id (a UUID ending in a letter, a number of more digits) takes
/// <see cref="Hashed(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>: XXH3-64 of council, separator and id.
/// </para>
/// <para>
/// XXH3 is a published, frozen algorithm (xxHash 0.8), so a key is the same in every process and on every platform. Keys are
/// stored: changing this function needs a migration that keys the stored rows again (as EventKeyOrdered did, from
/// <see cref="Hashed(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>). Two different ids may share a key;
/// <see cref="SqliteBulkLoader"/> then compares the text. For hashed ids the chance that any two of 1,000,000 do is about 1
/// in 37 million; numbered ids of one council, prefix and width never do. Two such groups (the index is one across
/// councils) share their high bits with a chance of 1 in 2^30 for 10 digits (1 in 2^50 for 4), and then every number the two
/// ranges have in common collides, not one id: the later range is stored without keys and found by its text, correct but
/// slower. Hence no more than 10 digits: among 400 groups of 10-digit ids the chance that any two meet is about 1 in 13,000
/// (it would be 1 in 200 with 12 digits and 24 bits).
/// </para>
/// </summary>
internal static class EventKey
{
    /// <summary>The SQL function that gives <see cref="Of(string, string)"/> (migration EventKeyOrdered keys stored rows with it).</summary>
    public const string SqlFunction = "benefits_event_key_ordered";

    /// <summary>The SQL function that gives <see cref="Hashed(string, string)"/>: the key migration EventKey stored, and
    /// EventKeyOrdered's way back down.</summary>
    public const string HashedSqlFunction = "benefits_event_key";

    /// <summary>The longest run of trailing digits kept in order: 10^10 - 1 needs 34 bits, leaving 30 of the prefix's hash.</summary>
    public const int MaxDigits = 10;

    private const byte Separator = 0x1F;

    /// <summary>The key of an event id of a council, both as UTF-8.</summary>
    public static long Of(ReadOnlySpan<byte> councilCode, ReadOnlySpan<byte> eventId)
    {
        var digits = 0;
        ulong number = 0, scale = 1;
        for (var i = eventId.Length - 1; i >= 0 && eventId[i] is >= (byte)'0' and <= (byte)'9'; i--)
        {
            if (++digits > MaxDigits) return Hashed(councilCode, eventId);
            number += (ulong)(eventId[i] - '0') * scale;
            scale *= 10;
        }
        if (digits == 0) return Hashed(councilCode, eventId);
        var numberMask = (1UL << NumberBits[digits]) - 1;
        var length = JoinedLength(councilCode, eventId[..^digits]);
        var joined = length <= 1024 ? stackalloc byte[length] : new byte[length];
        var prefix = XxHash3.HashToUInt64(Join(councilCode, eventId[..^digits], joined), seed: digits);
        return unchecked((long)((prefix & ~numberMask) | number));
    }

    /// <summary>The bits the largest number of so many digits needs: ⌈log2(10^d)⌉.</summary>
    private static ReadOnlySpan<byte> NumberBits => [0, 4, 7, 10, 14, 17, 20, 24, 27, 30, 34];

    /// <summary>XXH3-64 (seed 0) of the council code, the separator and the whole id: the key of an id not ending in digits.</summary>
    public static long Hashed(ReadOnlySpan<byte> councilCode, ReadOnlySpan<byte> eventId)
    {
        var length = JoinedLength(councilCode, eventId);
        var joined = length <= 1024 ? stackalloc byte[length] : new byte[length];
        return unchecked((long)XxHash3.HashToUInt64(Join(councilCode, eventId, joined)));
    }

    /// <summary>The key of stored text (the migration's backfill).</summary>
    public static long Of(string councilCode, string eventId) =>
        Of(Encoding.UTF8.GetBytes(councilCode), Encoding.UTF8.GetBytes(eventId));

    /// <summary>The hashed key of stored text (<see cref="HashedSqlFunction"/>).</summary>
    public static long Hashed(string councilCode, string eventId) =>
        Hashed(Encoding.UTF8.GetBytes(councilCode), Encoding.UTF8.GetBytes(eventId));

    // Ids are at most 200 characters (600 bytes of UTF-8) and council codes 9: the stack always suffices for valid rows.
    private static int JoinedLength(ReadOnlySpan<byte> councilCode, ReadOnlySpan<byte> eventId) => councilCode.Length + 1 + eventId.Length;

    /// <summary>Writes the council code, the separator, then the id (or its prefix) into <paramref name="joined"/>.</summary>
    private static Span<byte> Join(ReadOnlySpan<byte> councilCode, ReadOnlySpan<byte> eventId, Span<byte> joined)
    {
        councilCode.CopyTo(joined);
        joined[councilCode.Length] = Separator;
        eventId.CopyTo(joined[(councilCode.Length + 1)..]);
        return joined;
    }
}

/// <summary>How a loader turns a council code and an event id (UTF-8) into a key; tests inject one that collides.</summary>
internal delegate long EventKeyFunction(ReadOnlySpan<byte> councilCode, ReadOnlySpan<byte> eventId);
