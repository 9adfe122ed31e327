using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Method;

/// <summary>
/// Which benefit lines a result counts and whether each is cashable, by line (not by position).
/// A line is enabled when any part (service or member) enables it; it is cashable when every part
/// that enables it counts it as cashable, else as the scope's own assumptions say.
/// </summary>
internal sealed record LineFlags(IReadOnlyDictionary<BenefitLine, bool> Enabled, IReadOnlyDictionary<BenefitLine, bool> Cashable)
{
    /// <summary>One part's flags: the lines it enables and how it counts each.</summary>
    public sealed record Part(IReadOnlyCollection<BenefitLine> Lines, IReadOnlyDictionary<BenefitLine, bool> Cashable);

    public static LineFlags Combine(IReadOnlyCollection<Part> parts, IReadOnlyDictionary<BenefitLine, bool> scopeCashable)
    {
        var enabled = new Dictionary<BenefitLine, bool>();
        var cashable = new Dictionary<BenefitLine, bool>();
        foreach (var line in BenefitLines.All)
        {
            var withLine = parts.Where(p => p.Lines.Contains(line)).ToList();
            enabled[line] = withLine.Count > 0;
            cashable[line] = withLine.Count > 0 ? withLine.All(p => p.Cashable[line]) : scopeCashable[line];
        }
        return new LineFlags(enabled, cashable);
    }

    /// <summary>These flags as one part of a wider sum (a council within its consortium).</summary>
    public Part AsPart() => new([.. BenefitLines.All.Where(l => Enabled[l])], Cashable);
}
