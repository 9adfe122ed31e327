using System.Globalization;
using System.Text.Json;
using BenefitsTracker.Core.Domain;

namespace BenefitsTracker.Core.Assumptions;

/// <summary>
/// Reading helpers that refuse anything unexpected, naming the key path: the assumptions file
/// drives money figures, so a typo must never fall back silently to a default.
/// </summary>
internal static class StrictJson
{
    public static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    /// <summary>The properties of an object, refusing duplicates and (when <paramref name="allowed"/> is given) unknown keys.</summary>
    public static Dictionary<string, JsonElement> Object(JsonElement element, string path, IReadOnlyCollection<string>? allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new AssumptionsException(path, $"expected an object {{...}}, found {Describe(element)}");
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var childPath = Join(path, property.Name);
            if (allowed is not null && !allowed.Contains(property.Name))
                throw new AssumptionsException(childPath,
                    $"unknown key '{property.Name}'; the keys allowed here are: {string.Join(", ", allowed)}");
            if (!result.TryAdd(property.Name, property.Value))
                throw new AssumptionsException(childPath, $"the key '{property.Name}' appears more than once");
        }
        return result;
    }

    public static string String(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
            throw new AssumptionsException(path, $"expected a string, found {Describe(element)}");
        return element.GetString()!;
    }

    public static string NonEmptyString(JsonElement element, string path)
    {
        var text = String(element, path);
        if (string.IsNullOrWhiteSpace(text)) throw new AssumptionsException(path, "must not be empty");
        return text;
    }

    public static bool Bool(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new AssumptionsException(path, $"expected true or false, found {Describe(element)}"),
    };

    public static decimal Decimal(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number)
            throw new AssumptionsException(path, $"expected a number, found {Describe(element)}");
        if (!element.TryGetDecimal(out var value))
            throw new AssumptionsException(path, $"the number {element.GetRawText()} is out of range");
        return value;
    }

    /// <summary>Money: zero or more.</summary>
    public static decimal NonNegative(JsonElement element, string path)
    {
        var value = Decimal(element, path);
        if (value < 0m)
            throw new AssumptionsException(path, $"{Show(value)} is negative; a cost must be zero or more");
        return value;
    }

    /// <summary>The largest unit or hourly cost taken: volumes up to 9 × 10^18 times this stay far inside decimal's range.</summary>
    public const decimal MaxUnitCost = 1_000_000m;

    /// <summary>A unit or hourly cost: zero or more, at most £1,000,000 (a larger one is a typo, and the arithmetic could not carry it).</summary>
    public static decimal UnitCost(JsonElement element, string path)
    {
        var value = NonNegative(element, path);
        if (value > MaxUnitCost)
            throw new AssumptionsException(path, $"{Show(value)} is more than £1,000,000; a unit or hourly cost must be at most that");
        return value;
    }

    /// <summary>
    /// A unit or hourly cost with its optional price year: a number (in the prices of the months it values), or
    /// <c>{"gbp": 2.83, "price_year": "2010-11"}</c> (in that financial year's prices, uprated with the GDP deflators;
    /// METHOD.md v2, Real prices).
    /// </summary>
    public static (decimal Value, FinancialYear? PriceYear) PricedCost(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) return (UnitCost(element, path), null);
        var entry = Object(element, path, PricedKeys);
        if (!entry.TryGetValue("gbp", out var gbp))
            throw new AssumptionsException(Join(path, "gbp"), "a cost given with its price year needs \"gbp\": the cost in pounds");
        if (!entry.TryGetValue("price_year", out var yearElement))
            throw new AssumptionsException(Join(path, "price_year"),
                "a cost written as an object needs \"price_year\" (a financial year such as \"2010-11\"); or write the cost as a plain number");
        var text = String(yearElement, Join(path, "price_year"));
        if (!FinancialYear.TryParse(text, out var year))
            throw new AssumptionsException(Join(path, "price_year"),
                $"'{text}' is not a financial year; write it as HM Treasury does, e.g. \"2010-11\"");
        return (UnitCost(gbp, Join(path, "gbp")), year);
    }

    private static readonly string[] PricedKeys = ["gbp", "price_year"];

    /// <summary>A fraction between 0 and 1 inclusive (deadweight, attribution, optimism bias, discount rate).</summary>
    public static decimal Rate(JsonElement element, string path)
    {
        var value = Decimal(element, path);
        if (value is < 0m or > 1m)
            throw new AssumptionsException(path,
                $"{Show(value)} is outside 0..1; rates are fractions (0.035 for 3.5%), not percentages");
        return value;
    }

    public static int PositiveInteger(JsonElement element, string path)
    {
        var value = Decimal(element, path);
        if (value != decimal.Truncate(value) || value < 1m || value > int.MaxValue)
            throw new AssumptionsException(path, $"{Show(value)} is not a positive whole number");
        return (int)value;
    }

    public static Month Month(JsonElement element, string path)
    {
        var text = String(element, path);
        if (!Domain.Month.TryParse(text, out var month))
            throw new AssumptionsException(path, $"'{text}' is not a month in the form YYYY-MM");
        return month;
    }

    public static List<JsonElement> Array(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
            throw new AssumptionsException(path, $"expected a list [...], found {Describe(element)}");
        return [.. element.EnumerateArray()];
    }

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString(),
    };
}
