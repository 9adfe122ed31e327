using System.Text;
using System.Text.Json;
using BenefitsTracker.Data;
using BenefitsTracker.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Application.Ingest;

/// <summary>
/// Ingests a posted body (POST /api/v1/events, /cases, /costs) through exactly the path `benefits ingest` takes:
/// the body is streamed to an NDJSON file (one row a line, checked to be well-formed JSON and to belong to the
/// key's council on the way), then that file is ingested by <see cref="Ingestor"/> with its validation,
/// de-duplication, rollup upkeep and one transaction. The body's rows go nowhere else: the file and its rejects
/// file are deleted afterwards, and the rejects come back in the answer.
/// </summary>
public sealed class BodyIngest(BenefitsDbContext db)
{
    /// <summary>A body line longer than this is refused (the file reader's limit).</summary>
    private const int MaxLine = 16 << 20;

    /// <summary>
    /// Streams the body to a staged NDJSON file (no store access, so a slow client holds no lock). Throws
    /// <see cref="MalformedBodyException"/> or <see cref="ForeignRowsException"/>; then nothing is staged.
    /// </summary>
    public static async Task<StagedBody> StageAsync(Stream body, BodyFormat format, InputKind kind, string councilCode,
        DateTimeOffset receivedAt, string workFolder, CancellationToken ct)
    {
        if (kind is not (InputKind.Events or InputKind.Cases or InputKind.Costs))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "only events, cases and costs are posted");
        var folder = Path.Combine(workFolder, "received-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // The name is what the registry and every report's lineage show for this body.
        var file = Path.Combine(folder, $"api-{kind.Key()}-{councilCode}-{receivedAt.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}.ndjson");
        var staged = new StagedBody(folder, file, format, kind);
        try
        {
            await using var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            staged.Records = format == BodyFormat.JsonArray
                ? await CopyArrayAsync(body, output, councilCode, ct)
                : await CopyNdjsonAsync(body, output, councilCode, ct);
            return staged;
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }

    /// <summary>Ingests a staged body in one transaction, as `benefits ingest` would the same rows in a file.</summary>
    public async Task<BodyIngestResult> IngestAsync(StagedBody staged, CancellationToken ct)
    {
        var kind = staged.Kind;
        if (staged.Records == 0) return new BodyIngestResult(kind.Key(), 0, 0, 0, 0, false, []);
        IngestSummary summary;
        try
        {
            summary = await new Ingestor(db).IngestAsync([staged.File], kind, null, ct);
        }
        catch (UnusableInputException e)
        {
            throw new MalformedBodyException("the body: " + e.Problem);
        }
        var result = summary.Files.Single();
        if (result.SkippedAlreadyIngested) return await EarlierAnswerAsync(staged, ct);
        var rejects = result.RejectsPath is { } path ? ReadRejects(path, staged.Format) : [];
        return new BodyIngestResult(kind.Key(), result.Read, result.Accepted, result.Rejected, result.Duplicates, false, rejects)
        {
            Warnings = result.WithoutEventId == 0 ? [] : [FileResult.WithoutEventIdWarning(result.WithoutEventId, "body")],
        };
    }

    /// <summary>
    /// The same body received before (same bytes, so the same SHA-256 in the registry): the answer it had then,
    /// with its rejected rows read again from the rejects file kept for it. Nothing is stored twice.
    /// </summary>
    private async Task<BodyIngestResult> EarlierAnswerAsync(StagedBody staged, CancellationToken ct)
    {
        string sha;
        await using (var file = File.OpenRead(staged.File))
            sha = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(file, ct));
        var earlier = db.IngestedFiles.AsNoTracking().Where(f => f.Sha256 == sha).OrderBy(f => f.Id).FirstOrDefault();
        if (earlier is null) return new BodyIngestResult(staged.Kind.Key(), staged.Records, 0, 0, staged.Records, true, []);
        var rejects = earlier.RejectsPath is { } path && File.Exists(path) ? ReadRejects(path, staged.Format) : [];
        return new BodyIngestResult(staged.Kind.Key(), earlier.RowsRead, earlier.Accepted, earlier.Rejected, earlier.Duplicates, true, rejects);
    }

