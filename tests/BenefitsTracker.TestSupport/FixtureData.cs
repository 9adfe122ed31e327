using System.Globalization;
using System.Security.Cryptography;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.TestSupport;

/// <summary>
/// Builds the engine's input from a folder of fixture CSVs in the formats of SPEC.md (events.csv,
/// cases.csv, costs.csv, councils.csv; any may be absent), rolling rows up the way the store does:
/// events into monthly channel volumes and contact events, cases into histograms, costs into lines.
/// </summary>
public static class FixtureData
{
    public static CouncilData LoadCouncil(string directory, string councilCode)
    {
        var council = Rows(directory, "councils.csv").FirstOrDefault(r => r["council_code"] == councilCode);
        var events = Rows(directory, "events.csv").Where(r => r["council_code"] == councilCode).ToList();
        var cases = Rows(directory, "cases.csv").Where(r => r["council_code"] == councilCode).ToList();
        var costs = Rows(directory, "costs.csv").Where(r => r.GetValueOrDefault("council_code") == councilCode).ToList();

        return new CouncilData(
            councilCode,
            council?["name"] ?? councilCode,
            council is null || council["population"].Length == 0 ? null : long.Parse(council["population"], CultureInfo.InvariantCulture),
            council is null || council["consortium"].Length == 0 ? null : council["consortium"],
            Volumes(events),
            ClosedCases(cases),
            OpenCases(cases),
            [.. costs.Select(CostLineOf)],
            Contacts(events));
    }

    /// <summary>A consortium: members from councils.csv, shared costs from cost rows with a <c>consortium</c> value.</summary>
    public static ConsortiumData LoadConsortium(string directory, string consortiumId, string? name = null)
    {
        var members = Rows(directory, "councils.csv")
            .Where(r => r["consortium"] == consortiumId)
            .Select(r => LoadCouncil(directory, r["council_code"]))
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        var shared = Rows(directory, "costs.csv")
            .Where(r => r.GetValueOrDefault("consortium") == consortiumId && r.GetValueOrDefault("council_code", "").Length == 0)
            .Select(CostLineOf)
            .ToList();
        return new ConsortiumData(consortiumId, name, members, shared);
    }

    /// <summary>The files present, as the lineage names them: name, SHA-256, rows read, none rejected.</summary>
    public static IReadOnlyList<InputFile> Inputs(string directory, params string[] files) =>
        [.. files.Where(f => File.Exists(Path.Combine(directory, f))).Select(f =>
        {
            var path = Path.Combine(directory, f);
            var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
            var rows = f.EndsWith(".csv", StringComparison.Ordinal) ? FixtureCsv.Read(path).Count : 1;
            return new InputFile(f, sha, rows, 0);
        })];

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path) ? FixtureCsv.Read(path) : [];
    }

    private static List<ChannelVolume> Volumes(IEnumerable<IReadOnlyDictionary<string, string>> events)
    {
        var cells = new SortedDictionary<(string Service, string Channel, int Month),
            (long Completed, long Started, long Failed, long Ratings, long Satisfied)>();
        foreach (var e in events)
        {
            var quantity = Quantity(e);
            var key = (e["service"], e["channel"], Month.Of(Instant(e["occurred_at"])).Index);
            var c = cells.GetValueOrDefault(key);
            // Satisfaction ratings count as ratings given, and those of 4 or 5 as satisfied, as the store's rollups count them.
            var satisfied = e.GetValueOrDefault("rating", "") is { Length: > 0 } r && int.Parse(r, CultureInfo.InvariantCulture) >= 4;
            cells[key] = e["event_type"] switch
            {
                EventTypes.Completed => c with { Completed = c.Completed + quantity },
                EventTypes.Started => c with { Started = c.Started + quantity },
                EventTypes.Failed => c with { Failed = c.Failed + quantity },
                EventTypes.SatisfactionRating => c with { Ratings = c.Ratings + quantity, Satisfied = c.Satisfied + (satisfied ? quantity : 0) },
                _ => c,
            };
        }
        return [.. cells.Where(c => c.Value != default).Select(c =>
            new ChannelVolume(c.Key.Service, c.Key.Channel, Month.FromIndex(c.Key.Month), c.Value.Completed, c.Value.Started, c.Value.Failed,
                c.Value.Ratings, c.Value.Satisfied))];
    }

    private static List<ContactEvent> Contacts(IEnumerable<IReadOnlyDictionary<string, string>> events) =>
        [.. events
            .Where(e => e.GetValueOrDefault("user_ref", "").Length > 0 && e["event_type"] is EventTypes.Failed or EventTypes.Completed)
            .Select(e => new ContactEvent(e["service"], e["user_ref"], e["channel"],
                e["event_type"] == EventTypes.Failed ? ContactKind.Failed : ContactKind.Completed, Instant(e["occurred_at"])))];

    private static List<ClosedCases> ClosedCases(IEnumerable<IReadOnlyDictionary<string, string>> cases) =>
        [.. cases
            .Where(c => c["closed_at"].Length > 0)
            .GroupBy(c => (Service: c["service"], Month: Month.Of(Instant(c["closed_at"])),
                Grade: c.GetValueOrDefault("officer_grade", "") is { Length: > 0 } g ? g : null,
                Minutes: c["officer_minutes"].Length == 0 ? 0m : decimal.Parse(c["officer_minutes"], CultureInfo.InvariantCulture)))
            .OrderBy(g => g.Key.Service, StringComparer.Ordinal).ThenBy(g => g.Key.Month).ThenBy(g => g.Key.Grade, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Minutes)
            .Select(g => new ClosedCases(g.Key.Service, g.Key.Month, g.Key.Grade, g.Key.Minutes, g.LongCount()))];

    private static List<OpenCases> OpenCases(IEnumerable<IReadOnlyDictionary<string, string>> cases) =>
        [.. cases
            .Where(c => c["closed_at"].Length == 0)
            .GroupBy(c => (Service: c["service"], Month: Month.Of(Instant(c["received_at"]))))
            .OrderBy(g => g.Key.Service, StringComparer.Ordinal).ThenBy(g => g.Key.Month)
            .Select(g => new OpenCases(g.Key.Service, g.Key.Month, g.LongCount()))];

    private static CostLine CostLineOf(IReadOnlyDictionary<string, string> r) => new(
        r["service"].Length == 0 ? null : r["service"],
        r["category"],
        DateOnly.ParseExact(r["period_start"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly.ParseExact(r["period_end"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal.Parse(r["amount_gbp"], CultureInfo.InvariantCulture),
        r.GetValueOrDefault("cashable", "") == "true",
        r.GetValueOrDefault("reference", "") is { Length: > 0 } reference ? reference : null,
        r.GetValueOrDefault("description", "") is { Length: > 0 } description ? description : null);

    private static long Quantity(IReadOnlyDictionary<string, string> e) =>
        e.GetValueOrDefault("quantity", "") is { Length: > 0 } q ? long.Parse(q, CultureInfo.InvariantCulture) : 1;

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
