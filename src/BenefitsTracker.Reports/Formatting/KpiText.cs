using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Reports.Formatting;

/// <summary>How the four KPIs are shown to people: labels, values, targets and changes, with suppression applied.</summary>
public static class KpiText
{
    public static string Label(Kpi kpi) => kpi switch
    {
        Kpi.CostPerTransaction => "Cost per transaction",
        Kpi.DigitalTakeUp => "Digital take-up",
        Kpi.CompletionRate => "Completion rate",
        Kpi.UserSatisfaction => "User satisfaction",
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, null),
    };

    /// <summary>What the KPI is, in one phrase.</summary>
    public static string Definition(Kpi kpi) => kpi switch
    {
        Kpi.CostPerTransaction => "channel cost of the transactions plus the service's own digital costs, per completed transaction",
        Kpi.DigitalTakeUp => "completed transactions made on digital channels, of all completed transactions",
        Kpi.CompletionRate => "online transactions completed, of those started (web and app, where starts are recorded)",
        Kpi.UserSatisfaction => "ratings of 4 (satisfied) or 5 (very satisfied), of all ratings on the five-point scale",
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, null),
    };

    /// <summary>£0.89 or 80.0%; "unknown" for a month without data, "n/a" where there is nothing to divide by, the symbol where withheld.</summary>
    public static string Value(Kpi kpi, KpiFigures? figures, Shown shown = Shown.Value)
    {
        if (figures is null) return "unknown";
        if (shown != Shown.Value) return DisclosureView.ConfidentialSymbol;
        return Format(kpi, figures.Value(kpi)) ?? "n/a";
    }

    public static string? Format(Kpi kpi, decimal? value) => value is not { } v ? null
        : kpi == Kpi.CostPerTransaction ? Fmt.Money(v) : Fmt.Percent(v);

    public static string Target(KpiTargets? targets, Kpi kpi) =>
        Format(kpi, targets?.Of(kpi)) is { } t ? (kpi == Kpi.CostPerTransaction ? $"at most {t}" : $"at least {t}") : "none set";

    public static string Met(KpiTargets? targets, Kpi kpi, KpiFigures figures, Shown shown) =>
        shown != Shown.Value ? DisclosureView.ConfidentialSymbol
        : targets?.Met(kpi, figures.Value(kpi)) switch { true => "met", false => "not met", null => "" };

    /// <summary>
    /// The change from a year earlier: "+£0.12" or "−£0.60" for a cost, "+30.0 points" for a rate; "£0.00" or "0.0 points"
    /// when it rounds to nothing (never "+£0.00"); "" when either side is missing.
    /// </summary>
    public static string Change(Kpi kpi, KpiFigures? now, KpiFigures? before, Shown nowShown, Shown beforeShown)
    {
        if (nowShown != Shown.Value || beforeShown != Shown.Value) return DisclosureView.ConfidentialSymbol;
        if (now?.Value(kpi) is not { } a || before?.Value(kpi) is not { } b) return "";
        var d = a - b;
        return kpi == Kpi.CostPerTransaction
            ? (Core.Domain.Money.ToPence(d) > 0 ? "+" : "") + Fmt.Money(d)
            : Fmt.Points(d);
    }
}
