using BenefitsTracker.Application;
using BenefitsTracker.Application.Jobs;
using Quartz;

namespace BenefitsTracker.Web.Jobs;

/// <summary>The jobs' cron expressions as configured: checked, and their next fire times (for `benefits jobs list` too).</summary>
public static class JobSchedules
{
    /// <summary>Every job's cron expression, checked; a bad one is a usage error naming its setting.</summary>
    public static IReadOnlyDictionary<string, CronExpression> Parse(JobOptions options)
    {
        TimeZoneInfo zone;
        try { zone = options.Zone(); }
        catch (TimeZoneNotFoundException) { throw new UsageException($"Benefits:Jobs:TimeZone '{options.TimeZone}' is not a time zone (e.g. " +
            $"Europe/London)"); }
        var unknown = options.Schedules.Keys.FirstOrDefault(k => !JobNames.All.Contains(k, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
            throw new UsageException($"Benefits:Jobs:Schedules:{unknown}: no such job; the jobs are {string.Join(", ", JobNames.All)}");
        var parsed = new Dictionary<string, CronExpression>();
        foreach (var job in JobNames.All)
        {
            var text = options.CronFor(job);
            if (!CronExpression.TryParse(text, out var valid) || valid is null)
                throw new UsageException($"Benefits:Jobs:Schedules:{job}: '{text}' is not a Quartz cron expression (seconds minutes hours " +
                    $"day-of-month month day-of-week, e.g. \"0 0/5 * * * ?\")");
            parsed[job] = new CronExpression(text, zone);
        }
        return parsed;
    }

    public static DateTimeOffset? Next(CronExpression cron, DateTimeOffset after) => cron.GetNextValidTimeAfter(after);
}
