using System.Globalization;
using BenefitsTracker.Core.Domain;
using BenefitsTracker.Core.Model;
using BenefitsTracker.Reports.Formatting;

namespace BenefitsTracker.Cli.Terminal;

/// <summary>The headline of a report, printed in plain English after it is written.</summary>
public static class Summary
{
    public static void Print(SavingsResult r, string outDir)
    {
        var t = r.Totals;
        Console.WriteLine($"{r.Scope.Name} ({r.Scope.Id}), {r.Request.From} to " +
            $"{r.Request.To}{(r.Request.Service is { } s ? ", service " + s : "")}:");
        // Months without data first, before any figure: they are unknown, not zero.
        foreach (var sentence in CoverageText.Sentences(r)) Console.WriteLine($"  months without data: {sentence}");
        Console.WriteLine($"  adjusted benefit {Pounds(t.AdjustedBenefit)} (cashable {Pounds(t.Cashable)}, non-cashable {Pounds(t.NonCashable)}); " +
                          $"costs {Pounds(t.Costs)}; net {Pounds(t.NetBenefit)}; " +
                          $"ROI {(t.Roi is { } roi ? WholePercent(roi) : "not defined (no costs)")}; " +
                          $"payback {(t.PaybackMonth is { } pm ? Fmt.MonthLong(pm) : "not within the period")}");
        if (r.Appraisal is { } a)
        {
            // The cash view beside the full figures (issue 12): a case that pays back only with staff time says so.
            var cash = a.Cash;
            Console.WriteLine($"  in cash: cashable net {Pounds(cash.CashableNet)}; " +
                              $"cashable ROI {(cash.CashableRoi is { } croi ? WholePercent(croi) : "not defined (no costs)")}; " +
                              (cash.CashablePaybackMonth is { } cpm ? $"cashable payback {Fmt.MonthLong(cpm)}"
                                  : "in cash terms it has not yet paid back"));
            if (a.Horizon is { } h) Console.WriteLine($"  appraisal NPV over {h.Years} years ({h.ProjectedMonths.Count} months projected): " +
                $"{Pounds(h.Npv)}");
            if (a.Real is { } real) Console.WriteLine($"  in {real.PriceBase} prices: net {Pounds(real.NetBenefit)}; NPV {Pounds(real.Npv)}");
        }
        foreach (var note in r.Notes) Console.WriteLine($"  note: {note}");
        Console.WriteLine($"  written to {outDir}");
    }

    public static string Pounds(decimal value) => Money.Format(value);

    /// <summary>A ratio as a whole percentage, with a true minus sign as the reports write it: −0.305 → "−31%"; never "−0%".</summary>
    public static string WholePercent(decimal ratio)
    {
        var shown = Math.Round(ratio * 100m, 0, MidpointRounding.AwayFromZero);
        return (shown < 0 ? "\u2212" : "") + Math.Abs(shown).ToString("0", CultureInfo.InvariantCulture) + "%";
    }
}
