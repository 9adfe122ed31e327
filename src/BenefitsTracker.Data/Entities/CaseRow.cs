namespace BenefitsTracker.Data.Entities;

/// <summary>One accepted case record; unique by council and case_id.</summary>
public sealed class CaseRow
{
    public long Id { get; set; }
    public string CouncilCode { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string Service { get; set; } = "";
    public string? Channel { get; set; }
    public string? CaseType { get; set; }
    public long ReceivedAtMs { get; set; }
    public long? ClosedAtMs { get; set; }
    /// <summary>officer_minutes in hundredths of a minute, exact.</summary>
    public long? OfficerMinutesHundredths { get; set; }
    public string? OfficerGrade { get; set; }
    public long FileId { get; set; }
}
