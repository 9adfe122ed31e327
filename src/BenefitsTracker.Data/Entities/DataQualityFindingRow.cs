namespace BenefitsTracker.Data.Entities;

/// <summary>
/// One data-quality finding (docs/jobs.md, data-quality): the latest data-quality run's findings replace the
/// previous run's, so the table holds what is wrong now.
/// </summary>
public sealed class DataQualityFindingRow
{
    public long Id { get; set; }
    /// <summary>The job run that found it.</summary>
    public long RunId { get; set; }
    /// <summary>gap, spike, drop, stale-feed, rejection-rate or implausible-minutes.</summary>
    public string Kind { get; set; } = "";
    public string CouncilCode { get; set; } = "";
    /// <summary>The service's slug; empty when the finding is about the council's feed or a file.</summary>
    public string Service { get; set; } = "";
    /// <summary>The month concerned (yyyyMM), or null.</summary>
    public int? Month { get; set; }
    /// <summary>What was found, for a person, with the numbers that made it a finding.</summary>
    public string Detail { get; set; } = "";
    /// <summary>
    /// <see cref="Detail"/> as a phrase (its code and values, JSON: Application's StoredPhrase), so that a page or report
    /// in Welsh words it in Welsh; null on a row written before the migration DataQualityDetailPhrase (shown as its text).
    /// </summary>
    public string? DetailPhrase { get; set; }
    public DateTimeOffset FoundAt { get; set; }
}
