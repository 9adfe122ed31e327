using System.Globalization;

namespace BenefitsTracker.Core.Domain;

/// <summary>A whole calendar month (METHOD.md: periods are whole months, inclusive).</summary>
public readonly record struct Month : IComparable<Month>
{
    /// <summary>The month <paramref name="number"/> (1–12) of <paramref name="year"/> (1900–2999).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year or the month number is out of range.</exception>
    public Month(int year, int number)
    {
        if (year is < 1900 or > 2999) throw new ArgumentOutOfRangeException(nameof(year), year, "year must be between 1900 and 2999");
        if (number is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(number), number, "month must be between 1 and 12");
        Year = year;
        Number = number;
    }

    /// <summary>The calendar year, 1900–2999.</summary>
    public int Year { get; }
    /// <summary>The month of the year, 1 (January) to 12.</summary>
    public int Number { get; }

    /// <summary>Months since year 0, so that differences count months.</summary>
    public int Index => Year * 12 + (Number - 1);

    /// <summary>A compact integer key, yyyyMM (202404), used by the store.</summary>
    public int Key => Year * 100 + Number;

    /// <summary>The month <paramref name="index"/> months after January of year 0 (the inverse of <see cref="Index"/>).</summary>
    public static Month FromIndex(int index) => new(index / 12, index % 12 + 1);
    /// <summary>The month of a yyyyMM key (the inverse of <see cref="Key"/>).</summary>
    public static Month FromKey(int key) => new(key / 100, key % 100);
    /// <summary>The month an instant falls in, in UTC.</summary>
    public static Month Of(DateTimeOffset instant) { var u = instant.UtcDateTime; return new(u.Year, u.Month); }
    /// <summary>The month a date falls in.</summary>
    public static Month Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>This month moved by <paramref name="months"/> (negative: earlier).</summary>
    public Month AddMonths(int months) => FromIndex(Index + months);
    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Number, 1);
    /// <summary>The last day of the month (28 February, or 29 in a leap year).</summary>
    public DateOnly LastDay => new(Year, Number, DateTime.DaysInMonth(Year, Number));

    /// <summary>Number of months from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public static int Count(Month from, Month to) => to.Index - from.Index + 1;

    /// <summary>Every month from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public static IEnumerable<Month> Range(Month from, Month to)
    {
        for (var i = from.Index; i <= to.Index; i++) yield return FromIndex(i);
    }

    /// <summary>Reads a month written YYYY-MM ("2024-04"), and nothing else (no day, no spaces).</summary>
    /// <returns>Whether <paramref name="text"/> is such a month; <paramref name="month"/> is default when not.</returns>
    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y is < 1900 or > 2999 || m is < 1 or > 12) return false;
        month = new Month(y, m);
        return true;
    }

    /// <summary>Reads a month written YYYY-MM, as <see cref="TryParse"/> does.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not such a month.</exception>
    public static Month Parse(string text) =>
        TryParse(text, out var m) ? m : throw new FormatException($"'{text}' is not a month in the form YYYY-MM");

    /// <summary>Months order by time: earlier is less.</summary>
    public int CompareTo(Month other) => Index.CompareTo(other.Index);
    /// <summary>Whether <paramref name="a"/> is earlier than <paramref name="b"/>.</summary>
    public static bool operator <(Month a, Month b) => a.Index < b.Index;
    /// <summary>Whether <paramref name="a"/> is later than <paramref name="b"/>.</summary>
    public static bool operator >(Month a, Month b) => a.Index > b.Index;
    /// <summary>Whether <paramref name="a"/> is <paramref name="b"/> or earlier.</summary>
    public static bool operator <=(Month a, Month b) => a.Index <= b.Index;
    /// <summary>Whether <paramref name="a"/> is <paramref name="b"/> or later.</summary>
    public static bool operator >=(Month a, Month b) => a.Index >= b.Index;

    /// <summary>The month as YYYY-MM ("2024-04"), the form <see cref="Parse"/> reads.</summary>
    public override string ToString() => $"{Year:D4}-{Number:D2}";
}
