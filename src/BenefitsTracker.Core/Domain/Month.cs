using System.Globalization;

namespace BenefitsTracker.Core.Domain;

/// <summary>A whole calendar month (METHOD.md: periods are whole months, inclusive).</summary>
public readonly record struct Month : IComparable<Month>
{
    public Month(int year, int number)
    {
        if (year is < 1900 or > 2999) throw new ArgumentOutOfRangeException(nameof(year), year, "year must be between 1900 and 2999");
        if (number is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(number), number, "month must be between 1 and 12");
        Year = year;
        Number = number;
    }

    public int Year { get; }
    public int Number { get; }

    /// <summary>Months since year 0, so that differences count months.</summary>
    public int Index => Year * 12 + (Number - 1);

    /// <summary>A compact integer key, yyyyMM (202404), used by the store.</summary>
    public int Key => Year * 100 + Number;

    public static Month FromIndex(int index) => new(index / 12, index % 12 + 1);
    public static Month FromKey(int key) => new(key / 100, key % 100);
    public static Month Of(DateTimeOffset instant) { var u = instant.UtcDateTime; return new(u.Year, u.Month); }
    public static Month Of(DateOnly date) => new(date.Year, date.Month);

    public Month AddMonths(int months) => FromIndex(Index + months);
    public DateOnly FirstDay => new(Year, Number, 1);
    public DateOnly LastDay => new(Year, Number, DateTime.DaysInMonth(Year, Number));

    /// <summary>Number of months from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public static int Count(Month from, Month to) => to.Index - from.Index + 1;

    /// <summary>Every month from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public static IEnumerable<Month> Range(Month from, Month to)
    {
        for (var i = from.Index; i <= to.Index; i++) yield return FromIndex(i);
    }

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

    public static Month Parse(string text) =>
        TryParse(text, out var m) ? m : throw new FormatException($"'{text}' is not a month in the form YYYY-MM");

    public int CompareTo(Month other) => Index.CompareTo(other.Index);
    public static bool operator <(Month a, Month b) => a.Index < b.Index;
    public static bool operator >(Month a, Month b) => a.Index > b.Index;
    public static bool operator <=(Month a, Month b) => a.Index <= b.Index;
    public static bool operator >=(Month a, Month b) => a.Index >= b.Index;

    public override string ToString() => $"{Year:D4}-{Number:D2}";
}
