using System.Globalization;
using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Reports.Formatting;

/// <summary>How figures are shown to people: pounds to pence, months in words, ratios as percentages.</summary>
public static class Fmt
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The true minus sign (U+2212), which screen readers read and which does not break from its figure.</summary>
    public const string Minus = "\u2212";

    /// <summary>
    /// The rounding rule, decided once (GSS convention): tables and cards show each figure to the penny, rounded
    /// on its own from the unrounded figure; totals are worked out before rounding, so shown parts may differ
    /// from a shown total by a penny or so, and <see cref="RoundingNote"/> says so wherever they do
    /// (<see cref="MayNotSum"/>). Sentences round for people (<see cref="About"/>).
    /// </summary>
    public const string RoundingNote = "Figures may not sum because of rounding.";

    /// <summary>£1,234.56, or −£2.68 for a dis-benefit (rounded half away from zero, as ROUND does).</summary>
    public static string Money(decimal pounds)
    {
        var p = Core.Domain.Money.ToPence(pounds);
        return (p < 0 ? Minus + "£" : "£") + Math.Abs(p).ToString("#,##0.00", Inv);
    }

    /// <summary>Whole pounds for chart axes: £12,000, −£500.</summary>
    public static string MoneyWhole(double pounds) =>
        (pounds < 0 ? Minus + "£" : "£") + Math.Abs(pounds).ToString("#,##0", Inv);

    /// <summary>
    /// Money rounded for a sentence: "about £113,600" (four significant figures, never finer than whole
    /// pounds, half away from zero), "about −£2,680"; "£0" for nothing.
    /// </summary>
    public static string About(decimal pounds)
    {
        if (pounds == 0m) return "£0";
        var abs = Math.Abs(pounds);
        var digits = (int)Math.Floor(Math.Log10((double)abs)) + 1;
        var step = digits <= 4 ? 1m : Pow10(digits - 4);
        var rounded = Math.Round(abs / step, MidpointRounding.AwayFromZero) * step;
        // A word joiner (U+2060, invisible) keeps "−" and "£" on one line: browsers may break between them.
        return "about " + (pounds < 0 ? Minus + "\u2060" : "") + "£" + rounded.ToString("#,##0", Inv);
    }

    private static decimal Pow10(int n)
    {
        var x = 1m;
        for (var i = 0; i < n; i++) x *= 10m;
        return x;
    }

    /// <summary>Whether the parts, each shown to the penny, add up to something other than the total shown to the penny.</summary>
    public static bool MayNotSum(IEnumerable<decimal> parts, decimal total) =>
        parts.Sum(Core.Domain.Money.ToPence) != Core.Domain.Money.ToPence(total);

    /// <summary>A small count in words for sentences ("three services"), digits from 10.</summary>
    public static string CountWords(int n) => n switch
    {
        0 => "no", 1 => "one", 2 => "two", 3 => "three", 4 => "four", 5 => "five", 6 => "six", 7 => "seven", 8 => "eight", 9 => "nine",
        _ => Count(n),
    };

    public static string Count(long n) => n.ToString("#,##0", Inv);

    public static string Number(decimal n, int decimals) => n.ToString("#,##0." + new string('0', decimals), Inv);

    /// <summary>
    /// A ratio as a percentage: 0.7698 → 77.0%, −0.305 → −30.5% (a true minus sign); a figure that rounds to
    /// zero has no sign (0.0%, never −0.0%).
    /// </summary>
    public static string Percent(decimal ratio, int decimals = 1)
    {
        var shown = Math.Round(ratio * 100m, decimals, MidpointRounding.AwayFromZero);
        return (shown < 0 ? Minus : "") + Math.Abs(shown).ToString("0." + new string('0', decimals), Inv) + "%";
    }

    /// <summary>A change as a signed percentage: "+12.0%", "−30.5%", "0.0%" when it rounds to nothing.</summary>
    public static string SignedPercent(decimal ratio, int decimals = 1)
    {
        var text = Percent(ratio, decimals);
        return Math.Round(ratio * 100m, decimals, MidpointRounding.AwayFromZero) > 0 ? "+" + text : text;
    }

    /// <summary>A change in a rate, in percentage points: "+30.0 points", "−2.5 points", "0.0 points" when it rounds to nothing.</summary>
    public static string Points(decimal change, int decimals = 1)
    {
        var shown = Math.Round(change * 100m, decimals, MidpointRounding.AwayFromZero);
        return (shown > 0 ? "+" : shown < 0 ? Minus : "") + Math.Abs(shown).ToString("#,##0." + new string('0', decimals), Inv) + " points";
    }

    /// <summary>Jan 2024 (charts and tables).</summary>
    public static string MonthShort(Month m) => m.FirstDay.ToString("MMM yyyy", Inv);

    /// <summary>January 2024 (sentences).</summary>
    public static string MonthLong(Month m) => m.FirstDay.ToString("MMMM yyyy", Inv);

    public static string Period(Month from, Month to) => $"{MonthLong(from)} to {MonthLong(to)}";

    /// <summary>A channel key as a label: face_to_face → Face to face.</summary>
    public static string Channel(string key) => key switch
    {
        Channels.Web => "Web",
        Channels.App => "App",
        Channels.Email => "Email",
        Channels.Phone => "Phone",
        Channels.FaceToFace => "Face to face",
        Channels.Post => "Post",
        Channels.Chat => "Chat",
        Channels.Other => "Other",
        _ => key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' '),
    };
}
