using System.Globalization;
using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Reports.Formatting;

/// <summary>How figures are shown to people: pounds to pence, months in words, ratios as percentages.</summary>
public static class Fmt
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>£1,234.56, or -£2.68 for a dis-benefit (rounded half away from zero, as ROUND does).</summary>
    public static string Money(decimal pounds)
    {
        var p = Core.Domain.Money.ToPence(pounds);
        return (p < 0 ? "-£" : "£") + Math.Abs(p).ToString("#,##0.00", Inv);
    }

    /// <summary>Whole pounds for chart axes: £12,000.</summary>
    public static string MoneyWhole(double pounds) =>
        (pounds < 0 ? "-£" : "£") + Math.Abs(pounds).ToString("#,##0", Inv);

    public static string Count(long n) => n.ToString("#,##0", Inv);

    public static string Number(decimal n, int decimals) => n.ToString("#,##0." + new string('0', decimals), Inv);

    /// <summary>A ratio as a percentage: 0.7698 → 77.0%.</summary>
    public static string Percent(decimal ratio, int decimals = 1) =>
        (ratio * 100m).ToString("0." + new string('0', decimals), Inv) + "%";

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
