namespace BenefitsTracker.Core.Model;

/// <summary>One bar of the tornado chart: the NPV with one input at its low and at its high, all else held.</summary>
public sealed record TornadoBar(string Input, string Label, decimal Low, decimal High, decimal NpvAtLow, decimal NpvAtHigh)
{
    /// <summary>How far NPV moves between the input's low and high: the bar's length, which orders the chart.</summary>
    public decimal Swing => Math.Abs(NpvAtHigh - NpvAtLow);
}
