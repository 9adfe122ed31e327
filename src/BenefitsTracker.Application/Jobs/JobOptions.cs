namespace BenefitsTracker.Application.Jobs;

/// <summary>
/// The jobs' settings (section <c>Benefits:Jobs</c>; docs/jobs.md): each job's cron expression and the rules the
/// jobs apply. The defaults here are the documented ones.
/// </summary>
public sealed class JobOptions
{
    public const string Section = "Benefits:Jobs";

    /// <summary>Quartz cron expressions (seconds first), by job name, read in <see cref="TimeZone"/>.</summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [JobNames.IngestInbox] = "0 0/5 * * * ?",
        [JobNames.RefreshRollups] = "0 30 2 * * ?",
        [JobNames.MonthlyReports] = "0 0 6 2 * ?",
        [JobNames.DataQuality] = "0 0 5 * * ?",
    };

    /// <summary>The time zone cron expressions are read in, and the one whose calendar names months and archive days.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>A file in the inbox is taken only once it has not changed for this many seconds (docs/jobs.md, the inbox).</summary>
    public int InboxSettleSeconds { get; set; } = 30;

    /// <summary>A council whose last file with rows is older than this many days has a stale feed.</summary>
    public int StaleFeedDays { get; set; } = 45;

    /// <summary>A file is flagged when more than this fraction of its rows were rejected...</summary>
    public double MaxRejectedFraction { get; set; } = 0.05;

    /// <summary>...and it had at least this many rows (two rejected of ten is not a pattern).</summary>
    public int RejectionMinRows { get; set; } = 20;

    /// <summary>Officer minutes above this on one case are implausible (a working day, 7.5 h, by default); zero always is.</summary>
    public decimal MaxPlausibleOfficerMinutes { get; set; } = 450m;

    /// <summary>A month is a spike or drop when its robust z-score (against its neighbours' median and MAD) exceeds this.</summary>
    public double SpikeScore { get; set; } = 3.5;

    /// <summary>How many months either side of a month are its neighbours for the spike and drop rule.</summary>
    public int SpikeNeighbours { get; set; } = 6;

    /// <summary>Seconds between a clustered scheduler node's check-ins (PostgreSQL: several nodes, one schedule).</summary>
    public double ClusterCheckinSeconds { get; set; } = 7.5;

    /// <summary>Seconds past a missed check-in before the other nodes declare a node dead and run its jobs again.</summary>
    public double ClusterFailoverSeconds { get; set; } = 15;

    /// <summary>
    /// This node's name in the job history: which node ran each run when several share one PostgreSQL store. Empty
    /// means the default, the machine's name and this process's id (<see cref="NodeName"/>).
    /// </summary>
    public string Node { get; set; } = "";

    /// <summary>The name runs are recorded with: <see cref="Node"/>, or the machine's name and this process's id.</summary>
    public string NodeName => string.IsNullOrWhiteSpace(Node) ? $"{Environment.MachineName}/{Environment.ProcessId}" : Node.Trim();

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The cron expression of a job: its configured one, else the default.</summary>
    public string CronFor(string job) => Schedules.TryGetValue(job, out var cron) && !string.IsNullOrWhiteSpace(cron) ? cron.Trim()
        : new JobOptions().Schedules[job];
}
