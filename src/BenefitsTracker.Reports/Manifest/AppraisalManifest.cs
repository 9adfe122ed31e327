using System.Text.Json;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Reports.Manifest;

/// <summary>
/// The Green Book keys of manifest.json (SPEC.md): cash, real, appraisal, switching_values, scenarios,
/// monte_carlo, and the tornado's bars. Drawn from <see cref="SavingsResult.Appraisal"/>; nothing is computed here.
/// </summary>
internal static class AppraisalManifest
{
    /// <summary>Switching values and ranges keep six decimals: a unit cost moved by a tenth of a penny can move NPV by pounds.</summary>
    private const int InputDecimals = 6;

    public static void Write(Utf8JsonWriter w, SavingsResult r)
    {
        if (r.Appraisal is not { } a) return;

        w.WritePropertyName("cash");
        w.WriteStartObject();
        Money(w, "cashable_net_gbp", a.Cash.CashableNet);
        Ratio(w, "cashable_roi", a.Cash.CashableRoi);
        if (a.Cash.CashablePaybackMonth is { } pm) w.WriteString("cashable_payback_month", pm.ToString()); else w.WriteNull("cashable_payback_month");
        w.WriteEndObject();

        if (a.Real is { } real)
        {
            w.WritePropertyName("real");
            w.WriteStartObject();
            w.WriteString("price_base", real.PriceBase);
            Money(w, "adjusted_benefit_gbp", real.AdjustedBenefit);
            Money(w, "costs_gbp", real.Costs);
            Money(w, "net_benefit_gbp", real.NetBenefit);
            Money(w, "npv_gbp", real.Npv);
            w.WriteString("deflators", real.DeflatorSource);
            w.WriteEndObject();
        }
        else w.WriteNull("real");

        if (a.Horizon is { } h)
        {
            w.WritePropertyName("appraisal");
            w.WriteStartObject();
            w.WriteNumber("years", h.Years);
            Ratio(w, "benefit_drop_off", h.BenefitDropOff);
            Money(w, "npv_gbp", h.Npv);
            w.WriteNumber("projected_months", h.ProjectedMonths.Count);
            Money(w, "projected_adjusted_benefit_gbp", h.AdjustedBenefit);
            Money(w, "projected_costs_gbp", h.Costs);
            w.WriteEndObject();
        }
        else w.WriteNull("appraisal");

        w.WritePropertyName("switching_values");
        w.WriteStartArray();
        foreach (var s in a.SwitchingValues)
        {
            w.WriteStartObject();
            w.WriteString("input", s.Input);
            Input(w, "assumed", s.Assumed);
            Input(w, "switching_value", s.Value);
            if (s.ChangePct is { } pct) w.WriteNumber("change_pct", Math.Round(pct, 2, MidpointRounding.AwayFromZero));
            else w.WriteNull("change_pct");
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WritePropertyName("scenarios");
        w.WriteStartObject();
        Money(w, "low_npv_gbp", a.Scenarios.LowNpv);
        Money(w, "central_npv_gbp", a.Scenarios.CentralNpv);
        Money(w, "high_npv_gbp", a.Scenarios.HighNpv);
        w.WriteEndObject();

        w.WritePropertyName("tornado");
        w.WriteStartArray();
        foreach (var b in a.Tornado)
        {
            w.WriteStartObject();
            w.WriteString("input", b.Input);
            Input(w, "low", b.Low);
            Input(w, "high", b.High);
            Money(w, "npv_at_low_gbp", b.NpvAtLow);
            Money(w, "npv_at_high_gbp", b.NpvAtHigh);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (a.MonteCarlo is { } mc)
        {
            w.WritePropertyName("monte_carlo");
            w.WriteStartObject();
            w.WriteNumber("draws", mc.Draws);
            w.WriteNumber("seed", mc.Seed);
            Money(w, "p10_npv_gbp", mc.P10Npv);
            Money(w, "p50_npv_gbp", mc.P50Npv);
            Money(w, "p90_npv_gbp", mc.P90Npv);
            Money(w, "p10_net_gbp", mc.P10Net);
            Money(w, "p50_net_gbp", mc.P50Net);
            Money(w, "p90_net_gbp", mc.P90Net);
            Ratio(w, "p_npv_positive", mc.ProbabilityNpvPositive);
            w.WritePropertyName("inputs");
            w.WriteStartArray();
            foreach (var input in mc.Inputs) w.WriteStringValue(input);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else w.WriteNull("monte_carlo");
    }

    private static void Money(Utf8JsonWriter w, string name, decimal value) => w.WriteNumber(name, Core.Domain.Money.ToPence(value) + 0.00m);

    private static void Ratio(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v) w.WriteNumber(name, (double)v); else w.WriteNull(name);
    }

    private static void Input(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v) w.WriteNumber(name, Math.Round(v, InputDecimals, MidpointRounding.AwayFromZero)); else w.WriteNull(name);
    }
}
