namespace BenefitsTracker.Data.Entities;

/// <summary>One line of spend, against a council or a consortium. Money in integer pence.</summary>
public sealed class CostLineRow
{
    public long Id { get; set; }
    public string? CouncilCode { get; set; }
    public string? ConsortiumId { get; set; }
    public string? Service { get; set; }
    public string Category { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public long AmountPence { get; set; }
    public bool Cashable { get; set; }
    public string? Reference { get; set; }
    public string? Description { get; set; }
    public long FileId { get; set; }
}
