using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Ingestion.Validation;

/// <summary>Allocation-free parsers for the field types of the input formats (docs/data-formats.md).</summary>
internal static class Fields
{
    private const long UnixEpochTicks = 621355968000000000L;

    /// <summary>
    /// ISO 8601 instant with an offset or Z: <c>YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM|±HHMM|±HH)</c>.
    /// A time without an offset is ambiguous and refused. Returns milliseconds since 1970 UTC and the UTC month.
    /// </summary>
    public static bool TryInstant(ReadOnlySpan<char> s, out long unixMs, out int monthKey)
    {
        unixMs = 0; monthKey = 0;
        if (s.Length < 17) return false;
        if (!Digits(s, 0, 4, out var year) || s[4] != '-' || !Digits(s, 5, 2, out var month) || s[7] != '-'
            || !Digits(s, 8, 2, out var day) || s[10] is not ('T' or 't') || !Digits(s, 11, 2, out var hour) || s[13] != ':'
            || !Digits(s, 14, 2, out var minute)) return false;
        var i = 16;
        int second = 0;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == ':')
        {
            if (!Digits(s, i + 1, 2, out second)) return false;
            i += 3;
            if (i < s.Length && s[i] is '.' or ',')
            {
                i++;
                var start = i;
                long scale = TimeSpan.TicksPerSecond;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    if (i - start < 7) { scale /= 10; fractionTicks += (s[i] - '0') * scale; }
                    i++;
                }
                if (i == start) return false;
            }
        }
        if (i >= s.Length) return false; // no offset: refused
        int offsetMinutes;
        if (s[i] is 'Z' or 'z')
        {
            offsetMinutes = 0;
            i++;
        }
        else if (s[i] is '+' or '-')
        {
            var sign = s[i] == '-' ? -1 : 1;
            if (!Digits(s, i + 1, 2, out var oh)) return false;
            i += 3;
            var om = 0;
            if (i < s.Length)
            {
                if (s[i] == ':') i++;
                if (!Digits(s, i, 2, out om)) return false;
                i += 2;
            }
            if (oh > 18 || om > 59) return false;
            offsetMinutes = sign * (oh * 60 + om);
        }
        else return false;
        if (i != s.Length) return false;
        if (year < 1900 || year > 2999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59) return false;

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks
                    - offsetMinutes * TimeSpan.TicksPerMinute;
        unixMs = (ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond;
        if (offsetMinutes == 0 && fractionTicks >= 0)
        {
            monthKey = year * 100 + month;
        }
        else
        {
            var utc = new DateTime(ticks, DateTimeKind.Utc);
            monthKey = utc.Year * 100 + utc.Month;
        }
        return true;
    }

    /// <summary>A calendar date, <c>YYYY-MM-DD</c>.</summary>
    public static bool TryDate(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || !Digits(s, 0, 4, out var y) || s[4] != '-' || !Digits(s, 5, 2, out var m) || s[7] != '-' || !Digits(s, 8, 2, out var d))
            return false;
        if (y < 1900 || y > 2999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    public enum NumberProblem { None, NotANumber, Negative, TooPrecise, TooLarge }

    /// <summary>
    /// A plain non-negative decimal (<c>1234.5</c>; no sign, currency symbol, thousands separator or exponent) as an
    /// exact count of hundredths. More than two decimal places is refused unless the extra digits are zeros.
    /// </summary>
    public static NumberProblem TryHundredths(ReadOnlySpan<char> s, out long hundredths)
    {
        hundredths = 0;
        if (s.IsEmpty) return NumberProblem.NotANumber;
        var i = 0;
        if (s[0] == '-') return s.Length > 1 ? NumberProblem.Negative : NumberProblem.NotANumber;
        if (s[0] == '+') i++;
        long whole = 0;
        var digits = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++, digits++)
        {
            // Past this, whole × 100 would not fit a long; the callers' own bounds are far lower.
            if (whole > 9_000_000_000_000_000L / 1000) return NumberProblem.TooLarge;
            whole = whole * 10 + (s[i] - '0');
        }
        long fraction = 0;
        var fractionDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++, fractionDigits++)
            {
                if (fractionDigits < 2) fraction = fraction * 10 + (s[i] - '0');
                else if (s[i] != '0') return NumberProblem.TooPrecise;
            }
        }
        if (i != s.Length || digits + fractionDigits == 0) return NumberProblem.NotANumber;
        if (fractionDigits == 1) fraction *= 10;
        hundredths = whole * 100 + fraction;
        return NumberProblem.None;
    }

    // The largest values a row may carry: what the rollups (64-bit sums) and the method's decimal arithmetic can
    // add up over billions of rows with room to spare (docs/data-formats.md, Limits).
    public const long MaxQuantity = 1_000_000_000;
    public const double MaxDurationSeconds = 1_000_000_000;
    public const long MaxOfficerMinutes = 1_000_000;
    public const long MaxAmountPounds = 1_000_000_000_000;

    /// <summary>The months the store can hold, as yyyyMM keys: a UTC month outside them is refused.</summary>
    public const int FirstMonthKey = 1900_01, LastMonthKey = 2999_12;

    /// <summary>A non-negative whole number, at most <paramref name="max"/>.</summary>
    public static NumberProblem TryWhole(ReadOnlySpan<char> s, out long value, long max)
    {
        var p = TryWhole(s, out value);
        return p == NumberProblem.None && value > max ? NumberProblem.TooLarge : p;
    }

    /// <summary>A plain non-negative decimal in hundredths, at most <paramref name="maxWhole"/> units.</summary>
    public static NumberProblem TryHundredths(ReadOnlySpan<char> s, out long hundredths, long maxWhole)
    {
        var p = TryHundredths(s, out hundredths);
        return p == NumberProblem.None && hundredths > maxWhole * 100 ? NumberProblem.TooLarge : p;
    }

    /// <summary>A non-negative whole number.</summary>
    public static NumberProblem TryWhole(ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        var p = TryHundredths(s, out var h);
        if (p == NumberProblem.TooPrecise) return NumberProblem.NotANumber;
        if (p != NumberProblem.None) return p;
        if (h % 100 != 0) return NumberProblem.NotANumber;
        value = h / 100;
        return NumberProblem.None;
    }

    /// <summary>A non-negative number of any precision (durations), at most <paramref name="max"/>.</summary>
    public static NumberProblem TryNonNegativeDouble(ReadOnlySpan<char> s, out double value, double max)
    {
        value = 0;
        if (!double.TryParse(s, System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
            return NumberProblem.NotANumber;
        return value < 0 ? NumberProblem.Negative : value > max ? NumberProblem.TooLarge : NumberProblem.None;
    }

    /// <summary>"2024-04" for a yyyyMM key.</summary>
    public static string MonthText(int monthKey) => $"{monthKey / 100:0000}-{monthKey % 100:00}";

    /// <summary>true/false (also yes/no, y/n, 1/0), any case.</summary>
    public static bool TryBool(ReadOnlySpan<char> s, out bool value)
    {
        value = false;
        if (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || s.Equals("y", StringComparison.OrdinalIgnoreCase) || s.SequenceEqual("1")) { value = true; return true; }
        return s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.Equals("no", StringComparison.OrdinalIgnoreCase)
               || s.Equals("n", StringComparison.OrdinalIgnoreCase) || s.SequenceEqual("0");
    }

    /// <summary>A slug: lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 100 characters.</summary>
    public static bool IsSlug(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 100 || !(char.IsAsciiLetterLower(s[0]) || char.IsAsciiDigit(s[0]))) return false;
        foreach (var c in s)
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_')) return false;
        return true;
    }

    public static bool IsGss(ReadOnlySpan<char> s) => CouncilCode.IsValid(s);

    /// <summary>Index of <paramref name="s"/> in <paramref name="known"/>, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> s, IReadOnlyList<string> known)
    {
        for (var i = 0; i < known.Count; i++)
            if (s.SequenceEqual(known[i])) return i;
        return -1;
    }

    /// <summary>The value quoted for a reason message, cut to a readable length.</summary>
    public static string Show(ReadOnlySpan<char> s) => s.Length <= 40 ? $"'{s}'" : $"'{s[..37]}...'";

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length) return false;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