    /// <summary>A JSON array, element by element (streamed), one compact line each.</summary>
    private static async Task<long> CopyArrayAsync(Stream body, Stream output, string council, CancellationToken ct)
    {
        long index = 0;
        try
        {
            await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, topLevelValues: false, cancellationToken: ct))
            {
                if (element.ValueKind == JsonValueKind.Object) CheckOwner(element, council, $"element {index}");
                WriteLine(element, output);
                index++;
            }
        }
        catch (JsonException e)
        {
            throw new MalformedBodyException($"the body is not a well-formed JSON array: at element {ElementOf(e, index)} (line " +
                $"{(e.LineNumber ?? 0) + 1}): {Short(e)}");
        }
        return index;
    }

    /// <summary>
    /// The failing element's index: the serializer reads ahead in buffers, so elements already parsed may not yet
    /// have been handed over; its path ("$[1].field") names the element itself. The count is the fallback.
    /// </summary>
    private static long ElementOf(JsonException e, long counted) =>
        e.Path is { } path && path.StartsWith("$[", StringComparison.Ordinal) && path.IndexOf(']', StringComparison.Ordinal) is > 2 and var end
            && long.TryParse(path.AsSpan(2, end - 2), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var i)
            ? i : counted;

    /// <summary>NDJSON, line by line, copied unchanged after checking each non-blank line is one JSON value.</summary>
    private static async Task<long> CopyNdjsonAsync(Stream body, Stream output, string council, CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        var pending = new MemoryStream();
        long line = 0, records = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                pending.Write(buffer, start, i - start);
                records += Line(pending, ++line, output, council);
                start = i + 1;
            }
            pending.Write(buffer, start, read - start);
            if (pending.Length > MaxLine) throw new MalformedBodyException($"line {line + 1} is longer than 16 MB");
        }
        if (pending.Length > 0) records += Line(pending, ++line, output, council);
        return records;
    }

    private static int Line(MemoryStream pending, long line, Stream output, string council)
    {
        var bytes = pending.GetBuffer().AsSpan(0, (int)pending.Length);
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
        var blank = bytes.Trim(" \t"u8).IsEmpty;
        if (blank) output.WriteByte((byte)'\n'); // kept, so that a reject's line is the body's line
        else
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(pending.GetBuffer().AsMemory(0, bytes.Length));
            }
            catch (JsonException e)
            {
                throw new MalformedBodyException($"line {line} is not well-formed JSON: {Short(e)}");
            }
            using (doc)
            {
                if (doc.RootElement.ValueKind == JsonValueKind.Object) CheckOwner(doc.RootElement, council, $"line {line}");
                WriteLine(doc.RootElement, output);
            }
        }
        pending.SetLength(0);
        return blank ? 0 : 1;
    }

    /// <summary>
    /// One row, compact, on a line of its own. Array elements and NDJSON lines are written alike, so the same rows
    /// give the same staged bytes (and so the same SHA-256) whichever format and spacing they were posted in: sent
    /// again in the other format, they are recognised as received before.
    /// </summary>
    private static void WriteLine(JsonElement row, Stream output)
    {
        using (var w = new Utf8JsonWriter(output)) row.WriteTo(w);
        output.WriteByte((byte)'\n');
    }

    /// <summary>A key writes its own council's rows only; consortium rows (shared costs) are not a council key's.</summary>
    private static void CheckOwner(JsonElement row, string council, string where)
    {
        if (row.TryGetProperty("council_code", out var code) && code.ValueKind == JsonValueKind.String
            && !string.Equals(code.GetString()?.Trim(), council, StringComparison.OrdinalIgnoreCase))
            throw new ForeignRowsException($"{where} is for council {code.GetString()}, but the key is for {council}; a key posts its own " +
                $"council's rows only");
        if (row.TryGetProperty("consortium", out var consortium) && consortium.ValueKind == JsonValueKind.String
            && consortium.GetString()!.Trim().Length > 0)
            throw new ForeignRowsException($"{where} is a consortium's cost line ({consortium.GetString()}); a council's key posts its own " +
                $"council's rows only");
    }

    private static string Short(JsonException e) => e.Message.Split(" Path:")[0].Split(" LineNumber:")[0];

    /// <summary>The rejects file the ingest wrote (<c>line,reason,record</c>), as (index, line, reason).</summary>
    private static List<RowReject> ReadRejects(string path, BodyFormat format)
    {
        var list = new List<RowReject>();
        using var reader = new StreamReader(path, Encoding.UTF8);
        reader.ReadLine(); // header
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            var comma = text.IndexOf(',');
            if (comma < 0 || !long.TryParse(text.AsSpan(0, comma), out var line)) continue;
            var reason = ReadField(text, comma + 1);
            list.Add(new RowReject(line - 1, format == BodyFormat.Ndjson ? line : null, reason));
        }
        return list;
    }

    /// <summary>One CSV field starting at <paramref name="at"/>, quoted or not.</summary>
    private static string ReadField(string text, int at)
    {
        if (at >= text.Length) return "";
        if (text[at] != '"')
        {
            var end = text.IndexOf(',', at);
            return end < 0 ? text[at..] : text[at..end];
        }
        var sb = new StringBuilder();
        for (var i = at + 1; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i++; }
                else break;
            }
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }
}
