using System.Globalization;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Reports.Formatting;

/// <summary>How a consortium's comparison is put into words: where the populations come from, and the assumptions that differ.</summary>
public static class ComparisonText
{
    /// <summary>The populations' source and year, as every output of a consortium says it.</summary>
    public static string Population(ConsortiumComparison c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.PopulationSource is { } s
            ? $"Populations per 1,000 residents are from the councils file: {s}."
            : "Populations per 1,000 residents are from the councils file; the assumptions do not say their source or year (consortia.{id}.population_source).";
    }

    /// <summary>An assumption's key in words, its key after it: "Officer hourly cost, default (officer_hourly_cost_gbp.default)".</summary>
    public static string Assumption(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (service, own) = Split(key);
        var label = own switch
        {
            "go_live" => "Go-live month",
            "baseline" => "Baseline period",
            "lines" => "Benefit lines counted",
            "digital_channels" => "Digital channels",
            "discount_rate" => "Discount rate",
            "officer_hourly_cost_gbp.default" => "Officer hourly cost, default",
            "adjustments.deadweight" => "Deadweight",
            "adjustments.attribution" => "Attribution",
            "adjustments.optimism_bias" => "Optimism bias",
            _ when own.StartsWith("officer_hourly_cost_gbp.grades.", StringComparison.Ordinal) => $"Officer hourly cost, grade {own[31..]}",
            _ when own.StartsWith("unit_costs_gbp.", StringComparison.Ordinal) => $"Unit cost, {Fmt.Channel(own[15..]).ToLowerInvariant()}",
            _ when own.StartsWith("cashable.", StringComparison.Ordinal) => $"Cashable: {own[9..].Replace('_', ' ')}",
            _ => own,
        };
        return (service is null ? label : $"{ServiceNames.Readable(service)}: {char.ToLowerInvariant(label[0])}{label[1..]}") + $" ({key})";
    }

    /// <summary>A value as a reader takes it: pounds for costs, percentages for rates, Yes/No for flags.</summary>
    public static string Value(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var (_, own) = Split(key);
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
            return value switch { "true" => "Yes", "false" => "No", _ => value };
        return own.StartsWith("unit_costs_gbp.", StringComparison.Ordinal) || own.StartsWith("officer_hourly_cost_gbp.", StringComparison.Ordinal) ? Fmt.Money(n)
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
