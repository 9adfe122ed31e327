using System.Text.Json;
using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Reports.Manifest;

/// <summary>
/// The "kpis" key of manifest.json (SPEC.md): the four service KPIs per service over the period, against
/// their targets and the same months a year earlier, and the same month by month. Drawn from
/// <see cref="SavingsResult.Kpis"/>; in a shared manifest, through <see cref="KpiDisclosure"/>.
/// </summary>
internal static class KpiManifest
{
    /// <summary>
    /// Writes <paramref name="r"/>'s KPIs. <paramref name="shared"/> is the consortium's disclosure when
    /// <paramref name="r"/> is a member of a shared manifest (then no months, as for the member's other figures).
    /// </summary>
    public static void Write(Utf8JsonWriter w, SavingsResult r, KpiDisclosure? shared = null)
    {
        var own = shared is null ? KpiDisclosure.Of(r) : null;
        var controlled = (shared ?? own)!.View.Controlled;
        w.WritePropertyName("kpis");
        w.WriteStartArray();
        foreach (var k in r.Kpis)
        {
            w.WriteStartObject();
            w.WriteString("service", k.Service);
            Shown Hidden(Kpi kpi) => !controlled ? Shown.Value
                : shared is not null ? shared.Member(r.Scope.Id, k.Service, kpi)
                : own!.Period(k.Service, kpi);
            Figures(w, k.Period, Hidden, (shared ?? own)!.View);
            Targets(w, k.Targets, k.Period, Hidden);
            if (shared is null)
            {
                w.WritePropertyName("year_earlier");
                if (k.YearEarlier is { } ye)
                {
                    w.WriteStartObject();
                    Figures(w, ye, kpi => controlled ? own!.Period(k.Service, kpi, yearEarlier: true) : Shown.Value, own!.View);
                    w.WriteEndObject();
                }
                else w.WriteNullValue();
            }
            w.WritePropertyName("months");
            w.WriteStartArray();
            for (var i = 0; shared is null && i < k.Months.Count; i++)
            {
                var m = k.Months[i];
                var index = i;
                w.WriteStartObject();
                w.WriteString("month", m.Month.ToString());
                w.WriteBoolean("known", m.Figures is not null);
                Figures(w, m.Figures, kpi => controlled ? own!.Month(k.Service, index, kpi) : Shown.Value, own!.View);
                w.WritePropertyName("year_earlier");
                if (m.YearEarlier is { } ye)
                {
                    w.WriteStartObject();
                    w.WriteString("month", m.Month.AddMonths(-12).ToString());
                    Figures(w, ye, kpi => controlled ? own.Month(k.Service, index, kpi, yearEarlier: true) : Shown.Value, own.View);
                    w.WriteEndObject();
                }
                else w.WriteNullValue();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The four KPIs and the ratings count; a KPI whose count is hidden is withheld (null), and the count shows its symbol.</summary>
    private static void Figures(Utf8JsonWriter w, KpiFigures? f, Func<Kpi, Shown> hidden, DisclosureView view)
    {
        foreach (var kpi in Kpis.All)
        {
            var value = f is not null && hidden(kpi) == Shown.Value ? f.Value(kpi) : null;
            if (kpi == Kpi.CostPerTransaction) Money(w, kpi.Key(), value);
            else Ratio(w, kpi.Key(), value);
        }
        if (f is null) w.WriteNull("ratings");
        else if (hidden(Kpi.UserSatisfaction) is var shown && shown != Shown.Value) w.WriteString("ratings", view.Symbol(shown));
        else w.WriteNumber("ratings", f.Ratings);
    }

    /// <summary>Each target set, and whether the period meets it (null where the KPI is unknown or withheld).</summary>
    private static void Targets(Utf8JsonWriter w, KpiTargets? targets, KpiFigures period, Func<Kpi, Shown> hidden)
    {
        w.WritePropertyName("targets");
        if (targets is null) { w.WriteNullValue(); return; }
        w.WriteStartObject();
        foreach (var kpi in Kpis.All)
        {
            if (targets.Of(kpi) is not { } t) continue;
            if (kpi == Kpi.CostPerTransaction) Money(w, kpi.Key(), t); else Ratio(w, kpi.Key(), t);
        }
        w.WritePropertyName("met");
        w.WriteStartObject();
        foreach (var kpi in Kpis.All)
        {
            if (targets.Of(kpi) is null) continue;
            var met = hidden(kpi) == Shown.Value ? targets.Met(kpi, period.Value(kpi)) : null;
            if (met is { } b) w.WriteBoolean(kpi.Key(), b); else w.WriteNull(kpi.Key());
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Money(Utf8JsonWriter w, string name, decimal? value)
    {
        w.WritePropertyName(name);
        if (value is { } v) w.WriteNumberValue(Core.Domain.Money.ToPence(v) + 0.00m); else w.WriteNullValue();
    }

    private static void Ratio(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v) w.WriteNumber(name, (double)v); else w.WriteNull(name);
    }
}
