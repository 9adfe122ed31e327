using System.Globalization;

namespace BenefitsTracker.Core.Domain;

/// <summary>Money is decimal pounds, rounded to pence only when a figure is shown (METHOD.md).</summary>
public static class Money
{
    /// <summary>Round to pence, halves away from zero (as a spreadsheet's ROUND does).</summary>
    public static decimal ToPence(decimal pounds) => Math.Round(pounds, 2, MidpointRounding.AwayFromZero);

    /// <summary>"£1,234.56" or "−£1,234.56", the same on every machine (no culture data needed).</summary>
    public static string Format(decimal pounds)
    {
        var p = ToPence(pounds);
        var text = "£" + Math.Abs(p).ToString("#,##0.00", CultureInfo.InvariantCulture);
        return p < 0 ? "−" + text : text;
    }
}
