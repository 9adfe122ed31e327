using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;

namespace BenefitsTracker.Ingestion;

/// <summary>An assumptions file (.json with unit_costs_gbp): validated whole, stored whole, registered like any input.</summary>
internal static class AssumptionsIngest
{
    private const long MaxBytes = 16 << 20;

    public static async Task<FileResult> IngestAsync(BenefitsDbContext db, string path, string fileSha, long length, Stopwatch clock, CancellationToken ct)
    {
        if (length > MaxBytes) throw new UnusableInputException(path, "an assumptions file larger than 16 MB is not an assumptions file");
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var json = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes;
        if (!System.Text.Unicode.Utf8.IsValid(json)) throw new UnusableInputException(path, "the file is not UTF-8 text; save it as UTF-8");
        var version = Validate(path, json);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = DateTimeOffset.UtcNow;
        db.AssumptionSets.Add(new AssumptionSetRow
        {
            Version = version,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(json)),
            Json = Encoding.UTF8.GetString(json),
            FileName = Path.GetFileName(path),
            IngestedAt = now,
        });
        db.IngestedFiles.Add(new IngestedFileRow
        {
            Name = Path.GetFileName(path), Path = path, Sha256 = fileSha, Kind = InputKind.Assumptions.Key(), Format = "json",
            Bytes = length, RowsRead = 1, Accepted = 1, StartedAt = now, FinishedAt = now,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new FileResult(path, InputKind.Assumptions, 1, 1, 0, 0, false, null, fileSha, clock.Elapsed);
    }

    /// <summary>The set's version; throws <see cref="UnusableInputException"/> naming the key path of the first problem.</summary>
    private static string Validate(string path, byte[] json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new UnusableInputException(path, $"not valid JSON (line {e.LineNumber + 1}): {e.Message.Split(" Path:")[0]}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new UnusableInputException(path, "$: an assumptions file is a JSON object");
            if (!root.TryGetProperty("unit_costs_gbp", out var costs))
                throw new UnusableInputException(path, "$.unit_costs_gbp is missing: a .json input must be an assumptions set");
            if (costs.ValueKind != JsonValueKind.Object) throw new UnusableInputException(path, "$.unit_costs_gbp must be an object of channel: cost");
            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(version.GetString()))
                throw new UnusableInputException(path, "$.version is missing: an assumptions set names its version");
            return version.GetString()!;
        }
    }
}
