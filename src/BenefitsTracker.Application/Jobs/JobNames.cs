namespace BenefitsTracker.Application.Jobs;

/// <summary>The scheduled jobs (SPEC.md, Scheduled jobs; docs/jobs.md), by the names the command line and the API use.</summary>
public static class JobNames
{
    public const string IngestInbox = "ingest-inbox", RefreshRollups = "refresh-rollups", MonthlyReports = "monthly-reports",
        DataQuality = "data-quality";

    public static readonly IReadOnlyList<string> All = [IngestInbox, RefreshRollups, MonthlyReports, DataQuality];

    /// <summary>The name as given, checked; an unknown one is a usage error listing the jobs.</summary>
    public static string Check(string? name)
    {
        var trimmed = name?.Trim().ToLowerInvariant() ?? "";
        return All.Contains(trimmed) ? trimmed
            : throw new UsageException($"no job called '{name}': the jobs are {string.Join(", ", All)}");
    }
}
