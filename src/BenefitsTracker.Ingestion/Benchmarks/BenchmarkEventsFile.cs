using System.Globalization;
using System.Text;

namespace BenefitsTracker.Ingestion.Benchmarks;

/// <summary>
/// A seeded events CSV for the ingest benchmark, shaped like real feeds: ten councils, five services, every channel,
/// mostly completed transactions, a user_ref on a fifth of rows, three years of timestamps; event ids in one of the
/// orders <see cref="EventIdStyle"/> names (zero-padded, so increasing as text, by default).
/// </summary>
public static class BenchmarkEventsFile
{
    public const string Header = "event_id,council_code,service,channel,event_type,occurred_at,case_id,user_ref,quantity,duration_seconds";

    private static readonly string[] Councils =
        ["W06000001", "W06000002", "W06000003", "W06000004", "W06000005", "W06000006", "W06000008", "W06000009", "W06000010", "W06000011"];
    private static readonly string[] Services = ["ldp-consultation", "planning-map", "garden-waste", "council-tax", "bulky-waste"];
    private static readonly string[] ChannelMix = ["web", "web", "web", "web", "app", "phone", "phone", "face_to_face", "email", "post",
        "chat", "other"];
    private static readonly string[] TypeMix =
        ["transaction_completed", "transaction_completed", "transaction_completed", "transaction_completed", "transaction_started",
         "transaction_started", "transaction_failed", "page_view", "map_view", "document_download"];

    /// <summary>Writes <paramref name="events"/> rows to <paramref name="path"/>; returns the file's size in bytes.</summary>
    public static long Write(string path, int events, int seed = 20240401, string idPrefix = "ev-", EventIdStyle ids = EventIdStyle.Text)
    {
        var random = new Random(seed);
        // The ids draw from their own seeded stream, so every style gives the same rows apart from the id.
        var idRandom = new Random(seed ^ 0x5EED);
        Span<byte> uuid = stackalloc byte[16];
        var start = new DateTime(2022, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        const int seconds = 3 * 365 * 24 * 3600;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" })
        {
            writer.WriteLine(Header);
            var line = new StringBuilder(160);
            for (var i = 1; i <= events; i++)
            {
                line.Clear();
                var council = Councils[random.Next(Councils.Length)];
                var service = Services[random.Next(Services.Length)];
                var channel = ChannelMix[random.Next(ChannelMix.Length)];
                var type = TypeMix[random.Next(TypeMix.Length)];
                var at = start.AddSeconds(random.Next(seconds));
                AppendId(line, ids, idPrefix, i, idRandom, uuid);
                line.Append(',')
                    .Append(council).Append(',').Append(service).Append(',').Append(channel).Append(',').Append(type).Append(',')
                    .Append(at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',');
                if (random.Next(10) == 0) line.Append("CASE-").Append(random.Next(1_000_000).ToString(CultureInfo.InvariantCulture));
                line.Append(',');
                if (random.Next(5) == 0) line.Append("u-").Append(random.Next(200_000).ToString("x6", CultureInfo.InvariantCulture));
                line.Append(',').Append(random.Next(20) == 0 ? random.Next(2, 40) : 1).Append(',');
                if (channel is "phone" or "chat") line.Append(random.Next(30, 900).ToString(CultureInfo.InvariantCulture));
                writer.WriteLine(line);
            }
        }
        return new FileInfo(path).Length;
    }

    private static void AppendId(StringBuilder line, EventIdStyle style, string prefix, int i, Random random, Span<byte> uuid)
    {
        switch (style)
        {
            case EventIdStyle.Sequential:
                line.Append(prefix).Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case EventIdStyle.Uuid:
                random.NextBytes(uuid);
                uuid[6] = (byte)((uuid[6] & 0x0F) | 0x40); // version 4
                uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // RFC 4122 variant
                line.Append(new Guid(uuid, bigEndian: true).ToString("D"));
                break;
            default:
                line.Append(prefix).Append(i.ToString("D9", CultureInfo.InvariantCulture));
                break;
        }
    }
}

/// <summary>
/// How the benchmark file's event ids run. Exports come with ids in any order; a unique index pays for disorder.
/// </summary>
public enum EventIdStyle
{
    /// <summary>"ev-000000001", "ev-000000002", ...: increasing as text (the index's best case).</summary>
    Text,

    /// <summary>"ev-1", "ev-2", ... "ev-10": increasing as numbers, not as text ("ev-10" sorts before "ev-2").</summary>
    Sequential,

    /// <summary>Random version-4 UUIDs, seeded: no order at all.</summary>
    Uuid,
}
