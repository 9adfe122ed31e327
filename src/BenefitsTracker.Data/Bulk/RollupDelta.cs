namespace BenefitsTracker.Data.Bulk;

/// <summary>Usage counts to add for one council × service × channel × month (yyyyMM).</summary>
public readonly record struct UsageKey(string CouncilCode, string Service, string Channel, int Month);

public struct UsageCounts
{
    public long Completed, Started, Failed, Other;
    /// <summary>Satisfaction ratings, and those of 4 or 5 (satisfied).</summary>
    public long Ratings, Satisfied;

    /// <summary>These counts less <paramref name="other"/> (rows taken back: duplicates found after counting).</summary>
    public readonly UsageCounts Minus(in UsageCounts other) => new()
    {
        Completed = Completed - other.Completed, Started = Started - other.Started, Failed = Failed - other.Failed,
        Other = Other - other.Other, Ratings = Ratings - other.Ratings, Satisfied = Satisfied - other.Satisfied,
    };

    /// <summary>Every count is 0: nothing to merge.</summary>
    public readonly bool IsZero => this is { Completed: 0, Started: 0, Failed: 0, Other: 0, Ratings: 0, Satisfied: 0 };
}

/// <summary>A closed-case histogram cell: grade "" when none was recorded.</summary>
public readonly record struct ClosedCaseKey(string CouncilCode, string Service, int Month, string Grade, long MinutesHundredths);

public readonly record struct OpenCaseKey(string CouncilCode, string Service, int Month);

/// <summary>What one file adds to the rollups, accumulated in memory and merged once, in the file's transaction.</summary>
public sealed class RollupDelta
{
    public Dictionary<UsageKey, UsageCounts> Usage { get; } = new();
    public Dictionary<ClosedCaseKey, long> ClosedCases { get; } = new();
    public Dictionary<OpenCaseKey, long> OpenCases { get; } = new();

    public bool IsEmpty => Usage.Count == 0 && ClosedCases.Count == 0 && OpenCases.Count == 0;
}
