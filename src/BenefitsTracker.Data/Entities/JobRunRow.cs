namespace BenefitsTracker.Data.Entities;

/// <summary>One run of a scheduled job (docs/jobs.md): when, how long, how it ended and what it did.</summary>
public sealed class JobRunRow
{
    public long Id { get; set; }
    /// <summary>ingest-inbox, refresh-rollups, monthly-reports or data-quality.</summary>
    public string Job { get; set; } = "";
    /// <summary>"schedule" (fired by the scheduler) or "hand" (`benefits jobs run`).</summary>
    public string Trigger { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>"running", "succeeded" or "failed".</summary>
    public string Outcome { get; set; } = "";
    /// <summary>One line for a person: what the run did, or why it failed.</summary>
    public string Summary { get; set; } = "";
    /// <summary>The run's counts as a JSON object ({"ingested": 3, "failed": 1, ...}).</summary>
    public string CountsJson { get; set; } = "{}";
    /// <summary>
    /// The node that ran it (Benefits:Jobs:Node, by default the machine's name and the process id): with several
    /// nodes on one PostgreSQL store, which of them took each fire. Null for runs recorded before nodes were named.
    /// </summary>
    public string? Node { get; set; }
    /// <summary>
    /// True when the run changed stored figures other than by ingesting a file (refresh-rollups correcting
    /// rollup cells): the service's result cache is then out of date for every scope.
    /// </summary>
    public bool ChangedFigures { get; set; }
}
