using System.Net;
using System.Text;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Data;

namespace BenefitsTracker.Application.Jobs;

/// <summary>
/// monthly-reports (docs/jobs.md): for the month just ended (by the clock, in the jobs' time zone), each council's
/// and each consortium's report for the financial year to date (April to that month) and for the month alone,
/// written by the same pipeline as `benefits report` with the stored assumptions, under
/// <c>REPORTS/YYYY-MM/councils/GSS/year-to-date/</c> (and <c>month/</c>; <c>consortia/ID/...</c>), each folder
/// swapped in whole, then <c>REPORTS/YYYY-MM/index.html</c>. A scope without data in a period is listed with
/// the reason, not failed.
/// </summary>
internal sealed class MonthlyReportsJob(JobRunner runner)
{
    public const string YearToDate = "year-to-date", MonthOnly = "month";

    /// <summary>The month just ended at <paramref name="now"/> in <paramref name="zone"/>.</summary>
    public static Month MonthEnded(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return new Month(local.Year, local.Month).AddMonths(-1);
    }

    /// <summary>The first month of the financial year (April to March) that holds <paramref name="month"/>.</summary>
    public static Month FinancialYearStart(Month month) => new(month.Number >= 4 ? month.Year : month.Year - 1, 4);

    public async Task<JobOutcome> RunAsync(CancellationToken ct)
    {
        var month = MonthEnded(runner.Clock.GetUtcNow(), runner.Options.Zone());
        var root = Path.Combine(Path.GetFullPath(runner.Reports!), month.ToString());
        var generatedAt = runner.Clock.GetUtcNow();
        var written = new List<(string Scope, string Period, string Folder, SavingsResult Result)>();
        var skipped = new List<(string Scope, string Period, string Reason)>();

        await using var db = await BenefitsStore.OpenForReadingAsync(runner.Target, ct);
        var queries = new StoreQueries(db);
        var pipeline = new ReportPipeline(queries);
        var assumptions = await pipeline.AssumptionsAsync(null, ct);
        var scopes = (await queries.CouncilCodesAsync(ct)).Select(c => (Kind: ScopeKind.Council, Id: c, Folder: Path.Combine("councils", c)))
            .Concat((await queries.ConsortiumIdsAsync(ct)).Select(c => (Kind: ScopeKind.Consortium, Id: c, Folder: Path.Combine("consortia", c))));
        foreach (var (kind, id, folder) in scopes)
        {
            foreach (var (period, from) in new[] { (YearToDate, FinancialYearStart(month)), (MonthOnly, month) })
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    var result = await pipeline.ComputeAsync(kind, id, new ReportRequest(from, month), assumptions, ct);
                    var relative = Path.Combine(folder, period);
                    ReportPipeline.Write(result, Path.Combine(root, relative), generatedAt, ct);
                    written.Add((id, period, relative, result));
                }
                catch (Exception e) when (e is UsageException or Core.Method.MethodException)
                {
                    // No data for the scope in the period (or none at all): it has no report this month, said so in the index.
                    skipped.Add((id, period, e.Message));
                }
            }
        }
        WriteIndex(root, month, written, skipped);
        runner.Log?.Invoke($"monthly-reports: {written.Count} reports under {root}");
        return new JobOutcome(
            $"{month}: {written.Count} reports written under {root}" + (skipped.Count == 0 ? "" : $"; {skipped.Count} without data: " +
                string.Join("; ", skipped.Take(10).Select(s => $"{s.Scope} {s.Period}"))),
            new Dictionary<string, long> { ["reports_written"] = written.Count, ["reports_without_data"] = skipped.Count });
    }

    /// <summary>REPORTS/YYYY-MM/index.html: every report of the month with its headline figures; written beside, then renamed over.</summary>
    private static void WriteIndex(string root, Month month, List<(string Scope, string Period, string Folder, SavingsResult Result)> written,
        List<(string Scope, string Period, string Reason)> skipped)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" " +
            "content=\"width=device-width, initial-scale=1\">\n");
        b.Append($"<title>Savings reports for {month}</title>\n");
        b.Append("<style>body{font-family:system-ui,Arial,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#0b0c0c;line-height:1.5}" +
                 "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #b1b4b6;padding:.5rem;text-align:left}" +
                 "td.n{text-align:right}a{color:#1d70b8}a:focus{outline:3px solid " +
                 "#ffdd00;background:#ffdd00;color:#0b0c0c}</style>\n</head>\n<body>\n<main>\n");
        b.Append($"<h1>Savings reports for {month}</h1>\n<p>Written by the monthly-reports job: the financial year to date " +
                 $"({FinancialYearStart(month)} to {month}) and the month alone, for each council and consortium.</p>\n");
        b.Append("<table>\n<caption>Reports</caption>\n<thead><tr><th scope=\"col\">Report</th><th scope=\"col\">Period</th>" +
                 "<th scope=\"col\" class=\"n\">Adjusted benefit</th><th scope=\"col\" class=\"n\">Costs</th><th scope=\"col\" " +
                 "class=\"n\">Net benefit</th><th scope=\"col\">Files</th></tr></thead>\n<tbody>\n");
        foreach (var (_, period, folder, r) in written)
        {
            var href = folder.Replace('\\', '/');
            var name = WebUtility.HtmlEncode($"{r.Scope.Name} ({(r.Scope.Kind == ScopeKind.Council ? "council" : "consortium")})");
            b.Append($"<tr><th scope=\"row\"><a href=\"{href}/report.html\">{name}, {(period == YearToDate ? "year to date" : "month")}</a></th>");
            b.Append($"<td>{r.Request.From} to {r.Request.To}</td><td class=\"n\">{Money.Format(r.Totals.AdjustedBenefit)}</td><td " +
                $"class=\"n\">{Money.Format(r.Totals.Costs)}</td>");
            b.Append($"<td class=\"n\">{Money.Format(r.Totals.NetBenefit)}</td><td><a href=\"{href}/savings.xlsx\">spreadsheet</a>, <a " +
                $"href=\"{href}/manifest.json\">manifest</a></td></tr>\n");
        }
        b.Append("</tbody>\n</table>\n");
        if (skipped.Count > 0)
        {
            b.Append("<h2>Without a report this month</h2>\n<ul>\n");
            foreach (var (scope, period, reason) in skipped) b.Append($"<li>{WebUtility.HtmlEncode($"{scope}, {period}: {reason}")}</li>\n");
            b.Append("</ul>\n");
        }
        b.Append("</main>\n</body>\n</html>\n");
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, "index.html");
        var temp = path + ".partial";
        File.WriteAllText(temp, b.ToString(), new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
