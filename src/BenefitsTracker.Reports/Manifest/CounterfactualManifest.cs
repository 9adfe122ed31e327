using System.Text.Json;
using BenefitsTracker.Core.Disclosure;
using BenefitsTracker.Core.Model;

namespace BenefitsTracker.Reports.Manifest;

/// <summary>
/// manifest.json's <c>"counterfactual"</c> (SPEC.md): one entry per service and method, with the
/// estimate and its interval or the reason it was refused. A consortium's entries also name the council,
/// and leave out the members that <see cref="DisclosureView"/> withholds.
/// Written only when estimates are attached to the result.
/// </summary>
internal static class CounterfactualManifest
{
    public static void Write(Utf8JsonWriter w, SavingsResult result)
    {
        if (result.Counterfactual.Count == 0) return;
        var withCouncil = result.Scope.Kind == ScopeKind.Consortium;
        w.WritePropertyName("counterfactual");
        w.WriteStartArray();
        // A consortium's manifest is shared beyond one council: a member withheld for small numbers has no entries.
        var view = DisclosureView.Of(result);
        foreach (var e in result.Counterfactual)
        {
            if (withCouncil && view.Member(e.Council) != Shown.Value) continue;
            w.WriteStartObject();
            if (withCouncil) w.WriteString("council", e.Council);
            w.WriteString("service", e.Service);
            w.WriteString("method", e.Method);
            if (e.Refused is { } reason)
            {
                w.WriteString("refused", reason);
            }
            else
            {
                w.WriteNumber("estimated_deadweight", e.EstimatedDeadweight!.Value);
                Pair(w, "ci95", e.DeadweightCi95!);
                w.WriteNumber("effect_transactions", e.EffectTransactions!.Value);
                Pair(w, "effect_ci95", e.EffectCi95!);
                w.WriteNumber("months_before", e.MonthsBefore);
                w.WriteNumber("months_after", e.MonthsAfter);
                w.WriteNumber("assumed_deadweight", e.AssumedDeadweight);
                if (e.DeadweightNote is { } note)
                {
                    w.WriteNumber("unbounded_deadweight", e.UnboundedDeadweight!.Value);
                    w.WriteString("deadweight_note", note);
                }
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Pair(Utf8JsonWriter w, string name, Interval interval)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        w.WriteNumberValue(interval.Low);
        w.WriteNumberValue(interval.High);
        w.WriteEndArray();
    }
}
