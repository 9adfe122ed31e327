namespace BenefitsTracker.Core.Domain;

/// <summary>Money is decimal pounds, rounded to pence only when a figure is shown (METHOD.md).</summary>
public static class Money
{
    /// <summary>Round to pence, halves away from zero (as a spreadsheet's ROUND does).</summary>
    public static decimal ToPence(decimal pounds) => Math.Round(pounds, 2, MidpointRounding.AwayFromZero);
}
