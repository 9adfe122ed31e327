namespace BenefitsTracker.Core.Domain;

/// <summary>Cost line categories: baseline spend digital can avoid, and the cost of the digital service.</summary>
public static class CostCategories
{
    public const string Print = "print", Postage = "postage", Licence = "licence",
        Implementation = "implementation", Hosting = "hosting", Support = "support", Other = "other";

    public static readonly IReadOnlyList<string> All = [Print, Postage, Licence, Implementation, Hosting, Support, Other];
    public static readonly IReadOnlyList<string> Baseline = [Print, Postage];
    public static readonly IReadOnlyList<string> Digital = [Licence, Implementation, Hosting, Support, Other];

    public static bool IsKnown(string category) => All.Contains(category, StringComparer.Ordinal);
    public static bool IsBaseline(string category) => category is Print or Postage;
}
