namespace BenefitsTracker.Application.Jobs;

/// <summary>
/// What one run of a job did: a line for a person and the counts behind it; <paramref name="ChangedFigures"/> when it
/// changed stored figures other than by ingesting a file (a rollup repair), so cached results must be recomputed.
/// </summary>
public sealed record JobOutcome(string Summary, IReadOnlyDictionary<string, long> Counts, bool ChangedFigures = false);

/// <summary>One recorded run, as `benefits jobs history` and GET /api/v1/jobs show it.</summary>
public sealed record JobRun(
    long Id, string Job, string Trigger, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Outcome, string Summary,
    IReadOnlyDictionary<string, long> Counts, string? Node = null)
{
    public const string Running = "running", Succeeded = "succeeded", Failed = "failed", Cancelled = "cancelled";
    public const string BySchedule = "schedule", ByHand = "hand";

    [System.Text.Json.Serialization.JsonIgnore]
    public TimeSpan? Duration => FinishedAt is { } f ? f - StartedAt : null;

    /// <summary>The run's length in seconds (null while it runs).</summary>
    public double? DurationSeconds => Duration is { } d ? Math.Round(d.TotalSeconds, 3) : null;
}
