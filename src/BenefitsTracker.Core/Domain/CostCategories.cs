namespace BenefitsTracker.Core.Domain;

/// <summary>Cost line categories: baseline spend digital can avoid, and the cost of the digital service.</summary>
public static class CostCategories
{
    /// <summary>The category keys as the cost lines feed writes them (SPEC.md).</summary>
    public const string Print = "print", Postage = "postage", Licence = "licence",
        Implementation = "implementation", Hosting = "hosting", Support = "support", Other = "other";

    /// <summary>Every known category.</summary>
    public static readonly IReadOnlyList<string> All = [Print, Postage, Licence, Implementation, Hosting, Support, Other];
    /// <summary>The categories the digital service can avoid (METHOD.md line 3): print and postage.</summary>
    public static readonly IReadOnlyList<string> Baseline = [Print, Postage];
    /// <summary>The categories that are the digital service's own costs C (METHOD.md, Adjustments and appraisal).</summary>
    public static readonly IReadOnlyList<string> Digital = [Licence, Implementation, Hosting, Support, Other];

    /// <summary>Whether <paramref name="category"/> is one of <see cref="All"/> (case-sensitive).</summary>
    public static bool IsKnown(string category) => All.Contains(category, StringComparer.Ordinal);
    /// <summary>Whether <paramref name="category"/> is one of <see cref="Baseline"/>.</summary>
    public static bool IsBaseline(string category) => category is Print or Postage;
}
