namespace BenefitsTracker.Core.Model;

/// <summary>Draws whose NPV fell in [From, To) (the last bin includes its upper end).</summary>
public sealed record HistogramBin(decimal From, decimal To, int Count);
