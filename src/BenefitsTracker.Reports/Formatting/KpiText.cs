using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Localisation;

namespace BenefitsTracker.Reports.Formatting;

/// <summary>How the four KPIs are shown to people: labels, values, targets and changes, with suppression applied.</summary>
public static class KpiText
{
    private static string Key(Kpi kpi) => kpi switch
    {
        Kpi.CostPerTransaction => "cost_per_transaction",
        Kpi.DigitalTakeUp => "digital_take_up",
        Kpi.CompletionRate => "completion_rate",
        Kpi.UserSatisfaction => "user_satisfaction",
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, null),
    };

    public static string Label(Kpi kpi) => Label(kpi, ReportText.En);

    public static string Label(Kpi kpi, ReportText text) => text["kpi.label." + Key(kpi)];

    /// <summary>What the KPI is, in one phrase.</summary>
    public static string Definition(Kpi kpi, ReportText? text = null) => (text ?? ReportText.En)["kpi.definition." + Key(kpi)];

    /// <summary>£0.89 or 80.0%; "unknown" for a month without data, "n/a" where there is nothing to divide by, the symbol where withheld.</summary>
    public static string Value(Kpi kpi, KpiFigures? figures, Shown shown = Shown.Value, ReportText? text = null)
    {
        var T = text ?? ReportText.En;
        if (figures is null) return T["common.unknown"];
        if (shown != Shown.Value) return DisclosureView.ConfidentialSymbol;
        return Format(kpi, figures.Value(kpi)) ?? T["common.na"];
    }

    public static string? Format(Kpi kpi, decimal? value) => value is not { } v ? null
        : kpi == Kpi.CostPerTransaction ? Fmt.Money(v) : Fmt.Percent(v);

    public static string Target(KpiTargets? targets, Kpi kpi, ReportText? text = null)
    {
        var T = text ?? ReportText.En;
        return Format(kpi, targets?.Of(kpi)) is { } t
            ? T.F(kpi == Kpi.CostPerTransaction ? "kpi.target.at_most" : "kpi.target.at_least", ("value", t))
            : T["kpi.target.none"];
    }

    public static string Met(KpiTargets? targets, Kpi kpi, KpiFigures figures, Shown shown, ReportText? text = null)
    {
        var T = text ?? ReportText.En;
        return shown != Shown.Value ? DisclosureView.ConfidentialSymbol
            : targets?.Met(kpi, figures.Value(kpi)) switch { true => T["kpi.met"], false => T["kpi.not_met"], null => "" };
    }

    /// <summary>
    /// The change from a year earlier: "+£0.12" or "−£0.60" for a cost, "+30.0 points" for a rate; "£0.00" or "0.0 points"
    /// when it rounds to nothing (never "+£0.00"); "" when either side is missing.
    /// </summary>
    public static string Change(Kpi kpi, KpiFigures? now, KpiFigures? before, Shown nowShown, Shown beforeShown, ReportText? text = null)
    {
        if (nowShown != Shown.Value || beforeShown != Shown.Value) return DisclosureView.ConfidentialSymbol;
        if (now?.Value(kpi) is not { } a || before?.Value(kpi) is not { } b) return "";
        var d = a - b;
        return kpi == Kpi.CostPerTransaction
            ? (Core.Domain.Money.ToPence(d) > 0 ? "+" : "") + Fmt.Money(d)
            : (text ?? ReportText.En).Points(d);
    }
}
