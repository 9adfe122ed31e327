using System.Text.Json.Serialization;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;
using BenefitsTracker.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BenefitsTracker.Application.Jobs;

/// <summary>
/// data-quality (docs/jobs.md): per council and service, gaps, spikes and drops (<see cref="DataQualityRules"/>),
/// stale feeds, files with a high rejection rate and closed cases with implausible officer minutes. The findings
/// replace the previous run's (data_quality_findings); the API, the dashboard and the caveats of later reports
/// read them.
/// </summary>
internal sealed class DataQualityJob(JobRunner runner)
{
    public async Task<JobOutcome> RunAsync(long runId, CancellationToken ct)
    {
        var o = runner.Options;
        var now = runner.Clock.GetUtcNow();
        var findings = new List<Finding>();
        await using (var db = await BenefitsStore.OpenForReadingAsync(runner.Target, ct))
        {
            var usage = await db.UsageRollups.AsNoTracking()
                .GroupBy(r => new { r.CouncilCode, r.Service, r.Month })
                .Select(g => new { g.Key.CouncilCode, g.Key.Service, g.Key.Month,
                    Events = g.Sum(r => r.Completed + r.Started + r.Failed + r.Other + r.Ratings), Completed = g.Sum(r => r.Completed) })
                .ToListAsync(ct);
            foreach (var series in usage.GroupBy(u => (u.CouncilCode, u.Service)).OrderBy(s => s.Key.CouncilCode, StringComparer.Ordinal)
                .ThenBy(s => s.Key.Service, StringComparer.Ordinal))
            {
                var (council, service) = series.Key;
                var events = series.ToDictionary(u => Month.FromKey(u.Month), u => u.Events);
                foreach (var gap in DataQualityRules.Gaps(events))
                    findings.Add(new Finding(Finding.Gap, council, service, gap, FindingPhrases.Gap(gap,
                        events.GetValueOrDefault(gap.AddMonths(-1)) > 0 && events.GetValueOrDefault(gap.AddMonths(1)) > 0)));
                // Volume is completed transactions where the service has them (page views and the like follow go-live, not demand).
                var completed = series.ToDictionary(u => Month.FromKey(u.Month), u => u.Completed);
                var volumes = completed.Values.Any(v => v > 0) ? completed : events;
                foreach (var (month, kind, value, median, score) in DataQualityRules.SpikesAndDrops(volumes, o.SpikeNeighbours, o.SpikeScore))
                    findings.Add(new Finding(kind, council, service, month, FindingPhrases.Outlier(month, ReferenceEquals(volumes, completed), value,
                        median, o.SpikeNeighbours, score, o.SpikeScore)));
            }

            // Stale feeds: the newest file that stored rows of a kind (events, cases) for a council, against the clock.
            var feeds = await db.IngestedFileOwners.AsNoTracking()
                .Join(db.IngestedFiles.AsNoTracking(), o => o.FileId, f => f.Id, (o, f) => new { o.Owner, f.Kind, f.FinishedAt, f.Accepted })
                .Where(x => (x.Kind == "events" || x.Kind == "cases") && x.Accepted > 0)
                .ToListAsync(ct);
            foreach (var feed in feeds.GroupBy(f => (f.Owner, f.Kind)).OrderBy(g => g.Key.Owner, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Kind, StringComparer.Ordinal))
            {
                var last = feed.Max(f => f.FinishedAt);
                var days = (now - last).TotalDays;
                if (days > o.StaleFeedDays)
                    findings.Add(new Finding(Finding.StaleFeed, feed.Key.Owner, "", null,
                        FindingPhrases.StaleFeed(feed.Key.Kind, (long)Math.Floor(days), last, o.StaleFeedDays)));
            }

            // Files with a high rejection rate, named against each council they stored rows for (or none, when all were rejected).
            var owners = (await db.IngestedFileOwners.AsNoTracking().ToListAsync(ct)).ToLookup(x => x.FileId, x => x.Owner);
            var files = await db.IngestedFiles.AsNoTracking().Where(f => f.RowsRead >= o.RejectionMinRows && f.Rejected > 0)
                .OrderBy(f => f.Id).ToListAsync(ct);
            foreach (var f in files.Where(f => (double)f.Rejected / f.RowsRead > o.MaxRejectedFraction))
            {
                var detail = FindingPhrases.RejectionRate(f.Name, f.FinishedAt, f.Rejected, f.RowsRead, o.MaxRejectedFraction, f.RejectsPath);
                var councils = owners[f.Id].ToList();
                foreach (var council in councils.Count == 0 ? [""] : councils)
                    findings.Add(new Finding(Finding.RejectionRate, council, "", null, detail));
            }

            // Closed cases whose officer minutes are zero or beyond a working day: the officer-time line rests on them.
            var max = (long)(o.MaxPlausibleOfficerMinutes * 100);
            var odd = await db.ClosedCaseRollups.AsNoTracking().Where(r => r.Count > 0 && (r.MinutesHundredths <= 0 || r.MinutesHundredths > max))
                .GroupBy(r => new { r.CouncilCode, r.Service, r.Month })
                .Select(g => new { g.Key.CouncilCode, g.Key.Service, g.Key.Month, Cases = g.Sum(r => r.Count),
                    Zero = g.Where(r => r.MinutesHundredths <= 0).Sum(r => r.Count), Longest = g.Max(r => r.MinutesHundredths) })
                .ToListAsync(ct);
            foreach (var c in odd.OrderBy(c => c.CouncilCode, StringComparer.Ordinal).ThenBy(c => c.Service, StringComparer.Ordinal)
                .ThenBy(c => c.Month))
                findings.Add(new Finding(Finding.ImplausibleMinutes, c.CouncilCode, c.Service, Month.FromKey(c.Month),
                    FindingPhrases.ImplausibleMinutes(Month.FromKey(c.Month), c.Cases, c.Zero, c.Longest / 100m, o.MaxPlausibleOfficerMinutes)));
        }

        await using (var store = await runner.OpenAsync(ct))
        {
            await using var tx = await store.Db.Database.BeginTransactionAsync(ct);
            await store.Db.DataQualityFindings.ExecuteDeleteAsync(ct);
            store.Db.DataQualityFindings.AddRange(findings.Select(f => new DataQualityFindingRow
            {
                RunId = runId, Kind = f.Kind, CouncilCode = f.CouncilCode, Service = f.Service, Month = f.Month?.Key, Detail = f.Detail,
                DetailPhrase = StoredPhrase.Serialise(f.DetailPhrase), FoundAt = now,
            }));
            await store.Db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        var byKind = findings.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => (long)g.Count());
        var counts = new Dictionary<string, long> { ["findings"] = findings.Count };
        foreach (var kind in new[] { Finding.Gap, Finding.Spike, Finding.Drop, Finding.StaleFeed, Finding.RejectionRate, Finding.ImplausibleMinutes })
            counts[kind.Replace('-', '_')] = byKind.GetValueOrDefault(kind);
        var summary = findings.Count == 0 ? "no findings"
            : $"{findings.Count} finding{(findings.Count == 1 ? "" : "s")}: " + string.Join(", ", byKind.Select(k => $"{k.Value} {k.Key}"));
        return new JobOutcome(summary, counts);
    }
}

