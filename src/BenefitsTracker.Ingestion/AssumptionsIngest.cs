using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BenefitsTracker.Core.Assumptions;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;

namespace BenefitsTracker.Ingestion;

/// <summary>
/// An assumptions file (.json naming itself with <c>version</c>, or giving <c>unit_costs_gbp</c>): validated whole, stored whole,
/// registered like any input. A file that relies on every default unit cost (the Socitm figures) has no unit_costs_gbp.
/// </summary>
internal static class AssumptionsIngest
{
    private const long MaxBytes = 16 << 20;

    public static async Task<FileResult> IngestAsync(BenefitsDbContext db, string path, string fileSha, long length, Stopwatch clock,
        CancellationToken ct)
    {
        if (length > MaxBytes) throw new UnusableInputException(path, "an assumptions file larger than 16 MB is not an assumptions file");
        var bytes = await File.ReadAllBytesAsync(path, ct);
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) throw new UnusableInputException(path, "the file is not UTF-8 text; save it as UTF-8");
        var json = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes;
        CheckIsAssumptions(path, json);
        AssumptionSet set;
        try
        {
            set = AssumptionSet.Parse(bytes);
        }
        catch (AssumptionsException e)
        {
            throw new UnusableInputException(path, e.Path.Length == 0 ? e.Problem : $"{e.Path}: {e.Problem}", e);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = DateTimeOffset.UtcNow;
        db.AssumptionSets.Add(new AssumptionSetRow
        {
            Version = set.Version,
            Sha256 = set.Sha256,
            // The exact text (a byte-order mark survives as U+FEFF), so its UTF-8 bytes hash to Sha256 again.
            Json = Encoding.UTF8.GetString(bytes),
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

    /// <summary>A .json input must at least look like an assumptions set before the full validation speaks.</summary>
    private static void CheckIsAssumptions(string path, byte[] json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !(root.TryGetProperty("version", out _) || root.TryGetProperty("unit_costs_gbp", out _)))
                throw new UnusableInputException(path,
                    "neither version nor unit_costs_gbp is there: a .json input must be an assumptions set (docs/assumptions.md)");
        }
        catch (JsonException e)
        {
            throw new UnusableInputException(path, $"not valid JSON (line {e.LineNumber + 1}): {e.Message.Split(" Path:")[0]}", e);
        }
    }
}
