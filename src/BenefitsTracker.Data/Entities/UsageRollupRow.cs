namespace BenefitsTracker.Data.Entities;

/// <summary>Usage by council × service × channel × month: quantities summed by event type.</summary>
public sealed class UsageRollupRow
{
    public string CouncilCode { get; set; } = "";
    public string Service { get; set; } = "";
    public string Channel { get; set; } = "";
    /// <summary>yyyyMM, as <see cref="Core.Domain.Month.Key"/>.</summary>
    public int Month { get; set; }
    public long Completed { get; set; }
    public long Started { get; set; }
    public long Failed { get; set; }
    /// <summary>Quantities of every other event type (page views, map views, downloads).</summary>
    public long Other { get; set; }
    /// <summary>Satisfaction ratings given (quantities of satisfaction_rating events).</summary>
    public long Ratings { get; set; }
    /// <summary>Of those, ratings of 4 or 5.</summary>
    public long Satisfied { get; set; }
}