/// <summary>The stored findings, as the API, the dashboard and the reports' caveats read them.</summary>
public sealed class DataQualityFindings(BenefitsDbContext db)
{
    /// <summary>Findings about any of <paramref name="owners"/> (council codes; null for all), months first to last.</summary>
    public async Task<IReadOnlyList<StoredFinding>> ListAsync(IReadOnlyCollection<string>? owners, CancellationToken ct)
    {
        var q = db.DataQualityFindings.AsNoTracking();
        if (owners is not null) q = q.Where(f => owners.Contains(f.CouncilCode));
        return (await q.OrderBy(f => f.CouncilCode).ThenBy(f => f.Service).ThenBy(f => f.Month).ThenBy(f => f.Id).ToListAsync(ct))
            .Select(f => new StoredFinding(f.Kind, f.CouncilCode, f.Service.Length == 0 ? null : f.Service,
                f.Month is { } m ? Month.FromKey(m).ToString() : null, f.Detail, f.FoundAt, StoredPhrase.Read(f.DetailPhrase, f.Detail)))
            .ToList();
    }
}

/// <summary>
/// A finding as GET /api/v1/data-quality answers it (its English <paramref name="Detail"/>), with the detail as a phrase for
/// a page in another language (not in the API's answer; a row stored before the phrase was kept: <see cref="Phrase.Text"/>
/// of its detail).
/// </summary>
public sealed record StoredFinding(string Kind, string Council, string? Service, string? Month, string Detail, DateTimeOffset FoundAt,
    [property: JsonIgnore] Phrase DetailPhrase);
