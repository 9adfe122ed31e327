using System.Globalization;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Reports.Formatting;

/// <summary>How a consortium's comparison is put into words: where the populations come from, and the assumptions that differ.</summary>
public static class ComparisonText
{
    /// <summary>The populations' source and year, as every output of a consortium says it.</summary>
    public static string Population(ConsortiumComparison c) => Population(c, ReportText.En);

    public static string Population(ConsortiumComparison c, ReportText T)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.PopulationSource is { } s ? T.F("comparison.population", ("source", s)) : T["comparison.population.unknown"];
    }

    /// <summary>An assumption's key in words, its key after it: "Officer hourly cost, default (officer_hourly_cost_gbp.default)".</summary>
    public static string Assumption(string key) => Assumption(key, ReportText.En);

    public static string Assumption(string key, ReportText T)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (service, own) = Split(key);
        var label = own switch
        {
            _ when T.Has("assumption." + own) => T["assumption." + own],
            _ when own.StartsWith("officer_hourly_cost_gbp.grades.", StringComparison.Ordinal) => T.F("assumption.grade", ("grade", own[31..])),
            _ when own.StartsWith("unit_costs_gbp.", StringComparison.Ordinal) => T.F("assumption.unit_cost", ("channel", T.ChannelLower(own[15..]))),
            _ when own.StartsWith("cashable.", StringComparison.Ordinal) => T.F("assumption.cashable",
                ("line", BenefitsTracker.Core.Domain.BenefitLines.TryParse(own[9..], out var l)
                    && T.IsWelsh ? T.Line(l).ToLowerInvariant() : own[9..].Replace('_', ' '))),
            _ => own,
        };
        return (service is null ? label : $"{ServiceNames.Readable(service)}: {char.ToLowerInvariant(label[0])}{label[1..]}") + $" ({key})";
    }

    /// <summary>A value as a reader takes it: pounds for costs, percentages for rates, Yes/No for flags.</summary>
    public static string Value(string key, string value) => Value(key, value, ReportText.En);

    public static string Value(string key, string value, ReportText T)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var (_, own) = Split(key);
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
            return value switch { "true" => T.YesNo(true), "false" => T.YesNo(false), _ => value };
        return own.StartsWith("unit_costs_gbp.", StringComparison.Ordinal)
            || own.StartsWith("officer_hourly_cost_gbp.", StringComparison.Ordinal) ? Fmt.Money(n)
            : own.StartsWith("adjustments.", StringComparison.Ordinal) || own == "discount_rate" ? Fmt.Percent(n, 2) : value;
    }

    /// <summary>"services.garden-waste.go_live" → ("garden-waste", "go_live"); a council-level key → (null, key).</summary>
    private static (string? Service, string Own) Split(string key)
    {
        if (!key.StartsWith("services.", StringComparison.Ordinal)) return (null, key);
        var rest = key[9..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (null, key) : (rest[..dot], rest[(dot + 1)..]);
    }
}
