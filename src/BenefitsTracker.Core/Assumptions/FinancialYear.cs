using System.Globalization;
using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Assumptions;

/// <summary>A UK financial year, April to March, written as HM Treasury writes it: "2024-25" starts in April 2024.</summary>
public readonly record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    /// <summary>The financial year a month falls in: April 2024 to March 2025 is 2024-25.</summary>
    public static FinancialYear Of(Month month) => new(month.Number >= 4 ? month.Year : month.Year - 1);

    /// <summary>Reads a year written as HM Treasury writes it, "2024-25" (the second part must be the following year).</summary>
    /// <returns>Whether <paramref name="text"/> is such a year; <paramref name="year"/> is default when not.</returns>
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var end)) return false;
        if (start is < 1900 or > 2998 || (start + 1) % 100 != end) return false;
        year = new FinancialYear(start);
        return true;
    }

    /// <summary>Financial years order by time: earlier is less.</summary>
    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    /// <summary>Whether <paramref name="a"/> is earlier than <paramref name="b"/>.</summary>
    public static bool operator <(FinancialYear a, FinancialYear b) => a.StartYear < b.StartYear;

    /// <summary>Whether <paramref name="a"/> is later than <paramref name="b"/>.</summary>
    public static bool operator >(FinancialYear a, FinancialYear b) => a.StartYear > b.StartYear;

    /// <summary>Whether <paramref name="a"/> is <paramref name="b"/> or earlier.</summary>
    public static bool operator <=(FinancialYear a, FinancialYear b) => a.StartYear <= b.StartYear;

    /// <summary>Whether <paramref name="a"/> is <paramref name="b"/> or later.</summary>
    public static bool operator >=(FinancialYear a, FinancialYear b) => a.StartYear >= b.StartYear;

    /// <summary>The year as HM Treasury writes it, "2024-25", the form <see cref="TryParse"/> reads.</summary>
    public override string ToString() =>
        $"{StartYear.ToString("D4", CultureInfo.InvariantCulture)}-{((StartYear + 1) % 100).ToString("D2", CultureInfo.InvariantCulture)}";
}
